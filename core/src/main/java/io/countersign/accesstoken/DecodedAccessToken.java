package io.countersign.accesstoken;

import io.countersign.codec.ByteString;
import io.countersign.codec.Privileges;

/**
 * What a 006 token says without any secret: the App ID, the signature, the CRC32s (u32) of the
 * channel name and uid it was signed for, and the signed message (salt, ts, privileges), which
 * is also kept raw so that verification hashes exactly the bytes that were signed (the
 * official Java builder orders privilege ids as signed shorts, so re-packing could differ).
 *
 * @param appId the App ID, 32 hexadecimal characters as the token carries them
 * @param signature the HMAC-SHA256 as the token carries it (32 bytes if well formed)
 * @param crcChannelName the CRC32 of the channel name it was signed for
 * @param crcUid the CRC32 of the packed uid it was signed for
 * @param salt the salt, a u32
 * @param ts the token's timestamp, unix seconds
 * @param privileges privilege id to its expiry, unix seconds
 * @param message the signed message as it was packed: salt, ts and privileges
 */
public record DecodedAccessToken(String appId, ByteString signature, long crcChannelName, long crcUid,
                                 long salt, long ts, Privileges privileges, ByteString message) {

    /**
     * Whether the token was signed with {@code appCertificate} for this channel name and packed
     * uid (an account, a decimal uid, or "" for uid 0). Compared in constant time.
     *
     * @param appCertificate the App Certificate, 32 hexadecimal characters
     * @param channelName the channel it should be bound to
     * @param uid the packed uid it should be bound to
     * @return true if the signature and both CRC32s match
     * @throws IllegalArgumentException if the certificate is not 32 hexadecimal characters or an argument is null
     */
    public boolean verify(String appCertificate, String channelName, String uid) {
        return AccessTokenCodec.signer().verify(this, appCertificate, ByteString.utf8("channelName", channelName),
                ByteString.utf8("uid", uid));
    }

    /**
     * As {@link #verify(String, String, String)} with raw byte strings.
     *
     * @param appCertificate the App Certificate, 32 hexadecimal characters
     * @param channelName the channel's bytes
     * @param uid the packed uid's bytes
     * @return true if the signature and both CRC32s match
     * @throws IllegalArgumentException if the certificate is not 32 hexadecimal characters or an argument is null
     */
    public boolean verify(String appCertificate, ByteString channelName, ByteString uid) {
        return AccessTokenCodec.signer().verify(this, appCertificate, channelName, uid);
    }

    /**
     * The expiry of {@code privilege}.
     *
     * @param privilege a privilege id, e.g. {@link AccessToken#JOIN_CHANNEL}
     * @return its expiry in unix seconds, or -1 if the token does not grant it
     */
    public long expireOf(int privilege) {
        return privileges.get(privilege);
    }
}
