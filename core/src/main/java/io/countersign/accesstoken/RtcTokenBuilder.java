package io.countersign.accesstoken;

import io.countersign.internal.Checks;
import io.countersign.codec.InvalidArgumentException;
import io.countersign.codec.Privileges;
import io.countersign.codec.SaltSource;

import java.time.Clock;

/**
 * RTC tokens (006), with the official builders' method names and argument order, so that code
 * using {@code io.agora.media.RtcTokenBuilder} switches by changing the import.
 * {@code privilegeExpiredTs} is a unix timestamp (u32), not a duration. The token's own
 * {@code ts} is now + 24 hours, as in every official 006 builder. Inputs the official Java
 * builder answers with "" throw {@link IllegalArgumentException} naming the field. Thread-safe.
 */
public class RtcTokenBuilder {
    /**
     * RTC roles. Attendee, publisher and admin may join and publish audio, video and data; a
     * subscriber may only join. That is what the official Node, Python and Go builders grant;
     * the official Java builder (io.agora:authentication 2.1.3) instead gives the publish
     * privileges to subscriber and not to attendee, which we do not follow.
     */
    public enum Role {
        /** Value 0: joins and publishes. */
        Role_Attendee(0),
        /** Value 1: joins and publishes. */
        Role_Publisher(1),
        /** Value 2: joins only. */
        Role_Subscriber(2),
        /** Value 101: joins and publishes. */
        Role_Admin(101);

        /** The protocol value; the official Java enum names this field the same. */
        public final int initValue;

        Role(int initValue) {
            this.initValue = initValue;
        }

        /**
         * The role with this protocol value.
         *
         * @param value 0, 1, 2 or 101
         * @return the role
         * @throws InvalidArgumentException for any other value
         */
        public static Role of(int value) {
            for (Role r : values()) {
                if (r.initValue == value) {
                    return r;
                }
            }
            throw new InvalidArgumentException("role", "must be 0 (attendee), 1 (publisher), 2 (subscriber) or 101 (admin), was "
                    + value);
        }

        boolean publishes() {
            return this != Role_Subscriber;
        }
    }

    private final Issuer issuer;

    /** Tokens stamped with the system clock and a secure random salt. */
    public RtcTokenBuilder() {
        this.issuer = Issuer.SYSTEM;
    }

    /**
     * Tokens stamped with {@code clock}'s time and salts from {@code salts}: for tests and reproducible tokens.
     *
     * @param clock the clock; each token's ts is its current second plus 24 hours
     * @param salts where each token's salt comes from, e.g. {@link SaltSource#fixed(long)}
     * @throws InvalidArgumentException if either is null
     */
    public RtcTokenBuilder(Clock clock, SaltSource salts) {
        this.issuer = new Issuer(clock, salts);
    }

    /**
     * A token for {@code uid} (0 means any uid). An int is read as unsigned, so uid 2882341273
     * passed as an int packs as "2882341273"; the official Java builder would pack its signed
     * form "-1412626023" there, which no client uid matches.
     *
     * @param appId the App ID, 32 hexadecimal characters
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param channelName the channel
     * @param uid the user id; 0 for any
     * @param role attendee, publisher and admin get join and the three publish privileges, subscriber join only; not null
     * @param privilegeExpiredTs when the privileges expire, unix seconds (a u32), not a duration
     * @return the token, {@code "006"}, the App ID and base64
     * @throws InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public String buildTokenWithUid(String appId, String appCertificate, String channelName, int uid, Role role,
                                    long privilegeExpiredTs) {
        return buildTokenWithUid(appId, appCertificate, channelName, Integer.toUnsignedLong(uid), role, privilegeExpiredTs);
    }

    /**
     * A token for {@code uid}, packed as its decimal string ("" for 0, which means any uid).
     *
     * @param appId the App ID, 32 hexadecimal characters
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param channelName the channel
     * @param uid the user id, within 0..4294967295
     * @param role attendee, publisher and admin get join and the three publish privileges, subscriber join only; not null
     * @param privilegeExpiredTs when the privileges expire, unix seconds (a u32), not a duration
     * @return the token, {@code "006"}, the App ID and base64
     * @throws InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public String buildTokenWithUid(String appId, String appCertificate, String channelName, long uid, Role role,
                                    long privilegeExpiredTs) {
        return buildTokenWithAccount(appId, appCertificate, channelName, Issuer.uidString(uid), role, privilegeExpiredTs);
    }

    /**
     * A token for a string account, packed as given ("0" stays "0"). The official Node name.
     *
     * @param appId the App ID, 32 hexadecimal characters
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param channelName the channel
     * @param account the user account; "" means any user, as uid 0 does
     * @param role attendee, publisher and admin get join and the three publish privileges, subscriber join only; not null
     * @param privilegeExpiredTs when the privileges expire, unix seconds (a u32), not a duration
     * @return the token, {@code "006"}, the App ID and base64
     * @throws InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public String buildTokenWithAccount(String appId, String appCertificate, String channelName, String account, Role role,
                                        long privilegeExpiredTs) {
        Checks.notNull("role", role);
        Privileges.Builder privileges = Privileges.builder().put(AccessToken.JOIN_CHANNEL, privilegeExpiredTs);
        if (role.publishes()) {
            privileges.put(AccessToken.PUBLISH_AUDIO_STREAM, privilegeExpiredTs)
                    .put(AccessToken.PUBLISH_VIDEO_STREAM, privilegeExpiredTs)
                    .put(AccessToken.PUBLISH_DATA_STREAM, privilegeExpiredTs);
        }
        return issuer.issue(appId, appCertificate, channelName, Checks.notNull("account", account), privileges.build());
    }

    /**
     * The official Java name for {@link #buildTokenWithAccount}.
     *
     * @param appId the App ID, 32 hexadecimal characters
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param channelName the channel
     * @param account the user account; "" means any user, as uid 0 does
     * @param role attendee, publisher and admin get join and the three publish privileges, subscriber join only; not null
     * @param privilegeExpiredTs when the privileges expire, unix seconds (a u32), not a duration
     * @return the token, {@code "006"}, the App ID and base64
     * @throws InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public String buildTokenWithUserAccount(String appId, String appCertificate, String channelName, String account,
                                            Role role, long privilegeExpiredTs) {
        return buildTokenWithAccount(appId, appCertificate, channelName, account, role, privilegeExpiredTs);
    }
}
