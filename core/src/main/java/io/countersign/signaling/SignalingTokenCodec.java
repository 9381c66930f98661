package io.countersign.signaling;

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

    /** Signs {@code token} with {@code appCertificate} (32 hex characters). */
    public static String encode(SignalingTokenContent token, String appCertificate) {
        return CODEC.encode(token, appCertificate);
    }

    /** Decodes without any secret; throws {@link TokenFormatException} on a malformed token. */
    public static DecodedSignalingToken decode(String token) {
        return CODEC.decode(token);
    }

    /** Decodes and verifies against the certificate and account; throws {@link TokenFormatException} if malformed. */
    public static boolean verify(String token, String appCertificate, String account) {
        return decode(token).verify(appCertificate, account);
    }

    /** The signer of the calling thread, for the caller-buffer API without managing one yourself. */
    public static SignalingTokenSigner signer() {
        return CODEC.signer();
    }
}
