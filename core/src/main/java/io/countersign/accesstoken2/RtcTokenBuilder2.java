package io.countersign.accesstoken2;

import io.countersign.internal.Checks;
import io.countersign.codec.InvalidArgumentException;
import io.countersign.codec.Privileges;
import io.countersign.codec.SaltSource;

import java.time.Clock;

/**
 * RTC tokens (007), with the official builder's method names and argument order, so that code
 * using {@code io.agora.media.RtcTokenBuilder2} switches by changing the import. Expire values
 * are seconds from now (u32). Inputs that the official builders answer with "" throw
 * {@link IllegalArgumentException} naming the field. Thread-safe.
 */
public class RtcTokenBuilder2 {
    /** RTC roles: a publisher may also publish audio, video and data; a subscriber only joins. */
    public enum Role {
        /** Value 1: joins and may publish audio, video and data. */
        ROLE_PUBLISHER(1),
        /** Value 2: joins only. */
        ROLE_SUBSCRIBER(2);

        /** The protocol value, 1 or 2; the official Java enum names this field the same. */
        public final int initValue;

        Role(int initValue) {
            this.initValue = initValue;
        }

        /**
         * The role with this protocol value.
         *
         * @param value 1 (publisher) or 2 (subscriber)
         * @return the role
         * @throws InvalidArgumentException for any other value
         */
        public static Role of(int value) {
            for (Role r : values()) {
                if (r.initValue == value) {
                    return r;
                }
            }
            throw new InvalidArgumentException("role", "must be 1 (publisher) or 2 (subscriber), was " + value);
        }
    }

    private final Issuer issuer;

    /** Tokens issued now, with a secure random salt. */
    public RtcTokenBuilder2() {
        this.issuer = Issuer.SYSTEM;
    }

    /**
     * Tokens issued at {@code clock}'s time with salts from {@code salts}: for tests and reproducible tokens.
     *
     * @param clock the clock whose current second becomes each token's issueTs
     * @param salts where each token's salt comes from, e.g. {@link SaltSource#fixed(long)}
     * @throws InvalidArgumentException if either is null
     */
    public RtcTokenBuilder2(Clock clock, SaltSource salts) {
        this.issuer = new Issuer(clock, salts);
    }

