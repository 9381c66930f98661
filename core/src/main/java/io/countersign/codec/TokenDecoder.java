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

    protected TokenDecoder(DecodeLimits limits) {
        this.limits = Checks.notNull("limits", limits);
    }

    /** Decodes {@code token} without any secret; every failure is a {@link TokenFormatException}. */
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

    /** Decodes a token already known to be non-null and within {@link DecodeLimits#maxTokenLength()}. */
    protected abstract D decodeText(String token);

    protected final DecodeLimits limits() {
        return limits;
    }

    /** Throws {@link Reason#BAD_PREFIX} unless {@code token} starts with {@code version}; {@code what} names the token. */
    protected static void requireVersion(String token, String version, String what) {
        if (!token.startsWith(version)) {
            throw new TokenFormatException(Reason.BAD_PREFIX, "version", 0, what + " starts with \"" + version + "\"");
        }
    }
}
