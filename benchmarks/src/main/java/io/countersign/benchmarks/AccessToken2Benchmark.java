package io.countersign.benchmarks;

import io.countersign.accesstoken2.AccessToken2;
import io.countersign.accesstoken2.AccessToken2Codec;
import io.countersign.accesstoken2.AccessToken2Decoder;
import io.countersign.accesstoken2.AccessToken2Signer;
import io.countersign.accesstoken2.DecodedAccessToken2;
import io.countersign.accesstoken2.RtcTokenBuilder2;
import io.countersign.accesstoken2.Service;
import io.countersign.codec.Privileges;
import io.countersign.codec.SaltSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.time.Clock;

/**
 * 007 tokens: build an RTC token by uid through each of our APIs, an RTC+RTM token, and decode
 * and verify one. Compare with {@link PrimitivesBenchmark#floor} (the primitives alone) and
 * {@link OfficialJavaBenchmark} (the official builder), run in the same JMH run. Each call takes
 * the next of {@link Inputs#SAMPLES} salts, so no two consecutive tokens are the same.
 */
public class AccessToken2Benchmark extends RtcInputs {
    long tokenExpire;
    long privilegeExpire;
    long issueTs;
    long[] salts;
    Clock clock;

    RtcTokenBuilder2 builder;
    RtcTokenBuilder2 systemBuilder;
    AccessToken2[] contents;
    AccessToken2Signer signer;
    AccessToken2Decoder decoder;
    byte[] out;
    String[] tokens;
    int next;

    @Setup
    public void setUp() {
        tokenExpire = Inputs.TOKEN_EXPIRE;
        privilegeExpire = Inputs.PRIVILEGE_EXPIRE;
        issueTs = Inputs.ISSUE_TS;
        salts = Inputs.salts();
        clock = Inputs.CLOCK;

        builder = new RtcTokenBuilder2(clock, new Inputs.CyclingSalts());
        systemBuilder = new RtcTokenBuilder2();
        signer = new AccessToken2Signer();
        decoder = new AccessToken2Decoder();
        out = new byte[512];
        contents = new AccessToken2[Inputs.SAMPLES];
        tokens = new String[Inputs.SAMPLES];
        for (int i = 0; i < Inputs.SAMPLES; i++) {
            contents[i] = rtcContent(salts[i]);
            tokens[i] = new RtcTokenBuilder2(clock, SaltSource.fixed(salts[i])).buildTokenWithUid(appId, appCertificate,
                    channelName, uid, RtcTokenBuilder2.Role.ROLE_PUBLISHER, tokenExpire, privilegeExpire);
            if (!tokens[i].equals(AccessToken2Codec.encode(contents[i], appCertificate))
                    || !AccessToken2Codec.verify(tokens[i], appCertificate)) {
                throw new IllegalStateException("benchmark token " + i + " does not match its content or verify");
            }
        }
    }

    @TearDown
    public void tearDown() {
        signer.close();
        decoder.close();
    }

    /** The builder API, with a fixed clock. */
    @Benchmark
    public String buildTokenWithUid() {
        return builder.buildTokenWithUid(appId, appCertificate, channelName, uid, RtcTokenBuilder2.Role.ROLE_PUBLISHER,
                tokenExpire, privilegeExpire);
    }

    /** The builder as most callers use it: system clock and a SecureRandom salt, like the official builders. */
    @Benchmark
    public String buildTokenWithUidSystemClock() {
        return systemBuilder.buildTokenWithUid(appId, appCertificate, channelName, uid,
                RtcTokenBuilder2.Role.ROLE_PUBLISHER, tokenExpire, privilegeExpire);
    }

    /** RTC plus RTM login for the same account: two services. */
    @Benchmark
    public String buildTokenWithRtm() {
        return builder.buildTokenWithRtm(appId, appCertificate, channelName, account, RtcTokenBuilder2.Role.ROLE_PUBLISHER,
                tokenExpire, privilegeExpire);
    }

    /** Prebuilt content signed to a String on the thread's signer. */
    @Benchmark
    public String encode() {
        return AccessToken2Codec.encode(contents[next++ & Inputs.MASK], appCertificate);
    }

    /** The caller-buffer hot path: prebuilt content signed into a reused byte[]. */
    @Benchmark
    public int signIntoBuffer() {
        return signer.sign(contents[next++ & Inputs.MASK], appCertificate, out, 0);
    }

    /** The caller-buffer path with the content record built per call, as a server would per request. */
    @Benchmark
    public int signIntoBufferWithContent() {
        return signer.sign(rtcContent(salts[next++ & Inputs.MASK]), appCertificate, out, 0);
    }

    /** Decode only: base64, inflate, parse; no secret. */
    @Benchmark
    public DecodedAccessToken2 decode() {
        return decoder.decode(tokens[next++ & Inputs.MASK]);
    }

    /** Decode, then recompute and compare the signature. */
    @Benchmark
    public boolean decodeAndVerify() {
        return decoder.decode(tokens[next++ & Inputs.MASK]).verify(appCertificate);
    }

    /** The content of {@link #buildTokenWithUid()}: RTC, publisher, four privileges. */
    private AccessToken2 rtcContent(long salt) {
        Privileges privileges = Privileges.builder()
                .put(Service.Rtc.JOIN_CHANNEL, privilegeExpire)
                .put(Service.Rtc.PUBLISH_AUDIO_STREAM, privilegeExpire)
                .put(Service.Rtc.PUBLISH_VIDEO_STREAM, privilegeExpire)
                .put(Service.Rtc.PUBLISH_DATA_STREAM, privilegeExpire)
                .build();
        return new AccessToken2(appId, issueTs, tokenExpire, salt, new Service.Rtc(channelName, account, privileges));
    }
}
