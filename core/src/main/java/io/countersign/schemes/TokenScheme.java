package io.countersign.schemes;

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
    /** The protocol's scheme name: "007", "006", "005", "signaling" or "netless". */
    String name();

    /** Whether {@code token} carries this scheme's prefix. */
    boolean recognizes(String token);

    /** Decodes without any secret into the content shape, with the signature fields. */
    Map<String, Object> decode(String token);

    /** Signs explicit content (the shape {@link #decode} gives, without signature fields). */
    String encode(Map<String, ?> content, String secret);

    /**
     * Verifies the signature with {@code secret}; {@code inputs} holds what the token carries
     * only as a hash (006 and 005: channelName and uid; signaling: account).
     */
    boolean verify(String token, String secret, Map<String, ?> inputs);

    /** The five schemes, in the order their prefixes are tried. */
    static List<TokenScheme> all() {
        return Schemes.ALL;
    }

    /** The scheme a token's prefix names, if any. */
    static Optional<TokenScheme> of(String token) {
        for (TokenScheme s : Schemes.ALL) {
            if (s.recognizes(token)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The scheme with this protocol name, if any. */
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
