package io.countersign.schemes;

import io.countersign.codec.DecodeLimits;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One token scheme as plain data: a token's content as the adapter protocol shapes it (maps,
 * lists, strings, longs; byte strings that are not UTF-8 as {"hex": ...}), decoded from a token
 * or encoded into one. This is what the adapter, the server's decode route and the conformance
 * runner's diagnostics show of a token.
 */
public interface TokenScheme {
    /** {@return the protocol's scheme name: "007", "006", "005", "signaling" or "netless"} */
    String name();

    /**
     * Whether {@code token} carries this scheme's prefix; nothing after the prefix is checked.
     *
     * @param token the token text, not null
     * @return true if it starts with one of the scheme's prefixes
     */
    boolean recognizes(String token);

    /**
     * Decodes without any secret into the content shape, with the signature fields, within
     * {@link DecodeLimits#DEFAULT}.
     *
     * @param token the token text
     * @return the content as ordered plain data
     * @throws io.countersign.codec.TokenFormatException if the token is malformed
     */
    default Map<String, Object> decode(String token) {
        return decode(token, DecodeLimits.DEFAULT);
    }

    /**
     * As {@link #decode(String)}, within {@code limits} (a server sizes them for real tokens).
     *
     * @param token the token text
     * @param limits the bounds
     * @return the content as ordered plain data
     * @throws io.countersign.codec.TokenFormatException if the token is malformed
     */
    Map<String, Object> decode(String token, DecodeLimits limits);

    /**
     * Signs explicit content (the shape {@link #decode} gives, without signature fields).
     *
     * @param content the content as plain data
     * @param secret the App Certificate, or the Netless SK
     * @return the token text
     * @throws ArgumentShapeException if a field is missing or of the wrong kind
     * @throws io.countersign.codec.InvalidArgumentException if a value or the secret breaks its rule
     */
    String encode(Map<String, ?> content, String secret);

    /**
     * Verifies the signature with {@code secret}; {@code inputs} holds what the token carries
     * only as a hash (006 and 005: channelName and uid; signaling: account). Expiry is not checked.
     *
     * @param token the token text
     * @param secret the App Certificate, or the Netless SK
     * @param inputs the hashed fields by name; 007 and netless ignore it
     * @return true if the signature matches
     * @throws io.countersign.codec.TokenFormatException if the token is malformed
     * @throws ArgumentShapeException if an input the scheme needs is missing or of the wrong kind
     * @throws io.countersign.codec.InvalidArgumentException if the secret or an input breaks its rule
     */
    boolean verify(String token, String secret, Map<String, ?> inputs);

    /** {@return the five schemes, in the order their prefixes are tried} */
    static List<TokenScheme> all() {
        return Schemes.ALL;
    }

    /**
     * The scheme a token's prefix names, if any.
     *
     * @param token the token text, not null
     * @return the scheme, or empty for an unknown prefix
     */
    static Optional<TokenScheme> of(String token) {
        for (TokenScheme s : Schemes.ALL) {
            if (s.recognizes(token)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * The scheme with this protocol name, if any.
     *
     * @param name "007", "006", "005", "signaling" or "netless"
     * @return the scheme, or empty for any other name
     */
    static Optional<TokenScheme> named(String name) {
        for (TokenScheme s : Schemes.ALL) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}

/** A scheme known by its name and the prefixes its tokens start with. */
abstract class PrefixedScheme implements TokenScheme {
    private final String name;
    private final List<String> prefixes;

    PrefixedScheme(String name, String... prefixes) {
        this.name = name;
        this.prefixes = List.of(prefixes);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean recognizes(String token) {
        for (String prefix : prefixes) {
            if (token.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}

/** The schemes' single instances. */
final class Schemes {
    static final List<TokenScheme> ALL = List.of(new AccessToken2Scheme(), new AccessTokenScheme(),
            new DynamicKey5Scheme(), new SignalingScheme(), new NetlessScheme());

    private Schemes() {
    }
}
