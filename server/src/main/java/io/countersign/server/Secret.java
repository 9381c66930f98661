package io.countersign.server;

import java.util.Objects;

/** A secret setting (App Certificate, Netless SK, API key): its value never appears in toString, logs or errors. */
final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    static Secret of(String value) {
        Objects.requireNonNull(value, "secret");
        return new Secret(value);
    }

    /** The value, for the one call that signs with it. */
    String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
