package io.countersign.dynamickey5;

import io.countersign.codec.DecodeLimits;
import io.countersign.internal.PerThreadCodec;
import io.countersign.codec.TokenFormatException;

/**
 * Thread-safe entry points for 005 keys: each thread gets its own {@link DynamicKey5Signer},
 * so callers never share the non-thread-safe parts.
 */
public final class DynamicKey5Codec {
    private static final PerThreadCodec<DynamicKey5Content, DynamicKey5Signer, DecodedDynamicKey5> CODEC =
            new PerThreadCodec<>(DynamicKey5Signer::new, DynamicKey5Decoder::new);

    private DynamicKey5Codec() {
    }

    /**
     * Signs {@code key} with {@code appCertificate}.
     *
     * @param key the content
     * @param appCertificate the App Certificate, 32 hexadecimal characters
     * @return the key text, {@code "005"} and base64
     * @throws io.countersign.codec.InvalidArgumentException if the certificate is malformed
     */
    public static String encode(DynamicKey5Content key, String appCertificate) {
        return CODEC.encode(key, appCertificate);
    }

    /**
     * Decodes a 005 key without any secret, within {@link io.countersign.codec.DecodeLimits#DEFAULT}.
     *
     * @param key the key text
     * @return what it says: service type, signature, App ID, times, salt and extra map
     * @throws TokenFormatException if it is malformed
     */
    public static DecodedDynamicKey5 decode(String key) {
        return CODEC.decode(key);
    }

    /**
     * As {@link #decode(String)}, within {@code limits} (a server's, sized for the tokens it expects).
     *
     * @param key the token text
     * @param limits the bounds a token must stay within
     * @return its content and signature
     * @throws TokenFormatException if it is malformed or passes {@code limits}
     * @throws io.countersign.codec.InvalidArgumentException if {@code limits} is null
     */
    public static DecodedDynamicKey5 decode(String key, DecodeLimits limits) {
        return CODEC.decode(key, limits);
    }

    /**
     * Decodes and verifies against the certificate, channel name and uid. Expiry is not checked.
     *
     * @param key the key text
     * @param appCertificate the App Certificate, 32 hexadecimal characters
     * @param channelName the channel it should be bound to
     * @param uid the uid it should be bound to, within 0..4294967295
     * @return true if the signature matches, false for any mismatch
     * @throws TokenFormatException if the key is malformed
     * @throws io.countersign.codec.InvalidArgumentException if another argument breaks its rule
     */
    public static boolean verify(String key, String appCertificate, String channelName, long uid) {
        return decode(key).verify(appCertificate, channelName, uid);
    }

    /**
     * The signer of the calling thread, for the caller-buffer API without managing one yourself.
     *
     * @return this thread's signer; do not hand it to another thread
     */
    public static DynamicKey5Signer signer() {
        return CODEC.signer();
    }
}
