package io.countersign.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The one set of inputs every benchmark here uses, and the peer harnesses in
 * {@code scripts/bench-peers.d} repeat: an RTC publisher token for a numeric uid, valid one hour.
 * The App ID and certificate are Agora's published sample values, not secrets.
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

    private Inputs() {
    }
}
