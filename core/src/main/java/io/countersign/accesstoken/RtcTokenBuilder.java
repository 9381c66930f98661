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
        Role_Attendee(0),
        Role_Publisher(1),
        Role_Subscriber(2),
        Role_Admin(101);

        public final int initValue;

        Role(int initValue) {
            this.initValue = initValue;
        }

        /** The role with this protocol value (0, 1, 2 or 101). */
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

    /** Tokens stamped with {@code clock}'s time and salts from {@code salts}: for tests and reproducible tokens. */
    public RtcTokenBuilder(Clock clock, SaltSource salts) {
        this.issuer = new Issuer(clock, salts);
    }

    /**
     * A token for {@code uid} (0 means any uid). An int is read as unsigned, so uid 2882341273
     * passed as an int packs as "2882341273"; the official Java builder would pack its signed
     * form "-1412626023" there, which no client uid matches.
     */
    public String buildTokenWithUid(String appId, String appCertificate, String channelName, int uid, Role role,
                                    long privilegeExpiredTs) {
        return buildTokenWithUid(appId, appCertificate, channelName, Integer.toUnsignedLong(uid), role, privilegeExpiredTs);
    }

    /** A token for {@code uid} in 0..4294967295 (0 means any uid, packed as ""). */
    public String buildTokenWithUid(String appId, String appCertificate, String channelName, long uid, Role role,
                                    long privilegeExpiredTs) {
        return buildTokenWithAccount(appId, appCertificate, channelName, Issuer.uidString(uid), role, privilegeExpiredTs);
    }

    /** A token for a string account, packed as given ("0" stays "0"). The official Node name. */
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

    /** The official Java name for {@link #buildTokenWithAccount}. */
    public String buildTokenWithUserAccount(String appId, String appCertificate, String channelName, String account,
                                            Role role, long privilegeExpiredTs) {
        return buildTokenWithAccount(appId, appCertificate, channelName, account, role, privilegeExpiredTs);
    }
}
