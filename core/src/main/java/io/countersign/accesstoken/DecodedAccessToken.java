package io.countersign.accesstoken;

import io.countersign.codec.ByteString;
import io.countersign.codec.Privileges;

/**
 * What a 006 token says without any secret: the App ID, the signature, the CRC32s (u32) of the
 * channel name and uid it was signed for, and the signed message (salt, ts, privileges), which
 * is also kept raw so that verification hashes exactly the bytes that were signed (the
 * official Java builder orders privilege ids as signed shorts, so re-packing could differ).
 */
public record DecodedAccessToken(String appId, ByteString signature, long crcChannelName, long crcUid,
                                 long salt, long ts, Privileges privileges, ByteString message) {

    /**
     * Whether the token was signed with {@code appCertificate} for this channel name and packed
     * uid (an account, a decimal uid, or "" for uid 0). Compared in constant time.
     */
    public boolean verify(String appCertificate, String channelName, String uid) {
        return AccessTokenCodec.signer().verify(this, appCertificate, ByteString.utf8("channelName", channelName),
                ByteString.utf8("uid", uid));
    }

    /** As {@link #verify(String, String, String)} with raw byte strings. */
    public boolean verify(String appCertificate, ByteString channelName, ByteString uid) {
        return AccessTokenCodec.signer().verify(this, appCertificate, channelName, uid);
    }

    /** The expiry timestamp of {@code privilege}, or -1 if the token does not grant it. */
    public long expireOf(int privilege) {
        return privileges.get(privilege);
    }
}
