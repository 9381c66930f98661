package io.countersign.benchmarks;

import io.countersign.accesstoken.AccessToken;
import io.countersign.accesstoken.AccessTokenDecoder;
import io.countersign.accesstoken.AccessTokenSigner;
import io.countersign.accesstoken.DecodedAccessToken;
import io.countersign.accesstoken.RtcTokenBuilder;
import io.countersign.codec.Privileges;
import io.countersign.codec.SaltSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * 006 tokens: build an RTC token by uid, sign prebuilt content into a caller buffer, decode and
 * verify. Compare with {@link OfficialJavaBenchmark#buildTokenWithUid006()} in the same run.
 * Each call takes the next of {@link Inputs#SAMPLES} salts, as in {@link AccessToken2Benchmark}.
 */
public class AccessTokenBenchmark extends RtcInputs {
    /** 006 privileges expire at a unix timestamp. */
    long privilegeExpiredTs;

    RtcTokenBuilder builder;
    RtcTokenBuilder systemBuilder;
    AccessToken[] contents;
    AccessTokenSigner signer;
    AccessTokenDecoder decoder;
    byte[] out;
    String[] tokens;
    int next;

    @Setup
    public void setUp() {
        privilegeExpiredTs = Inputs.ISSUE_TS + Inputs.PRIVILEGE_EXPIRE;

        builder = new RtcTokenBuilder(Inputs.CLOCK, new Inputs.CyclingSalts());
        systemBuilder = new RtcTokenBuilder();
        Privileges privileges = Privileges.builder()
                .put(AccessToken.JOIN_CHANNEL, privilegeExpiredTs)
                .put(AccessToken.PUBLISH_AUDIO_STREAM, privilegeExpiredTs)
                .put(AccessToken.PUBLISH_VIDEO_STREAM, privilegeExpiredTs)
                .put(AccessToken.PUBLISH_DATA_STREAM, privilegeExpiredTs)
                .build();
        signer = new AccessTokenSigner();
        decoder = new AccessTokenDecoder();
        out = new byte[512];
        long[] salts = Inputs.salts();
        contents = new AccessToken[Inputs.SAMPLES];
        tokens = new String[Inputs.SAMPLES];
        for (int i = 0; i < Inputs.SAMPLES; i++) {
            // 006 stamps ts = now + 24 h, as every official 006 builder does.
            contents[i] = new AccessToken(appId, channelName, account, salts[i], Inputs.ISSUE_TS + 24 * 3600, privileges);
            tokens[i] = new RtcTokenBuilder(Inputs.CLOCK, SaltSource.fixed(salts[i])).buildTokenWithUid(appId,
                    appCertificate, channelName, uid, RtcTokenBuilder.Role.Role_Publisher, privilegeExpiredTs);
            if (!tokens[i].equals(signer.sign(contents[i], appCertificate))
                    || !decoder.decode(tokens[i]).verify(appCertificate, channelName, account)) {
                throw new IllegalStateException("benchmark token " + i + " does not match its content or verify");
            }
        }
    }

    /** The builder API, with a fixed clock. */
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
        return signer.sign(contents[next++ & Inputs.MASK], appCertificate, out, 0);
    }

    /** Decode only (006 carries CRC32s of the channel and uid, so decoding needs no secret). */
    @Benchmark
    public DecodedAccessToken decode() {
        return decoder.decode(tokens[next++ & Inputs.MASK]);
    }

    /** Decode, then recompute the signature over the given channel name and uid. */
    @Benchmark
    public boolean decodeAndVerify() {
        return decoder.decode(tokens[next++ & Inputs.MASK]).verify(appCertificate, channelName, account);
    }
}
