package io.countersign.accesstoken2;

import io.countersign.internal.Checks;
import io.countersign.codec.Privileges;
import io.countersign.codec.SaltSource;

import java.time.Clock;
import java.util.List;

/** RTM tokens (007), named as the official {@code io.agora.rtm.RtmTokenBuilder2}. Thread-safe. */
public class RtmTokenBuilder2 {
    private final Issuer issuer;

    /** A builder that issues tokens at the system clock's time, with a secure random salt. */
    public RtmTokenBuilder2() {
        this.issuer = Issuer.SYSTEM;
    }

    /**
     * A builder that issues tokens at {@code clock}'s time with salts from {@code salts}: for tests and reproducible tokens.
     *
     * @param clock the clock whose current second becomes each token's issueTs
     * @param salts where each token's salt comes from, e.g. {@link SaltSource#fixed(long)}
     * @throws io.countersign.codec.InvalidArgumentException if either is null
     */
    public RtmTokenBuilder2(Clock clock, SaltSource salts) {
        this.issuer = new Issuer(clock, salts);
    }

    /**
     * An RTM login token for {@code userId}.
     *
     * @param appId the App ID, 32 hexadecimal characters
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param userId the RTM user, at most 65535 UTF-8 bytes
     * @param expire seconds from now until the token and its privileges expire, a u32
     * @return the token, {@code "007"} and base64
     * @throws io.countersign.codec.InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public String buildToken(String appId, String appCertificate, String userId, long expire) {
        return issuer.issue(appId, appCertificate, expire, new Service.Rtm(userId, Privileges.of(Service.Rtm.LOGIN, expire)));
    }

    /**
     * An RTM2 login token with resource permissions, packed in their canonical order (see {@link Service.Rtm2}).
     *
     * @param appId the App ID, 32 hexadecimal characters
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param userId the RTM user, at most 65535 UTF-8 bytes
     * @param permissions what the user may read and write, per resource type; may be empty
     * @param expire seconds from now until the token and its privileges expire, a u32
     * @return the token, {@code "007"} and base64
     * @throws io.countersign.codec.InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public String buildTokenWithPermissions(String appId, String appCertificate, String userId,
                                            List<Service.Rtm2Resource> permissions, long expire) {
        return issuer.issue(appId, appCertificate, expire,
                new Service.Rtm2(userId, permissions, Privileges.of(Service.Rtm2.LOGIN, expire)));
    }

    /**
     * An RTM login token that also joins {@code channelName} (or "*", any channel) as a stream
     * channel: RTC join and publish-data-stream for {@code userId}, each valid {@code expire}
     * seconds. This is the RTM token the community agora-token-service issues on its /rte and
     * getToken routes; no official builder package has it.
     *
     * @param appId the App ID, 32 hexadecimal characters
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param userId the RTM user, also the RTC account; at most 65535 UTF-8 bytes
     * @param channelName the stream channel, or "*"; at most 65535 UTF-8 bytes
     * @param expire seconds from now until the token and its privileges expire, a u32
     * @return the token, {@code "007"} and base64
     * @throws io.countersign.codec.InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public String buildTokenWithStreamChannel(String appId, String appCertificate, String userId, String channelName,
                                              long expire) {
        Service.Rtc stream = new Service.Rtc(channelName, Checks.notNull("userId", userId), Privileges.builder()
                .put(Service.Rtc.JOIN_CHANNEL, expire)
                .put(Service.Rtc.PUBLISH_DATA_STREAM, expire)
                .build());
        return issuer.issue(appId, appCertificate, expire, stream, new Service.Rtm(userId, Privileges.of(Service.Rtm.LOGIN, expire)));
    }
}
