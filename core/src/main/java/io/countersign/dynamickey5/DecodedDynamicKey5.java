package io.countersign.dynamickey5;

import io.countersign.codec.ByteString;

import java.util.SortedMap;

/**
 * What a 005 key says without any secret: the service type, the signature as the key carries
 * it (40 upper-case hex characters of HMAC-SHA1), the App ID (lower-case hex), timestamp, salt,
 * expiry and extra map. The extra map is also kept as packed, so that verification hashes
 * exactly the bytes that were signed (the official Java builder orders keys as signed shorts).
 *
 * @param serviceType the service, a u16 ({@link DynamicKey5#MEDIA_CHANNEL_SERVICE} and the rest)
 * @param signature the signature, 40 upper-case hexadecimal characters
 * @param appId the App ID, 32 lower-case hexadecimal characters
 * @param unixTs the key's timestamp, unix seconds
 * @param salt the salt (the official builders' {@code randomInt}), a u32
 * @param expiredTs when the key expires, unix seconds
 * @param extra extra key to value, e.g. the in-channel permission
 * @param packedExtra the extra map as it was packed, count first
 */
public record DecodedDynamicKey5(int serviceType, String signature, String appId, long unixTs, long salt,
                                 long expiredTs, SortedMap<Integer, ByteString> extra, ByteString packedExtra) {

    /**
     * Whether the key was signed with {@code appCertificate} for this channel name and uid; compared in constant time.
     *
     * @param appCertificate the App Certificate, 32 hexadecimal characters
     * @param channelName the channel it should be bound to, at most 65535 UTF-8 bytes
     * @param uid the uid it should be bound to, within 0..4294967295
     * @return true if the signature matches
     * @throws io.countersign.codec.InvalidArgumentException if an argument breaks its rule
     */
    public boolean verify(String appCertificate, String channelName, long uid) {
        return verify(appCertificate, ByteString.utf8("channelName", channelName), uid);
    }

    /**
     * As {@link #verify(String, String, long)} with a raw channel name.
     *
     * @param appCertificate the App Certificate, 32 hexadecimal characters
     * @param channelName the channel's bytes, at most 65535
     * @param uid the uid it should be bound to, within 0..4294967295
     * @return true if the signature matches
     * @throws io.countersign.codec.InvalidArgumentException if an argument breaks its rule
     */
    public boolean verify(String appCertificate, ByteString channelName, long uid) {
        return DynamicKey5Codec.signer().verify(this, appCertificate, channelName, uid);
    }
}
