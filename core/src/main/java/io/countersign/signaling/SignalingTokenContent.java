package io.countersign.signaling;

import io.countersign.codec.ByteString;
import io.countersign.internal.Checks;

/**
 * The content of a signaling token: the App ID, the account it is for and its expiry (unix
 * seconds, u32). The token carries the account only inside its MD5, so it must be given again
 * to verify it. Immutable.
 */
public record SignalingTokenContent(String appId, ByteString account, long expiredTs) {
    /** The token's first field. */
    public static final String VERSION = "1";

    public SignalingTokenContent {
        Checks.hex32("appId", appId);
        Checks.notNull("account", account);
        Checks.u32("expiredTs", expiredTs);
    }

    public SignalingTokenContent(String appId, String account, long expiredTs) {
        this(appId, ByteString.utf8("account", account), expiredTs);
    }
}
