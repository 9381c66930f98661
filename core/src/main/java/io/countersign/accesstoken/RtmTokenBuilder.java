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
        /** Value 1, the only role. */
        Rtm_User(1);

        /** The protocol value, 1; the official Java enum names this field the same. */
        public final int value;

        Role(int value) {
            this.value = value;
        }
    }

    private final Issuer issuer;

    /** A builder that stamps tokens with the system clock and a secure random salt. */
    public RtmTokenBuilder() {
        this.issuer = Issuer.SYSTEM;
    }

    /**
     * A builder that stamps tokens with {@code clock}'s time and salts from {@code salts}: for tests and reproducible tokens.
     *
     * @param clock the clock; each token's ts is its current second plus 24 hours
     * @param salts where each token's salt comes from, e.g. {@link SaltSource#fixed(long)}
     * @throws io.countersign.codec.InvalidArgumentException if either is null
     */
    public RtmTokenBuilder(Clock clock, SaltSource salts) {
        this.issuer = new Issuer(clock, salts);
    }

    /**
     * An RTM login token for {@code account}, packed in the channel name's place with uid "".
     *
     * @param appId the App ID, 32 hexadecimal characters
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param account the RTM user
     * @param role ignored, as by every official builder; may be null
     * @param privilegeExpiredTs when the login expires, unix seconds (a u32), not a duration
     * @return the token, {@code "006"}, the App ID and base64
     * @throws io.countersign.codec.InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public String buildToken(String appId, String appCertificate, String account, Role role, long privilegeExpiredTs) {
        return issuer.issue(appId, appCertificate, Checks.notNull("account", account), "",
                Privileges.of(AccessToken.RTM_LOGIN, privilegeExpiredTs));
    }
}
