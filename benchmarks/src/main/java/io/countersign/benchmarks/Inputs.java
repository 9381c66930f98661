package io.countersign.benchmarks;

import io.countersign.codec.SaltSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * The one set of inputs every benchmark here uses, and the peer harnesses in
 * {@code scripts/bench-peers.d} repeat: an RTC publisher token for a numeric uid, valid one hour.
 * The App ID and certificate are Agora's published sample values, not secrets.
 *
 * <p>Benchmarks cycle through {@link #SAMPLES} salts (and so signatures and zlib streams) rather
 * than repeat one token: with one constant input the branch predictors can learn zlib's path,
 * and deflating our 156-byte payload measured about 1.7x faster
 * ({@code PrimitivesBenchmark.deflateJdkOneInput}) than with its 36 bytes of salt and signature
 * changing per call ({@code deflateJdk}), as they do for every real token.
 */
final class Inputs {
    static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    static final String APP_CERTIFICATE = "5CFd2fd1755d40ecb72977518be15d3b";
    static final String CHANNEL_NAME = "7d72365eb983485397e3e3f9d460bdda";
    /** Above 2^31, so that every implementation takes the unsigned path. */
    static final long UID = 2882341273L;
    static final String ACCOUNT = "2882341273";
    static final long TOKEN_EXPIRE = 3600;
    static final long PRIVILEGE_EXPIRE = 3600;
    static final long ISSUE_TS = 1_700_000_000L;
    static final long SALT = 12_345_678L;
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(ISSUE_TS), ZoneOffset.UTC);

    /** Distinct inputs per benchmark: a power of two, cycled with {@link #MASK}. */
    static final int SAMPLES = 1024;
    static final int MASK = SAMPLES - 1;

    private Inputs() {
    }

    /** {@link #SAMPLES} salts drawn as the official builders draw them (1..99999999), always the same ones. */
    static long[] salts() {
        SplittableRandom random = new SplittableRandom(20240607L);
        long[] salts = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            salts[i] = 1 + random.nextInt(SaltSource.MAX_SALT);
        }
        return salts;
    }

    /** The salts of {@link #salts()} in turn, without allocating. One per benchmark thread (it is not thread-safe). */
    static final class CyclingSalts implements SaltSource {
        private final long[] salts = salts();
        private int next;

        @Override
        public long nextSalt() {
            return salts[next++ & MASK];
        }
    }
}
