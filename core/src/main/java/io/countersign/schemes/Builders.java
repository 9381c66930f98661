package io.countersign.schemes;

import io.countersign.accesstoken.RtcTokenBuilder;
import io.countersign.accesstoken.RtmTokenBuilder;
import io.countersign.accesstoken2.ApaasTokenBuilder;
import io.countersign.accesstoken2.ChatTokenBuilder2;
import io.countersign.accesstoken2.ConvoAITokenBuilder;
import io.countersign.accesstoken2.EducationTokenBuilder2;
import io.countersign.accesstoken2.FpaTokenBuilder;
import io.countersign.accesstoken2.RtcTokenBuilder2;
import io.countersign.accesstoken2.RtmTokenBuilder2;
import io.countersign.accesstoken2.SttTokenBuilder;
import io.countersign.internal.Checks;
import io.countersign.codec.SaltSource;
import io.countersign.netless.NetlessToken;
import io.countersign.netless.NonceSource;
import io.countersign.signaling.SignalingToken;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * One instance of every official builder class, all reading one clock, salt source and nonce
 * source. A token server keeps one (the system clock, secure randomness) for its lifetime; a
 * test or the conformance adapter makes one with fixed inputs. Thread-safe if its sources are.
 */
public final class Builders {
    final RtcTokenBuilder2 rtc2;
    final RtmTokenBuilder2 rtm2;
    final ChatTokenBuilder2 chat2;
    final FpaTokenBuilder fpa;
    final EducationTokenBuilder2 education2;
    final ApaasTokenBuilder apaas;
    final ConvoAITokenBuilder convoAi;
    final SttTokenBuilder stt;
    final RtcTokenBuilder rtc;
    final RtmTokenBuilder rtm;
    final SignalingToken signaling;
    final NetlessToken netless;

    /**
     * Builders that all read these sources.
     *
     * @param clock the clock, for issue times and lifetimes
     * @param salts the salts of 007 and 006 tokens
     * @param nonces the nonces of Netless tokens
     * @throws io.countersign.codec.InvalidArgumentException if any is null
     */
    public Builders(Clock clock, SaltSource salts, NonceSource nonces) {
        Checks.notNull("clock", clock);
        Checks.notNull("salts", salts);
        Checks.notNull("nonces", nonces);
        rtc2 = new RtcTokenBuilder2(clock, salts);
        rtm2 = new RtmTokenBuilder2(clock, salts);
        chat2 = new ChatTokenBuilder2(clock, salts);
        fpa = new FpaTokenBuilder(clock, salts);
        education2 = new EducationTokenBuilder2(clock, salts);
        apaas = new ApaasTokenBuilder(clock, salts);
        convoAi = new ConvoAITokenBuilder(clock, salts);
        stt = new SttTokenBuilder(clock, salts);
        rtc = new RtcTokenBuilder(clock, salts);
        rtm = new RtmTokenBuilder(clock, salts);
        signaling = new SignalingToken(clock);
        netless = new NetlessToken(clock, nonces);
    }

    /**
     * Builders for one call of {@code spec} with its declared inputs fixed: {@code nowSeconds}
     * for {@link Input#CLOCK_SECONDS}, {@code nowMillis} for {@link Input#CLOCK_MILLIS},
     * {@code salt} and {@code nonce}. An input the builder does not declare fails loudly if it is
     * ever read ({@link IllegalStateException}), so a wrong declaration cannot hide.
     *
     * @param spec the builder about to be called
     * @param nowSeconds the clock in unix seconds, if {@code spec} reads it so
     * @param nowMillis the clock in unix milliseconds, if {@code spec} reads it so
     * @param salt the salt, a u32, if {@code spec} draws one
     * @param nonce the nonce, non-empty, if {@code spec} draws one
     * @return the builders
     * @throws io.countersign.codec.InvalidArgumentException if a declared salt or nonce breaks its rule
     */
    public static Builders fixed(BuilderSpec spec, long nowSeconds, long nowMillis, long salt, String nonce) {
        Set<Input> inputs = spec.inputs();
        Clock clock = inputs.contains(Input.CLOCK_SECONDS) ? Clock.fixed(Instant.ofEpochSecond(nowSeconds), ZoneOffset.UTC)
                : inputs.contains(Input.CLOCK_MILLIS) ? Clock.fixed(Instant.ofEpochMilli(nowMillis), ZoneOffset.UTC)
                : new UndeclaredClock(spec);
        SaltSource salts = inputs.contains(Input.SALT) ? SaltSource.fixed(salt) : () -> {
            throw new IllegalStateException(spec + " drew a salt but does not declare it");
        };
        NonceSource nonces = inputs.contains(Input.NONCE) ? NonceSource.fixed(nonce) : () -> {
            throw new IllegalStateException(spec + " drew a nonce but does not declare it");
        };
        return new Builders(clock, salts, nonces);
    }

    /** The clock of a builder that declares none: reading it is a bug in the catalog. */
    private static final class UndeclaredClock extends Clock {
        private final BuilderSpec spec;

        UndeclaredClock(BuilderSpec spec) {
            this.spec = spec;
        }

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
            throw new IllegalStateException(spec + " read the clock but does not declare it");
        }
    }

    /**
     * The system clock, salts from a per-thread SecureRandom, and random (version 4) Netless
     * nonces: unlike netless-token's version 1 UUIDs they reveal neither the time nor a node.
     *
     * @return builders for a token server
     */
    public static Builders system() {
        return new Builders(Clock.systemUTC(), SaltSource.secureRandom(), NonceSource.randomUuid());
    }
}
