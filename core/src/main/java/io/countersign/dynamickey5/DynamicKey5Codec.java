package io.countersign.dynamickey5;

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

    /** Signs {@code key} with {@code appCertificate} (32 hex characters). */
    public static String encode(DynamicKey5Content key, String appCertificate) {
        return CODEC.encode(key, appCertificate);
    }

    /** Decodes without any secret; throws {@link TokenFormatException} on a malformed key. */
    public static DecodedDynamicKey5 decode(String key) {
        return CODEC.decode(key);
    }

    /**
     * Decodes and verifies against the certificate, channel name and uid (u32); false for any
     * mismatch, throws {@link TokenFormatException} if malformed.
     */
    public static boolean verify(String key, String appCertificate, String channelName, long uid) {
        return decode(key).verify(appCertificate, channelName, uid);
    }

    /** The signer of the calling thread, for the caller-buffer API without managing one yourself. */
    public static DynamicKey5Signer signer() {
        return CODEC.signer();
    }
}
