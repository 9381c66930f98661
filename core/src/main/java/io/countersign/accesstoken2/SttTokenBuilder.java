package io.countersign.accesstoken2;

import io.countersign.codec.Privileges;
import io.countersign.codec.SaltSource;

import java.time.Clock;

/**
 * Speech-to-text agent tokens (007), named as the official SttTokenBuilder: RTC by role, RTM login,
 * and a Speech-to-text service with no privileges, as {@link AgentTokenBuilder#buildToken} packs them. Thread-safe.
 */
public class SttTokenBuilder extends AgentTokenBuilder {
    /** A builder that issues tokens at the system clock's time, with a secure random salt. */
    public SttTokenBuilder() {
        super(Issuer.SYSTEM, new Service.Stt(Privileges.NONE));
    }

    /**
     * A builder that issues tokens at {@code clock}'s time with salts from {@code salts}: for tests and reproducible tokens.
     *
     * @param clock the clock whose current second becomes each token's issueTs
     * @param salts where each token's salt comes from, e.g. {@link SaltSource#fixed(long)}
     * @throws io.countersign.codec.InvalidArgumentException if either is null
     */
    public SttTokenBuilder(Clock clock, SaltSource salts) {
        super(clock, salts, new Service.Stt(Privileges.NONE));
    }
}
