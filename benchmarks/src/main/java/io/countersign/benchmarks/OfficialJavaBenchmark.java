package io.countersign.benchmarks;

import io.agora.media.AccessToken2;
import io.agora.media.RtcTokenBuilder;
import io.agora.media.RtcTokenBuilder2;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * The official Java builders (io.agora:authentication 2.1.3) with the inputs of our benchmarks.
 * They read the system clock and draw a salt from a new SecureRandom per token, so compare with
 * {@link AccessToken2Benchmark#buildTokenWithUidSystemClock()}.
 */
public class OfficialJavaBenchmark extends BenchmarkDefaults {
    String appId;
    String appCertificate;
    String channelName;
    /** The official Java takes the uid as an int and reads it as unsigned. */
    int uid;
    String account;
    int tokenExpire;
    int privilegeExpire;
    /** 006 takes the privileges' expiry as a unix timestamp, not seconds from now. */
    int privilegeExpiredTs;

    RtcTokenBuilder2 builder2;
    RtcTokenBuilder builder;
    String[] tokens;
    int next;

    @Setup
    public void setUp() {
        appId = Inputs.APP_ID;
        appCertificate = Inputs.APP_CERTIFICATE;
        channelName = Inputs.CHANNEL_NAME;
        uid = (int) Inputs.UID;
        account = Inputs.ACCOUNT;
        tokenExpire = (int) Inputs.TOKEN_EXPIRE;
        privilegeExpire = (int) Inputs.PRIVILEGE_EXPIRE;
        privilegeExpiredTs = (int) (System.currentTimeMillis() / 1000) + privilegeExpire;
        builder2 = new RtcTokenBuilder2();
        builder = new RtcTokenBuilder();
        tokens = new String[Inputs.SAMPLES];
        for (int i = 0; i < Inputs.SAMPLES; i++) {
            tokens[i] = buildTokenWithUid();
            if (!new AccessToken2().parse(tokens[i])) {
                throw new IllegalStateException("the official builder's token does not parse");
            }
        }
    }

    /** 007 RTC token by uid: {@code RtcTokenBuilder2.buildTokenWithUid}. */
    @Benchmark
    public String buildTokenWithUid() {
        return builder2.buildTokenWithUid(appId, appCertificate, channelName, uid, RtcTokenBuilder2.Role.ROLE_PUBLISHER,
                tokenExpire, privilegeExpire);
    }

    /** 007 RTC plus RTM: {@code RtcTokenBuilder2.buildTokenWithRtm}. */
    @Benchmark
    public String buildTokenWithRtm() {
        return builder2.buildTokenWithRtm(appId, appCertificate, channelName, account,
                RtcTokenBuilder2.Role.ROLE_PUBLISHER, tokenExpire, privilegeExpire);
    }

    /** 007 decode: {@code AccessToken2.parse} (it does not verify; the official Java has no verify). */
    @Benchmark
    public AccessToken2 parse() {
        AccessToken2 parsed = new AccessToken2();
        parsed.parse(tokens[next++ & Inputs.MASK]);
        return parsed;
    }

    /** 006 RTC token by uid: {@code RtcTokenBuilder.buildTokenWithUid}. */
    @Benchmark
    public String buildTokenWithUid006() {
        return builder.buildTokenWithUid(appId, appCertificate, channelName, uid, RtcTokenBuilder.Role.Role_Publisher,
                privilegeExpiredTs);
    }
}
