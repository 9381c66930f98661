package io.countersign.accesstoken2;

import io.countersign.codec.SaltSource;

import java.time.Clock;

/**
 * Education tokens (007), named as the official {@code io.agora.education.EducationTokenBuilder2}:
 * the same tokens as {@link ApaasTokenBuilder}, under the older name. Thread-safe.
 */
public class EducationTokenBuilder2 extends ApaasTokenBuilder {
    public EducationTokenBuilder2() {
        super();
    }

    public EducationTokenBuilder2(Clock clock, SaltSource salts) {
        super(clock, salts);
    }
}
