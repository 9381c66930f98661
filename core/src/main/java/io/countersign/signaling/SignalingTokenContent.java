package io.countersign.signaling;

import io.countersign.codec.ByteString;
import io.countersign.internal.Checks;

/**
 * The content of a signaling token: the App ID, the account it is for and its expiry (unix
 * seconds, u32). The token carries the account only inside its MD5, so it must be given again
 * to verify it. Immutable.
 *
 * @param appId the App ID, 32 hexadecimal characters, written and hashed as given
 * @param account the account it is for (hashed, not carried)
 * @param expiredTs when the token expires, unix seconds (u32)
 */
public record SignalingTokenContent(String appId, ByteString account, long expiredTs) {
    /** The token's first field. */
    public static final String VERSION = "1";

    /**
     * Checks every field.
     *
     * @param appId 32 hexadecimal characters
     * @param account not null
     * @param expiredTs within 0..4294967295
     * @throws io.countersign.codec.InvalidArgumentException if a field breaks its rule
     */
    public SignalingTokenContent {
        Checks.hex32("appId", appId);
        Checks.notNull("account", account);
        Checks.u32("expiredTs", expiredTs);
    }

    /**
     * From a plain account, encoded as UTF-8.
     *
     * @param appId 32 hexadecimal characters
     * @param account the account
     * @param expiredTs unix seconds, a u32
     * @throws io.countersign.codec.InvalidArgumentException if a field breaks its rule
     */
    public SignalingTokenContent(String appId, String account, long expiredTs) {
        this(appId, ByteString.utf8("account", account), expiredTs);
    }
}
