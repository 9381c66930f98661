package io.countersign.internal;

import io.countersign.codec.DecodeLimits;
import io.countersign.codec.TokenDecoder;
import io.countersign.codec.TokenSigner;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One signer and one decoder per thread, behind a scheme's static {@code ...Codec} entry points:
 * signers (and some decoders) reuse their buffers, so callers must never share one.
 *
 * @param <T> the content a token of the scheme carries
 * @param <S> the scheme's signer
 * @param <D> the decoded token of the scheme
 */
public final class PerThreadCodec<T, S extends TokenSigner<T>, D> {
    private final ThreadLocal<S> signers;
    private final ThreadLocal<TokenDecoder<D>> decoders;
    private final Function<DecodeLimits, ? extends TokenDecoder<D>> newDecoder;

    public PerThreadCodec(Supplier<S> newSigner, Function<DecodeLimits, ? extends TokenDecoder<D>> newDecoder) {
        this.signers = ThreadLocal.withInitial(newSigner);
        this.decoders = ThreadLocal.withInitial(() -> newDecoder.apply(DecodeLimits.DEFAULT));
        this.newDecoder = newDecoder;
    }

    /** The calling thread's signer. */
    public S signer() {
        return signers.get();
    }

    /** Signs {@code content} with {@code secret} on the calling thread's signer. */
    public String encode(T content, String secret) {
        return signers.get().sign(content, secret);
    }

    /** Decodes on the calling thread's decoder; throws {@link TokenFormatException} on a malformed token. */
    public D decode(String token) {
        return decoders.get().decode(token);
    }

    /**
     * Decodes within {@code limits}: on the calling thread's decoder when they are the defaults,
     * else on a decoder made for this call (a server's tighter limits; the decoder's buffers are
     * sized by its limits, so one cannot serve both).
     */
    public D decode(String token, DecodeLimits limits) {
        if (Checks.notNull("limits", limits) == DecodeLimits.DEFAULT) {
            return decode(token);
        }
        TokenDecoder<D> decoder = newDecoder.apply(limits);
        try {
            return decoder.decode(token);
        } finally {
            if (decoder instanceof AutoCloseable closeable) {
                close(closeable);
            }
        }
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            throw new IllegalStateException("a decoder failed to free its resources", e);
        }
    }
}
