package io.countersign.accesstoken2;

import io.countersign.codec.Privileges;
import io.countersign.codec.SaltSource;

import java.time.Clock;

/** FPA tokens (007), named as the official {@code io.agora.media.FpaTokenBuilder}. Thread-safe. */
public class FpaTokenBuilder {
    /** The official builder's fixed token lifetime: 24 hours. */
    public static final long EXPIRE_SECONDS = 24 * 3600;

    private final Issuer issuer;

    /** A builder that issues tokens at the system clock's time, with a secure random salt. */
    public FpaTokenBuilder() {
        this.issuer = Issuer.SYSTEM;
    }

    /**
     * A builder that issues tokens at {@code clock}'s time with salts from {@code salts}: for tests and reproducible tokens.
     *
     * @param clock the clock whose current second becomes each token's issueTs
     * @param salts where each token's salt comes from, e.g. {@link SaltSource#fixed(long)}
     * @throws io.countersign.codec.InvalidArgumentException if either is null
     */
    public FpaTokenBuilder(Clock clock, SaltSource salts) {
        this.issuer = new Issuer(clock, salts);
    }

    /**
     * An FPA login token valid {@link #EXPIRE_SECONDS}; the login privilege is 0 as in the official builder.
     *
     * @param appId the App ID, 32 hexadecimal characters
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @return the token, {@code "007"} and base64
     * @throws io.countersign.codec.InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public String buildToken(String appId, String appCertificate) {
        return issuer.issue(appId, appCertificate, EXPIRE_SECONDS, new Service.Fpa(Privileges.of(Service.Fpa.LOGIN, 0)));
    }
}
