package io.countersign.accesstoken2;

import io.countersign.codec.Privileges;
import io.countersign.codec.SaltSource;

import java.time.Clock;

/** FPA tokens (007), named as the official {@code io.agora.media.FpaTokenBuilder}. Thread-safe. */
public class FpaTokenBuilder {
    /** The official builder's fixed token lifetime: 24 hours. */
    public static final long EXPIRE_SECONDS = 24 * 3600;

    private final Issuer issuer;

    public FpaTokenBuilder() {
        this.issuer = Issuer.SYSTEM;
    }

    public FpaTokenBuilder(Clock clock, SaltSource salts) {
        this.issuer = new Issuer(clock, salts);
    }

    /** An FPA login token valid 24 hours; the login privilege is 0 as in the official builder. */
    public String buildToken(String appId, String appCertificate) {
        return issuer.issue(appId, appCertificate, EXPIRE_SECONDS, new Service.Fpa(Privileges.of(Service.Fpa.LOGIN, 0)));
    }
}
