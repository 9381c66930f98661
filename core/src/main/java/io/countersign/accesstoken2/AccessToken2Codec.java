package io.countersign.accesstoken2;

import io.countersign.codec.DecodeLimits;
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

    /**
     * Signs {@code token} with {@code appCertificate}.
     *
     * @param token the content; it needs at least one service
     * @param appCertificate the App Certificate, 32 hexadecimal characters
     * @return the token text, {@code "007"} and base64
     * @throws io.countersign.codec.InvalidArgumentException if the certificate is malformed or the token has no service
     */
    public static String encode(AccessToken2 token, String appCertificate) {
        return CODEC.encode(token, appCertificate);
    }

    /**
     * Decodes a 007 token without any secret, within {@link io.countersign.codec.DecodeLimits#DEFAULT}.
     *
     * @param token the token text
     * @return its content, signature and signed bytes
     * @throws TokenFormatException if it is malformed
     */
    public static DecodedAccessToken2 decode(String token) {
        return CODEC.decode(token);
    }

    /**
     * As {@link #decode(String)}, within {@code limits} (a server's, sized for the tokens it expects).
     *
     * @param token the token text
     * @param limits the bounds a token must stay within
     * @return its content and signature
     * @throws TokenFormatException if it is malformed or passes {@code limits}
     * @throws io.countersign.codec.InvalidArgumentException if {@code limits} is null
     */
    public static DecodedAccessToken2 decode(String token, DecodeLimits limits) {
        return CODEC.decode(token, limits);
    }

    /**
     * Decodes and verifies a 007 token (expiry is not checked: see {@link DecodedAccessToken2#isExpired(long)}).
     *
     * @param token the token text
     * @param appCertificate the App Certificate, 32 hexadecimal characters
     * @return true if it was signed with {@code appCertificate}, false otherwise
     * @throws TokenFormatException if the token is malformed
     * @throws IllegalArgumentException if the certificate is not 32 hexadecimal characters
     */
    public static boolean verify(String token, String appCertificate) {
        return decode(token).verify(appCertificate);
    }

    /**
     * The signer of the calling thread, for the caller-buffer API without managing one yourself.
     *
     * @return this thread's signer; do not hand it to another thread, nor close it (this class keeps using it)
     */
    public static AccessToken2Signer signer() {
        return CODEC.signer();
    }
}
