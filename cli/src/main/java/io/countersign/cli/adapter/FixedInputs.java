package io.countersign.cli.adapter;

import io.countersign.schemes.BuilderSpec;
import io.countersign.schemes.Builders;
import io.countersign.schemes.Input;
import io.countersign.schemes.Values;

import java.util.Map;

/**
 * The clock and randomness a build request fixes (PROTOCOL.md: {@code now}, {@code salt},
 * {@code nowMs}, {@code nonce}), read strictly for exactly the inputs the builder declares.
 */
final class FixedInputs {
    private FixedInputs() {
    }

    static Builders of(BuilderSpec spec, Map<String, ?> request) {
        long now = 0;
        long salt = 0;
        long nowMs = 0;
        String nonce = null;
        if (spec.inputs().contains(Input.CLOCK_SECONDS)) {
            now = Values.u32(request, "", Input.CLOCK_SECONDS.field());
        }
        if (spec.inputs().contains(Input.SALT)) {
            salt = Values.u32(request, "", Input.SALT.field());
        }
        if (spec.inputs().contains(Input.CLOCK_MILLIS)) {
            nowMs = Values.integer(request, "", Input.CLOCK_MILLIS.field());
        }
        if (spec.inputs().contains(Input.NONCE)) {
            nonce = Values.text(request, "", Input.NONCE.field());
        }
        return Builders.fixed(spec, now, nowMs, salt, nonce);
    }
}
