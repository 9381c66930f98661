package io.countersign.accesstoken2;

import io.countersign.codec.SaltSource;

import java.time.Clock;

/**
 * Education tokens (007), named as the official {@code io.agora.education.EducationTokenBuilder2}:
 * the same tokens as {@link ApaasTokenBuilder}, under the older name. Thread-safe.
 */
public class EducationTokenBuilder2 extends ApaasTokenBuilder {
    /** A builder that issues tokens at the system clock's time, with a secure random salt. */
    public EducationTokenBuilder2() {
        super();
    }

    /**
     * A builder that issues tokens at {@code clock}'s time with salts from {@code salts}: for tests and reproducible tokens.
     *
     * @param clock the clock whose current second becomes each token's issueTs
     * @param salts where each token's salt comes from, e.g. {@link SaltSource#fixed(long)}
     * @throws io.countersign.codec.InvalidArgumentException if either is null
     */
    public EducationTokenBuilder2(Clock clock, SaltSource salts) {
        super(clock, salts);
    }
}
