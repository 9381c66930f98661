package io.countersign.signaling;

import io.countersign.codec.DecodeLimits;
import io.countersign.internal.PerThreadCodec;
import io.countersign.codec.TokenFormatException;

/**
 * Thread-safe entry points for signaling tokens: each thread gets its own
 * {@link SignalingTokenSigner}, so callers never share the non-thread-safe parts.
 */
public final class SignalingTokenCodec {
    private static final PerThreadCodec<SignalingTokenContent, SignalingTokenSigner, DecodedSignalingToken> CODEC =
            new PerThreadCodec<>(SignalingTokenSigner::new, SignalingTokenDecoder::new);

    private SignalingTokenCodec() {
    }

    /**
     * Signs {@code token} with {@code appCertificate}.
     *
     * @param token the content
     * @param appCertificate the App Certificate, 32 hexadecimal characters; hashed as given, so its case matters
     * @return the token text, {@code "1:" appId ":" expiredTs ":" md5}
     * @throws io.countersign.codec.InvalidArgumentException if the certificate is malformed
     */
    public static String encode(SignalingTokenContent token, String appCertificate) {
        return CODEC.encode(token, appCertificate);
    }

    /**
     * Decodes a signaling token without any secret, within {@link io.countersign.codec.DecodeLimits#DEFAULT}.
     *
     * @param token the token text
     * @return its App ID, expiry and MD5
     * @throws TokenFormatException if it is malformed
     */
    public static DecodedSignalingToken decode(String token) {
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
    public static DecodedSignalingToken decode(String token, DecodeLimits limits) {
        return CODEC.decode(token, limits);
    }

    /**
     * Decodes and verifies against the certificate and account. Expiry is not checked.
     *
     * @param token the token text
     * @param appCertificate the App Certificate, 32 hexadecimal characters, in the case it was signed with
     * @param account the account it should be for
     * @return true if the MD5 matches, false otherwise
     * @throws TokenFormatException if the token is malformed
     * @throws io.countersign.codec.InvalidArgumentException if the certificate is not 32 hexadecimal characters or the account is null
     */
    public static boolean verify(String token, String appCertificate, String account) {
        return decode(token).verify(appCertificate, account);
    }

    /**
     * The signer of the calling thread, for the caller-buffer API without managing one yourself.
     *
     * @return this thread's signer; do not hand it to another thread
     */
    public static SignalingTokenSigner signer() {
        return CODEC.signer();
    }
}
