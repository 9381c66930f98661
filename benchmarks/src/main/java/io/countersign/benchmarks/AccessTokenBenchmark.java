package io.countersign.benchmarks;

import io.countersign.accesstoken.AccessToken;
import io.countersign.accesstoken.AccessTokenDecoder;
import io.countersign.accesstoken.AccessTokenSigner;
import io.countersign.accesstoken.DecodedAccessToken;
import io.countersign.accesstoken.RtcTokenBuilder;
import io.countersign.accesstoken2.Privileges;
import io.countersign.codec.SaltSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * 006 tokens: build an RTC token by uid, sign prebuilt content into a caller buffer, decode and
 * verify. Compare with {@link OfficialJavaBenchmark#buildTokenWithUid006()} in the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@State(Scope.Thread)
public class AccessTokenBenchmark {
    String appId;
    String appCertificate;
    String channelName;
    long uid;
    String account;
    /** 006 privileges expire at a unix timestamp. */
    long privilegeExpiredTs;

    RtcTokenBuilder builder;
    RtcTokenBuilder systemBuilder;
    AccessToken content;
    AccessTokenSigner signer;
    AccessTokenDecoder decoder;
    byte[] out;
    String token;

    @Setup
    public void setUp() {
        appId = Inputs.APP_ID;
        appCertificate = Inputs.APP_CERTIFICATE;
        channelName = Inputs.CHANNEL_NAME;
        uid = Inputs.UID;
        account = Inputs.ACCOUNT;
        privilegeExpiredTs = Inputs.ISSUE_TS + Inputs.PRIVILEGE_EXPIRE;

        builder = new RtcTokenBuilder(Inputs.CLOCK, SaltSource.fixed(Inputs.SALT));
        systemBuilder = new RtcTokenBuilder();
        Privileges privileges = Privileges.builder()
                .put(AccessToken.JOIN_CHANNEL, privilegeExpiredTs)
                .put(AccessToken.PUBLISH_AUDIO_STREAM, privilegeExpiredTs)
                .put(AccessToken.PUBLISH_VIDEO_STREAM, privilegeExpiredTs)
                .put(AccessToken.PUBLISH_DATA_STREAM, privilegeExpiredTs)
                .build();
        content = new AccessToken(appId, channelName, account, Inputs.SALT, Inputs.ISSUE_TS + 24 * 3600, privileges);
        signer = new AccessTokenSigner();
        decoder = new AccessTokenDecoder();
        out = new byte[512];
        token = buildTokenWithUid();
        if (!decoder.decode(token).verify(appCertificate, channelName, account)) {
            throw new IllegalStateException("the benchmark token does not verify");
        }
    }

    /** The builder API, with a fixed clock and salt. */
    @Benchmark
    public String buildTokenWithUid() {
        return builder.buildTokenWithUid(appId, appCertificate, channelName, uid, RtcTokenBuilder.Role.Role_Publisher,
                privilegeExpiredTs);
    }

    /** The builder with the system clock and a SecureRandom salt, like the official builders. */
    @Benchmark
    public String buildTokenWithUidSystemClock() {
        return systemBuilder.buildTokenWithUid(appId, appCertificate, channelName, uid,
                RtcTokenBuilder.Role.Role_Publisher, privilegeExpiredTs);
    }

    /** The caller-buffer path: prebuilt content signed into a reused byte[]. */
    @Benchmark
    public int signIntoBuffer() {
        return signer.sign(content, appCertificate, out, 0);
    }

    /** Decode only (006 carries CRC32s of the channel and uid, so decoding needs no secret). */
    @Benchmark
    public DecodedAccessToken decode() {
        return decoder.decode(token);
    }

    /** Decode, then recompute the signature over the given channel name and uid. */
    @Benchmark
    public boolean decodeAndVerify() {
        return decoder.decode(token).verify(appCertificate, channelName, account);
    }
}
