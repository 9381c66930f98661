package io.countersign.dynamickey5;

import io.countersign.codec.ByteString;

import java.util.SortedMap;

/**
 * What a 005 key says without any secret: the service type, the signature as the key carries
 * it (40 upper-case hex characters of HMAC-SHA1), the App ID (lower-case hex), timestamp, salt,
 * expiry and extra map. The extra map is also kept as packed, so that verification hashes
 * exactly the bytes that were signed (the official Java builder orders keys as signed shorts).
 */
public record DecodedDynamicKey5(int serviceType, String signature, String appId, long unixTs, long salt,
                                 long expiredTs, SortedMap<Integer, ByteString> extra, ByteString packedExtra) {

    /** Whether the key was signed with {@code appCertificate} for this channel name and uid; constant time. */
    public boolean verify(String appCertificate, String channelName, long uid) {
        return verify(appCertificate, ByteString.utf8("channelName", channelName), uid);
    }

    /** As {@link #verify(String, String, long)} with a raw channel name. */
    public boolean verify(String appCertificate, ByteString channelName, long uid) {
        return DynamicKey5Codec.signer().verify(this, appCertificate, channelName, uid);
    }
}
