package io.countersign.signaling;

import io.countersign.internal.Checks;
import io.countersign.codec.InvalidArgumentException;

import java.time.Clock;

/**
 * Signaling tokens with both official APIs. {@link #getToken} is the official Java
 * {@code io.agora.signal.SignalingToken.getToken}: its last argument is the expiry itself, a
 * unix timestamp (as in the official Python and Go); {@link #get} is the official Node
 * {@code SignalingToken.get}: its last argument is a lifetime added to the clock. Thread-safe.
 */
public class SignalingToken {
    private final Clock clock;

    /** Lifetimes counted from the system clock. */
    public SignalingToken() {
        this(Clock.systemUTC());
    }

    /** Lifetimes counted from {@code clock}: for tests and reproducible tokens. */
    public SignalingToken(Clock clock) {
        this.clock = Checks.notNull("clock", clock);
    }

    /** A token for {@code account} that expires at {@code expiredTsInSeconds} (unix seconds, u32). */
    public static String getToken(String appId, String appCertificate, String account, long expiredTsInSeconds) {
        return SignalingTokenCodec.encode(new SignalingTokenContent(appId, Checks.notNull("account", account),
                Checks.u32("expiredTsInSeconds", expiredTsInSeconds)), appCertificate);
    }

    /** A token for {@code account} that expires {@code validTimeInSeconds} after now. */
    public String get(String appId, String appCertificate, String account, long validTimeInSeconds) {
        long expiredTs = clock.instant().getEpochSecond() + validTimeInSeconds;
        if (expiredTs < 0 || expiredTs > Checks.U32_MAX) {
            throw new InvalidArgumentException("validTimeInSeconds", "now + " + validTimeInSeconds
                    + " must be a u32 unix time, was " + expiredTs);
        }
        return getToken(appId, appCertificate, account, expiredTs);
    }

    /** A token valid for one day from now (the official Node {@code get1DayToken}). */
    public String get1DayToken(String appId, String appCertificate, String account) {
        return get(appId, appCertificate, account, 24 * 3600);
    }
}
