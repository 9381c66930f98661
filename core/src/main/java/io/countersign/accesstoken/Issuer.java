package io.countersign.accesstoken;

import io.countersign.internal.Checks;
import io.countersign.codec.InvalidArgumentException;
import io.countersign.codec.Privileges;
import io.countersign.codec.SaltSource;

import java.time.Clock;

/**
 * What the 006 builders share: every official 006 builder stamps {@code ts = now + 24 * 3600}
 * and draws a random salt, then signs. Thread-safe if its clock and salt source are.
 */
final class Issuer {
    static final Issuer SYSTEM = new Issuer(Clock.systemUTC(), SaltSource.secureRandom());
    /** The official builders add one day to the clock for {@code ts}. */
    static final long TS_AHEAD = 24 * 3600;

    private final Clock clock;
    private final SaltSource salts;

    Issuer(Clock clock, SaltSource salts) {
        this.clock = Checks.notNull("clock", clock);
        this.salts = Checks.notNull("salts", salts);
    }

    String issue(String appId, String appCertificate, String channelName, String uid, Privileges privileges) {
        Checks.hex32("appId", appId);
        Checks.hex32Secret("appCertificate", appCertificate);
        long ts = clock.instant().getEpochSecond() + TS_AHEAD;
        if (ts < 0 || ts > Checks.U32_MAX) {
            throw new InvalidArgumentException("clock", "now + 86400 must be a u32 unix time, was " + ts);
        }
        AccessToken token = new AccessToken(appId, Checks.notNull("channelName", channelName), Checks.notNull("uid", uid),
                salts.nextSalt(), ts, privileges);
        return AccessTokenCodec.encode(token, appCertificate);
    }

    /** The packed uid: "" for 0, otherwise its unsigned decimal form, as the official builders write it. */
    static String uidString(long uid) {
        Checks.u32("uid", uid);
        return uid == 0 ? "" : Long.toString(uid);
    }
}
