package io.countersign.netless;

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

    /** Signs {@code content} with the secret key {@code sk}. */
    public static String encode(NetlessTokenContent content, String sk) {
        return CODEC.encode(content, sk);
    }

    /** Decodes without any secret; throws {@link TokenFormatException} on a malformed token. */
    public static DecodedNetlessToken decode(String token) {
        return CODEC.decode(token);
    }

    /** Decodes and verifies; false for a wrong sk, throws {@link TokenFormatException} if malformed. */
    public static boolean verify(String token, String sk) {
        return decode(token).verify(sk);
    }

    /** The signer of the calling thread, for the caller-buffer API without managing one yourself. */
    public static NetlessSigner signer() {
        return CODEC.signer();
    }
}
