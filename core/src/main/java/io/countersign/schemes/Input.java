package io.countersign.schemes;

/**
 * What a builder reads from its environment rather than from its arguments: the clock and
 * randomness. The adapter protocol fixes each per request in the field named here.
 */
public enum Input {
    /** The clock, in unix seconds (007 issueTs, 006 ts, signaling expiry). */
    CLOCK_SECONDS("now"),
    /** A random u32 salt (007, 006). */
    SALT("salt"),
    /** The clock, in unix milliseconds (Netless). */
    CLOCK_MILLIS("nowMs"),
    /** A random nonce (Netless). */
    NONCE("nonce");

    private final String field;

    Input(String field) {
        this.field = field;
    }

    /** {@return the adapter protocol's request field that fixes this input, e.g. {@code "now"}} */
    public String field() {
        return field;
    }
}
