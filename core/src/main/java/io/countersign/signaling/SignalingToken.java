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

    /**
     * Lifetimes counted from {@code clock}: for tests and reproducible tokens.
     *
     * @param clock the clock whose current second {@link #get} adds the lifetime to
     * @throws InvalidArgumentException if it is null
     */
    public SignalingToken(Clock clock) {
        this.clock = Checks.notNull("clock", clock);
    }

    /**
     * A token for {@code account} that expires at {@code expiredTsInSeconds}; the official Java, Python and Go form.
     *
     * @param appId the App ID, 32 hexadecimal characters
     * @param appCertificate the App Certificate, 32 hexadecimal characters; hashed as given, so its case matters
     * @param account the account, hashed as UTF-8
     * @param expiredTsInSeconds when it expires, unix seconds within 0..4294967295 (not a lifetime)
     * @return the token, {@code "1:" appId ":" expiredTs ":" md5}
     * @throws InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public static String getToken(String appId, String appCertificate, String account, long expiredTsInSeconds) {
        return SignalingTokenCodec.encode(new SignalingTokenContent(appId, Checks.notNull("account", account),
                Checks.u32("expiredTsInSeconds", expiredTsInSeconds)), appCertificate);
    }

    /**
     * A token for {@code account} that expires {@code validTimeInSeconds} after now; the official Node form.
     *
     * @param appId the App ID, 32 hexadecimal characters
     * @param appCertificate the App Certificate, 32 hexadecimal characters; hashed as given, so its case matters
     * @param account the account, hashed as UTF-8
     * @param validTimeInSeconds the lifetime in seconds; now plus it must be a u32 unix time
     * @return the token, {@code "1:" appId ":" expiredTs ":" md5}
     * @throws InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public String get(String appId, String appCertificate, String account, long validTimeInSeconds) {
        long expiredTs = clock.instant().getEpochSecond() + validTimeInSeconds;
        if (expiredTs < 0 || expiredTs > Checks.U32_MAX) {
            throw new InvalidArgumentException("validTimeInSeconds", "now + " + validTimeInSeconds
                    + " must be a u32 unix time, was " + expiredTs);
        }
        return getToken(appId, appCertificate, account, expiredTs);
    }

    /**
     * A token valid for one day from now (the official Node {@code get1DayToken}).
     *
     * @param appId the App ID, 32 hexadecimal characters
     * @param appCertificate the App Certificate, 32 hexadecimal characters; hashed as given, so its case matters
     * @param account the account, hashed as UTF-8
     * @return the token, {@code "1:" appId ":" expiredTs ":" md5}
     * @throws InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public String get1DayToken(String appId, String appCertificate, String account) {
        return get(appId, appCertificate, account, 24 * 3600);
    }
}
