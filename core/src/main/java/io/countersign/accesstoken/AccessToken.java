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
 */
public record AccessToken(String appId, ByteString channelName, ByteString uid, long salt, long ts,
                          Privileges privileges) {
    public static final String VERSION = "006";

    /** Privilege ids, as the official {@code AccessToken.Privileges} numbers them. */
    public static final int JOIN_CHANNEL = 1;
    public static final int PUBLISH_AUDIO_STREAM = 2;
    public static final int PUBLISH_VIDEO_STREAM = 3;
    public static final int PUBLISH_DATA_STREAM = 4;
    public static final int RTM_LOGIN = 1000;

    /**
     * The privileges travel inside a byte string with a u16 length, after 10 bytes of salt, ts
     * and count, at 6 bytes each: (65535 - 10) / 6.
     */
    public static final int MAX_PRIVILEGES = 10_920;

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

    /** {@code uid} is the packed string: a decimal uid, an account, or "" for uid 0. */
    public AccessToken(String appId, String channelName, String uid, long salt, long ts, Privileges privileges) {
        this(appId, ByteString.utf8("channelName", channelName), ByteString.utf8("uid", uid), salt, ts, privileges);
    }
}
