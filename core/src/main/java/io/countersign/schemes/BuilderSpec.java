package io.countersign.schemes;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One official builder: its name as the adapter protocol writes it
 * ({@code "RtcTokenBuilder2.buildTokenWithUid"}), its scheme, its parameters in the official
 * positional order, what it reads from its environment (clock, salt, nonce), and the core call
 * it runs. Build one with {@link #build(Builders, Map)}.
 */
public final class BuilderSpec {
    /** The typed core call, on one set of builder instances. */
    @FunctionalInterface
    interface Call {
        String build(Builders builders, Arguments arguments);
    }

    private final String name;
    private final String scheme;
    private final String summary;
    private final List<Param> params;
    private final Set<Input> inputs;
    private final boolean official;
    private final Call call;

    BuilderSpec(String name, String scheme, String summary, List<Param> params, Set<Input> inputs, boolean official,
                Call call) {
        this.name = name;
        this.scheme = scheme;
        this.summary = summary;
        this.params = List.copyOf(params);
        this.inputs = Set.copyOf(inputs);
        this.official = official;
        this.call = call;
    }

    /** {@return the builder's name, class and method: {@code "RtcTokenBuilder2.buildTokenWithUid"}} */
    public String name() {
        return name;
    }

    /** {@return the scheme of the tokens it builds: "007", "006", "005", "signaling" or "netless"} */
    public String scheme() {
        return scheme;
    }

    /** {@return one sentence on what the token grants} */
    public String summary() {
        return summary;
    }

    /** {@return the parameters, in the official positional order} */
    public List<Param> params() {
        return params;
    }

    /** {@return what the builder reads from its environment: clock, salt, nonce} */
    public Set<Input> inputs() {
        return inputs;
    }

    /** {@return false for a countersign extension that no official package has} */
    public boolean official() {
        return official;
    }

    /** {@return the parameter that carries the signing secret (App Certificate or Netless SK)} */
    public Param secret() {
        return params.stream().filter(p -> p.meaning().isSecret()).findFirst().orElseThrow();
    }

    /**
     * Builds a token from {@code arguments} (plain data by parameter name; extra names are
     * ignored) with {@code builders}' clock and randomness. A missing or mistyped argument is an
     * {@link ArgumentShapeException}; a value that breaks a rule an
     * {@link io.countersign.codec.InvalidArgumentException}, each naming the argument.
     *
     * @param builders the builder instances, whose clock and randomness it reads
     * @param arguments the arguments by parameter name
     * @return the token
     * @throws ArgumentShapeException if an argument is missing or of the wrong kind
     * @throws io.countersign.codec.InvalidArgumentException if an argument breaks its rule
     */
    public String build(Builders builders, Map<String, ?> arguments) {
        return call.build(builders, new Arguments(arguments));
    }

    @Override
    public String toString() {
        return name;
    }
}
