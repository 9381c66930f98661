package io.countersign.accesstoken;

import io.countersign.codec.ByteString;
import io.countersign.internal.Checks;
import io.countersign.codec.InvalidArgumentException;
import io.countersign.codec.Privileges;

/**
 * The content of a 006 token: the App ID, the channel name and uid it is bound to, a salt, a
 * timestamp and the privileges (u16 id to u32 unix expiry timestamp). {@code ts} and
 * {@code salt} are u32. The token carries only CRC32s of the channel name and uid, so they must
 * be given again to verify it. Immutable.
 *
 * @param appId the App ID, 32 hexadecimal characters
 * @param channelName the channel it is bound to (signed, and packed only as a CRC32)
 * @param uid the user as packed: a decimal uid, an account, or empty for uid 0 (signed, and packed only as a CRC32)
 * @param salt the random salt, a u32
 * @param ts the token's timestamp, unix seconds (a u32); the official builders stamp now + 24 hours
 * @param privileges privilege id to its expiry, unix seconds
 */
public record AccessToken(String appId, ByteString channelName, ByteString uid, long salt, long ts,
                          Privileges privileges) {
    /** The version prefix every 006 token starts with. */
    public static final String VERSION = "006";

    /** Privilege 1, join the channel; the ids are numbered as the official {@code AccessToken.Privileges}. */
    public static final int JOIN_CHANNEL = 1;
    /** Privilege 2: publish audio. */
    public static final int PUBLISH_AUDIO_STREAM = 2;
    /** Privilege 3: publish video. */
    public static final int PUBLISH_VIDEO_STREAM = 3;
    /** Privilege 4: publish data streams. */
    public static final int PUBLISH_DATA_STREAM = 4;
    /** Privilege 1000: RTM login, the one privilege of an RTM token. */
    public static final int RTM_LOGIN = 1000;

    /**
     * The privileges travel inside a byte string with a u16 length, after 10 bytes of salt, ts
     * and count, at 6 bytes each: (65535 - 10) / 6.
     */
    public static final int MAX_PRIVILEGES = 10_920;

    /**
     * Checks every field.
     *
     * @param appId 32 hexadecimal characters
     * @param channelName not null
     * @param uid not null
     * @param salt within 0..4294967295
     * @param ts within 0..4294967295
     * @param privileges not null, at most {@link #MAX_PRIVILEGES}
     * @throws InvalidArgumentException if a field breaks its rule
     */
    public AccessToken {
        Checks.hex32("appId", appId);
        Checks.notNull("channelName", channelName);
        Checks.notNull("uid", uid);
        Checks.u32("salt", salt);
        Checks.u32("ts", ts);
        Checks.notNull("privileges", privileges);
        if (privileges.size() > MAX_PRIVILEGES) {
            throw new InvalidArgumentException("privileges", "at most " + MAX_PRIVILEGES
                    + " fit the u16-length message, was " + privileges.size());
        }
    }

    /**
     * From plain strings, encoded as UTF-8.
     *
     * @param appId 32 hexadecimal characters
     * @param channelName the channel
     * @param uid the packed string: a decimal uid, an account, or "" for uid 0
     * @param salt a u32
     * @param ts unix seconds, a u32
     * @param privileges privilege id to its expiry, unix seconds
     * @throws InvalidArgumentException if a field breaks its rule
     */
    public AccessToken(String appId, String channelName, String uid, long salt, long ts, Privileges privileges) {
        this(appId, ByteString.utf8("channelName", channelName), ByteString.utf8("uid", uid), salt, ts, privileges);
    }
}
