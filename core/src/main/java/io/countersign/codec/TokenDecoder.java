package io.countersign.codec;

import io.countersign.internal.Checks;
import io.countersign.codec.TokenFormatException.Reason;

/**
 * What every scheme's decoder shares: its {@link DecodeLimits}, and the checks made before a
 * token's own format is read (not null, not longer than {@link DecodeLimits#maxTokenLength()}).
 *
 * @param <D> the decoded token of the scheme
 */
public abstract class TokenDecoder<D> {
    private final DecodeLimits limits;

    /**
     * A decoder that enforces {@code limits}.
     *
     * @param limits the bounds, e.g. {@link DecodeLimits#DEFAULT}
     * @throws InvalidArgumentException if {@code limits} is null
     */
    protected TokenDecoder(DecodeLimits limits) {
        this.limits = Checks.notNull("limits", limits);
    }

    /**
     * Decodes {@code token} without any secret.
     *
     * @param token the token text, prefix included
     * @return its content, signature and signed bytes
     * @throws TokenFormatException if the token is null, too long or malformed (every failure is this type)
     */
    public final D decode(String token) {
        if (token == null) {
            throw new TokenFormatException(Reason.EMPTY, "token", 0, "token is null");
        }
        if (token.length() > limits.maxTokenLength()) {
            throw new TokenFormatException(Reason.TOO_LARGE, "token", limits.maxTokenLength(),
                    "token has " + token.length() + " characters, the limit is " + limits.maxTokenLength());
        }
        return decodeText(token);
    }

    /**
     * Decodes a token already known to be non-null and within {@link DecodeLimits#maxTokenLength()}.
     *
     * @param token the token text, prefix included
     * @return the decoded token
     * @throws TokenFormatException if it is malformed
     */
    protected abstract D decodeText(String token);

    /** {@return the bounds this decoder enforces} */
    protected final DecodeLimits limits() {
        return limits;
    }

    /**
     * Checks a token's version prefix.
     *
     * @param token the token text
     * @param version the prefix it must start with, e.g. {@code "007"}
     * @param what the token as the message names it, e.g. {@code "a 007 token"}
     * @throws TokenFormatException with {@link Reason#BAD_PREFIX} unless {@code token} starts with {@code version}
     */
    protected static void requireVersion(String token, String version, String what) {
        if (!token.startsWith(version)) {
            throw new TokenFormatException(Reason.BAD_PREFIX, "version", 0, what + " starts with \"" + version + "\"");
        }
    }
}
