package io.countersign.codec;

import io.countersign.internal.Checks;
import java.security.SecureRandom;

/** Where token builders draw their random salt; inject a fixed one for reproducible tokens. */
@FunctionalInterface
public interface SaltSource {
    /** The largest salt the official builders draw (they draw uniformly from 1..99999999). */
    int MAX_SALT = 99_999_999;

    /**
     * The next salt for a token. The official builders draw within 1..{@link #MAX_SALT}; any u32 is
     * accepted by the token records.
     *
     * @return the salt, a u32
     */
    long nextSalt();

    /**
     * Uniform in 1..99999999 from a per-thread {@link SecureRandom}, as the official builders draw.
     *
     * @return the shared, thread-safe source every builder uses by default
     */
    static SaltSource secureRandom() {
        return SecureSalt.INSTANCE;
    }

    /**
     * Always the same salt: for tests and reproducible vectors.
     *
     * @param salt the salt, a u32
     * @return a source that returns {@code salt} every time
     * @throws InvalidArgumentException if {@code salt} is outside 0..4294967295
     */
    static SaltSource fixed(long salt) {
        Checks.u32("salt", salt);
        return () -> salt;
    }
}

/** Per-thread SecureRandom: SecureRandom is thread-safe but synchronized, so one per thread avoids contention. */
enum SecureSalt implements SaltSource {
    INSTANCE;

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    @Override
    public long nextSalt() {
        return RANDOM.get().nextInt(MAX_SALT) + 1;
    }
}
