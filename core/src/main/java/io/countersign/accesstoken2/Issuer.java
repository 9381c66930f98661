package io.countersign.accesstoken2;

import io.countersign.internal.Checks;
import io.countersign.codec.SaltSource;

import java.time.Clock;

/**
 * What every 007 builder shares: read the clock for issueTs, draw a salt, sign on the calling
 * thread's signer. Thread-safe if its clock and salt source are.
 */
final class Issuer {
    static final Issuer SYSTEM = new Issuer(Clock.systemUTC(), SaltSource.secureRandom());

    private final Clock clock;
    private final SaltSource salts;

    Issuer(Clock clock, SaltSource salts) {
        this.clock = Checks.notNull("clock", clock);
        this.salts = Checks.notNull("salts", salts);
    }

    /** The content record checks appId and expire, the signer the certificate. */
    String issue(String appId, String appCertificate, long expire, Service... services) {
        AccessToken2 token = new AccessToken2(appId, clock.instant().getEpochSecond(), expire, salts.nextSalt(), services);
        return AccessToken2Codec.encode(token, appCertificate);
    }

    /** The packed uid: "" for 0, otherwise its unsigned decimal form, as the official builders write it. */
    static String uidString(long uid) {
        Checks.u32("uid", uid);
        return uid == 0 ? "" : Long.toString(uid);
    }
}
