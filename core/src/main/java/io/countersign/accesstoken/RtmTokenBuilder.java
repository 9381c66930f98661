package io.countersign.accesstoken;

import io.countersign.internal.Checks;
import io.countersign.codec.Privileges;
import io.countersign.codec.SaltSource;

import java.time.Clock;

/**
 * RTM login tokens (006), named as the official {@code io.agora.rtm.RtmTokenBuilder}. As every
 * official builder does, the account takes the channel name's place in the token and the uid
 * is "", so verify such a token with channelName = account and uid = "". Thread-safe.
 */
public class RtmTokenBuilder {
    /** The one RTM role; every official builder ignores it. */
    public enum Role {
        Rtm_User(1);

        public final int value;

        Role(int value) {
            this.value = value;
        }
    }

    private final Issuer issuer;

    public RtmTokenBuilder() {
        this.issuer = Issuer.SYSTEM;
    }

    public RtmTokenBuilder(Clock clock, SaltSource salts) {
        this.issuer = new Issuer(clock, salts);
    }

    /** An RTM login token for {@code account} until {@code privilegeExpiredTs} (unix seconds, u32); {@code role} is ignored. */
    public String buildToken(String appId, String appCertificate, String account, Role role, long privilegeExpiredTs) {
        return issuer.issue(appId, appCertificate, Checks.notNull("account", account), "",
                Privileges.of(AccessToken.RTM_LOGIN, privilegeExpiredTs));
    }
}
