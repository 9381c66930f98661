package io.countersign.cli.adapter;

import io.countersign.codec.Checks;
import io.countersign.codec.SaltSource;
import io.countersign.netless.NonceSource;
import io.countersign.schemes.BuilderSpec;
import io.countersign.schemes.Builders;
import io.countersign.schemes.Input;
import io.countersign.schemes.Values;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The clock and randomness a build request fixes (PROTOCOL.md: {@code now}, {@code salt},
 * {@code nowMs}, {@code nonce}), read for exactly the inputs the builder declares. An input the
 * builder does not declare fails loudly if it is ever read, so a wrong declaration cannot hide.
 */
final class FixedInputs {
    private FixedInputs() {
    }

    static Builders of(BuilderSpec spec, Map<String, ?> request) {
        Clock clock = UNDECLARED_CLOCK;
        SaltSource salts = () -> {
            throw new IllegalStateException(spec.name() + " drew a salt but does not declare it");
        };
        NonceSource nonces = () -> {
            throw new IllegalStateException(spec.name() + " drew a nonce but does not declare it");
        };
        if (spec.inputs().contains(Input.CLOCK_SECONDS)) {
            long now = Checks.u32("now", Values.integer(request, "", Input.CLOCK_SECONDS.field()));
            clock = Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC);
        }
        if (spec.inputs().contains(Input.SALT)) {
            salts = SaltSource.fixed(Checks.u32("salt", Values.integer(request, "", Input.SALT.field())));
        }
        if (spec.inputs().contains(Input.CLOCK_MILLIS)) {
            clock = Clock.fixed(Instant.ofEpochMilli(Values.integer(request, "", Input.CLOCK_MILLIS.field())), ZoneOffset.UTC);
        }
        if (spec.inputs().contains(Input.NONCE)) {
            nonces = NonceSource.fixed(Values.text(request, "", Input.NONCE.field()));
        }
        return new Builders(clock, salts, nonces);
    }

    private static final Clock UNDECLARED_CLOCK = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            throw new IllegalStateException("a builder read the clock but does not declare it");
        }
    };
}
