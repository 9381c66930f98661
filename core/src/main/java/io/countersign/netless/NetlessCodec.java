package io.countersign.netless;

import io.countersign.codec.DecodeLimits;
import io.countersign.internal.PerThreadCodec;
import io.countersign.codec.TokenFormatException;

/**
 * Thread-safe entry points for netless tokens: each thread gets its own {@link NetlessSigner}
 * and {@link NetlessDecoder}, so callers never share the non-thread-safe parts.
 */
public final class NetlessCodec {
    private static final PerThreadCodec<NetlessTokenContent, NetlessSigner, DecodedNetlessToken> CODEC =
            new PerThreadCodec<>(NetlessSigner::new, NetlessDecoder::new);

    private NetlessCodec() {
    }

    /**
     * Signs {@code content} with the secret key {@code sk}.
     *
     * @param content what the token says
     * @param sk the secret key; non-empty, well-formed UTF-16, never shown in an error
     * @return the token, its prefix and unpadded base64url
     * @throws io.countersign.codec.InvalidArgumentException if {@code sk} breaks its rule
     */
    public static String encode(NetlessTokenContent content, String sk) {
        return CODEC.encode(content, sk);
    }

    /**
     * Decodes a netless token without any secret, within {@link io.countersign.codec.DecodeLimits#DEFAULT}.
     *
     * @param token the token text
     * @return its content and signature
     * @throws TokenFormatException if it is malformed
     */
    public static DecodedNetlessToken decode(String token) {
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
    public static DecodedNetlessToken decode(String token, DecodeLimits limits) {
        return CODEC.decode(token, limits);
    }

    /**
     * Decodes and verifies a netless token. Expiry is not checked.
     *
     * @param token the token text
     * @param sk the secret key
     * @return true if it was signed with {@code sk}, false for any other (or unusable) key
     * @throws TokenFormatException if the token is malformed
     */
    public static boolean verify(String token, String sk) {
        return decode(token).verify(sk);
    }

    /**
     * The signer of the calling thread, for the caller-buffer API without managing one yourself.
     *
     * @return this thread's signer; do not hand it to another thread
     */
    public static NetlessSigner signer() {
        return CODEC.signer();
    }
}