    /**
     * A token for {@code uid} (0 means any uid); an int is read as unsigned, as the official Java does.
     *
     * @param appId the App ID, 32 hexadecimal characters
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param channelName the channel, at most 65535 UTF-8 bytes
     * @param uid the user id; 0 for any
     * @param role publisher (join and the three publish privileges) or subscriber (join only); not null
     * @param tokenExpire seconds from now until the token expires, a u32
     * @param privilegeExpire seconds from now until each privilege of the role expires, a u32
     * @return the token, {@code "007"} and base64
     * @throws InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public String buildTokenWithUid(String appId, String appCertificate, String channelName, int uid, Role role,
                                    long tokenExpire, long privilegeExpire) {
        return buildTokenWithUid(appId, appCertificate, channelName, Integer.toUnsignedLong(uid), role, tokenExpire, privilegeExpire);
    }

    /**
     * A token for {@code uid}, packed as its decimal string ("" for 0, which means any uid).
     *
     * @param appId the App ID, 32 hexadecimal characters
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param channelName the channel, at most 65535 UTF-8 bytes
     * @param uid the user id, within 0..4294967295
     * @param role publisher (join and the three publish privileges) or subscriber (join only); not null
     * @param tokenExpire seconds from now until the token expires, a u32
     * @param privilegeExpire seconds from now until each privilege of the role expires, a u32
     * @return the token, {@code "007"} and base64
     * @throws InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public String buildTokenWithUid(String appId, String appCertificate, String channelName, long uid, Role role,
                                    long tokenExpire, long privilegeExpire) {
        return buildTokenWithUserAccount(appId, appCertificate, channelName, Issuer.uidString(uid), role, tokenExpire, privilegeExpire);
    }

    /**
     * A token for a string user account.
     *
     * @param appId the App ID, 32 hexadecimal characters
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param channelName the channel, at most 65535 UTF-8 bytes
     * @param account the user account, at most 65535 UTF-8 bytes; "" means any user, as uid 0 does
     * @param role publisher (join and the three publish privileges) or subscriber (join only); not null
     * @param tokenExpire seconds from now until the token expires, a u32
     * @param privilegeExpire seconds from now until each privilege of the role expires, a u32
     * @return the token, {@code "007"} and base64
     * @throws InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public String buildTokenWithUserAccount(String appId, String appCertificate, String channelName, String account,
                                            Role role, long tokenExpire, long privilegeExpire) {
        return issuer.issue(appId, appCertificate, tokenExpire, rtc(channelName, account, role, privilegeExpire,
                privilegeExpire, privilegeExpire, privilegeExpire));
    }

    /**
     * A token for {@code uid} with all four privileges, each with its own expiry (the official Java overload).
     *
     * @param appId the App ID, 32 hexadecimal characters
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param channelName the channel, at most 65535 UTF-8 bytes
     * @param uid the user id, within 0..4294967295; 0 for any
     * @param tokenExpire seconds from now until the token expires, a u32
     * @param joinChannelPrivilegeExpire seconds from now until joining expires, a u32
     * @param pubAudioPrivilegeExpire seconds from now until publishing audio expires, a u32
     * @param pubVideoPrivilegeExpire seconds from now until publishing video expires, a u32
     * @param pubDataStreamPrivilegeExpire seconds from now until publishing data expires, a u32
     * @return the token, {@code "007"} and base64
     * @throws InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public String buildTokenWithUid(String appId, String appCertificate, String channelName, long uid, long tokenExpire,
                                    long joinChannelPrivilegeExpire, long pubAudioPrivilegeExpire,
                                    long pubVideoPrivilegeExpire, long pubDataStreamPrivilegeExpire) {
        return buildTokenWithUserAccount(appId, appCertificate, channelName, Issuer.uidString(uid), tokenExpire,
                joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire);
    }

    /**
     * As {@link #buildTokenWithUid(String, String, String, long, long, long, long, long, long)}, with an int uid read as unsigned.
     *
     * @param appId the App ID, 32 hexadecimal characters
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param channelName the channel, at most 65535 UTF-8 bytes
     * @param uid the user id; 0 for any
     * @param tokenExpire seconds from now until the token expires, a u32
     * @param joinChannelPrivilegeExpire seconds from now until joining expires, a u32
     * @param pubAudioPrivilegeExpire seconds from now until publishing audio expires, a u32
     * @param pubVideoPrivilegeExpire seconds from now until publishing video expires, a u32
     * @param pubDataStreamPrivilegeExpire seconds from now until publishing data expires, a u32
     * @return the token, {@code "007"} and base64
     * @throws InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public String buildTokenWithUid(String appId, String appCertificate, String channelName, int uid, long tokenExpire,
                                    long joinChannelPrivilegeExpire, long pubAudioPrivilegeExpire,
                                    long pubVideoPrivilegeExpire, long pubDataStreamPrivilegeExpire) {
        return buildTokenWithUid(appId, appCertificate, channelName, Integer.toUnsignedLong(uid), tokenExpire,
                joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire);
    }

    /**
     * The official Node name for {@link #buildTokenWithUid(String, String, String, long, long, long, long, long, long)}.
     *
     * @param appId the App ID, 32 hexadecimal characters
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param channelName the channel, at most 65535 UTF-8 bytes
     * @param uid the user id, within 0..4294967295; 0 for any
     * @param tokenExpire seconds from now until the token expires, a u32
     * @param joinChannelPrivilegeExpire seconds from now until joining expires, a u32
     * @param pubAudioPrivilegeExpire seconds from now until publishing audio expires, a u32
     * @param pubVideoPrivilegeExpire seconds from now until publishing video expires, a u32
     * @param pubDataStreamPrivilegeExpire seconds from now until publishing data expires, a u32
     * @return the token, {@code "007"} and base64
     * @throws InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public String buildTokenWithUidAndPrivilege(String appId, String appCertificate, String channelName, long uid,
                                                long tokenExpire, long joinChannelPrivilegeExpire,
                                                long pubAudioPrivilegeExpire, long pubVideoPrivilegeExpire,
                                                long pubDataStreamPrivilegeExpire) {
        return buildTokenWithUid(appId, appCertificate, channelName, uid, tokenExpire, joinChannelPrivilegeExpire,
                pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire);
    }

    /**
     * A token for a user account with all four privileges, each with its own expiry (the official Java overload).
     *
     * @param appId the App ID, 32 hexadecimal characters
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param channelName the channel, at most 65535 UTF-8 bytes
     * @param account the user account, at most 65535 UTF-8 bytes
     * @param tokenExpire seconds from now until the token expires, a u32
     * @param joinChannelPrivilegeExpire seconds from now until joining expires, a u32
     * @param pubAudioPrivilegeExpire seconds from now until publishing audio expires, a u32
     * @param pubVideoPrivilegeExpire seconds from now until publishing video expires, a u32
     * @param pubDataStreamPrivilegeExpire seconds from now until publishing data expires, a u32
     * @return the token, {@code "007"} and base64
     * @throws InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public String buildTokenWithUserAccount(String appId, String appCertificate, String channelName, String account,
                                            long tokenExpire, long joinChannelPrivilegeExpire,
                                            long pubAudioPrivilegeExpire, long pubVideoPrivilegeExpire,
                                            long pubDataStreamPrivilegeExpire) {
        Service.Rtc rtc = new Service.Rtc(channelName, Checks.notNull("account", account), Privileges.builder()
                .put(Service.Rtc.JOIN_CHANNEL, joinChannelPrivilegeExpire)
                .put(Service.Rtc.PUBLISH_AUDIO_STREAM, pubAudioPrivilegeExpire)
                .put(Service.Rtc.PUBLISH_VIDEO_STREAM, pubVideoPrivilegeExpire)
                .put(Service.Rtc.PUBLISH_DATA_STREAM, pubDataStreamPrivilegeExpire)
                .build());
        return issuer.issue(appId, appCertificate, tokenExpire, rtc);
    }

    /**
     * The official Node name for {@link #buildTokenWithUserAccount(String, String, String, String, long, long, long, long, long)}.
     *
     * @param appId the App ID, 32 hexadecimal characters
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param channelName the channel, at most 65535 UTF-8 bytes
     * @param account the user account, at most 65535 UTF-8 bytes
     * @param tokenExpire seconds from now until the token expires, a u32
     * @param joinChannelPrivilegeExpire seconds from now until joining expires, a u32
     * @param pubAudioPrivilegeExpire seconds from now until publishing audio expires, a u32
     * @param pubVideoPrivilegeExpire seconds from now until publishing video expires, a u32
     * @param pubDataStreamPrivilegeExpire seconds from now until publishing data expires, a u32
     * @return the token, {@code "007"} and base64
     * @throws InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public String buildTokenWithUserAccountAndPrivilege(String appId, String appCertificate, String channelName,
                                                        String account, long tokenExpire,
                                                        long joinChannelPrivilegeExpire, long pubAudioPrivilegeExpire,
                                                        long pubVideoPrivilegeExpire, long pubDataStreamPrivilegeExpire) {
        return buildTokenWithUserAccount(appId, appCertificate, channelName, account, tokenExpire,
                joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire);
    }

    /**
     * RTC plus RTM login for the same account; the RTM login lasts {@code tokenExpire}.
     *
     * @param appId the App ID, 32 hexadecimal characters
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param channelName the channel, at most 65535 UTF-8 bytes
     * @param account the RTC account and RTM user, at most 65535 UTF-8 bytes
     * @param role publisher (join and the three publish privileges) or subscriber (join only); not null
     * @param tokenExpire seconds from now until the token expires, a u32
     * @param privilegeExpire seconds from now until each privilege of the role expires, a u32
     * @return the token, {@code "007"} and base64
     * @throws InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public String buildTokenWithRtm(String appId, String appCertificate, String channelName, String account, Role role,
                                    long tokenExpire, long privilegeExpire) {
        Service.Rtc rtc = rtc(channelName, account, role, privilegeExpire, privilegeExpire, privilegeExpire, privilegeExpire);
        Service.Rtm rtm = new Service.Rtm(account, Privileges.of(Service.Rtm.LOGIN, tokenExpire));
        return issuer.issue(appId, appCertificate, tokenExpire, rtc, rtm);
    }

    /**
     * RTC for {@code rtcAccount} plus RTM login for {@code rtmUserId}, each with its own expiry.
     *
     * @param appId the App ID, 32 hexadecimal characters
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param channelName the channel, at most 65535 UTF-8 bytes
     * @param rtcAccount the RTC account: a decimal uid, a user account, or "" for any
     * @param rtcRole publisher (all four privileges) or subscriber (join only); not null
     * @param rtcTokenExpire seconds from now until the token expires, a u32
     * @param joinChannelPrivilegeExpire seconds from now until joining expires, a u32
     * @param pubAudioPrivilegeExpire seconds from now until publishing audio expires (publisher only), a u32
     * @param pubVideoPrivilegeExpire seconds from now until publishing video expires (publisher only), a u32
     * @param pubDataStreamPrivilegeExpire seconds from now until publishing data expires (publisher only), a u32
     * @param rtmUserId the RTM user, at most 65535 UTF-8 bytes
     * @param rtmTokenExpire seconds from now until the RTM login expires, a u32
     * @return the token, {@code "007"} and base64
     * @throws InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public String buildTokenWithRtm2(String appId, String appCertificate, String channelName, String rtcAccount,
                                     Role rtcRole, long rtcTokenExpire, long joinChannelPrivilegeExpire,
                                     long pubAudioPrivilegeExpire, long pubVideoPrivilegeExpire,
                                     long pubDataStreamPrivilegeExpire, String rtmUserId, long rtmTokenExpire) {
        return issuer.issue(appId, appCertificate, rtcTokenExpire,
                withRtm(rtcAccount, channelName, rtcRole, joinChannelPrivilegeExpire, pubAudioPrivilegeExpire,
                        pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire, rtmUserId, rtmTokenExpire));
    }

    /** The RTC service of a role: join always, the three publish privileges for a publisher only. */
    static Service.Rtc rtc(String channelName, String account, Role role, long join, long audio, long video, long data) {
        Checks.notNull("role", role);
        Privileges.Builder privileges = Privileges.builder().put(Service.Rtc.JOIN_CHANNEL, join);
        if (role == Role.ROLE_PUBLISHER) {
            privileges.put(Service.Rtc.PUBLISH_AUDIO_STREAM, audio)
                    .put(Service.Rtc.PUBLISH_VIDEO_STREAM, video)
                    .put(Service.Rtc.PUBLISH_DATA_STREAM, data);
        }
        return new Service.Rtc(channelName, Checks.notNull("account", account), privileges.build());
    }

    /** RTC by role plus RTM login: the services of buildTokenWithRtm2, ConvoAI and STT tokens. */
    static Service[] withRtm(String rtcAccount, String channelName, Role rtcRole, long join, long audio, long video,
                             long data, String rtmUserId, long rtmTokenExpire, Service... more) {
        Service[] services = new Service[2 + more.length];
        services[0] = rtc(channelName, rtcAccount, rtcRole, join, audio, video, data);
        services[1] = new Service.Rtm(Checks.notNull("rtmUserId", rtmUserId), Privileges.of(Service.Rtm.LOGIN, rtmTokenExpire));
        System.arraycopy(more, 0, services, 2, more.length);
        return services;
    }
}
