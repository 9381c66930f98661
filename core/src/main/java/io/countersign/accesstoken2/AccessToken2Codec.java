package io.countersign.accesstoken2;

import io.countersign.internal.PerThreadCodec;
import io.countersign.codec.TokenFormatException;

/**
 * Thread-safe entry points for 007 tokens: each thread gets its own {@link AccessToken2Signer}
 * and {@link AccessToken2Decoder}, so callers never share the non-thread-safe parts.
 */
public final class AccessToken2Codec {
    private static final PerThreadCodec<AccessToken2, AccessToken2Signer, DecodedAccessToken2> CODEC =
            new PerThreadCodec<>(AccessToken2Signer::new, AccessToken2Decoder::new);

    private AccessToken2Codec() {
    }

    /** Signs {@code token} with {@code appCertificate} (32 hex characters). */
    public static String encode(AccessToken2 token, String appCertificate) {
        return CODEC.encode(token, appCertificate);
    }

    /** Decodes without any secret; throws {@link TokenFormatException} on a malformed token. */
    public static DecodedAccessToken2 decode(String token) {
        return CODEC.decode(token);
    }

    /** Decodes and verifies; false for a wrong certificate, throws {@link TokenFormatException} if malformed. */
    public static boolean verify(String token, String appCertificate) {
        return decode(token).verify(appCertificate);
    }

    /** The signer of the calling thread, for the caller-buffer API without managing one yourself. */
    public static AccessToken2Signer signer() {
        return CODEC.signer();
    }
}
