package io.countersign.benchmarks;

import io.countersign.netless.DecodedNetlessToken;
import io.countersign.netless.NetlessDecoder;
import io.countersign.netless.NetlessSigner;
import io.countersign.netless.NetlessToken;
import io.countersign.netless.NetlessTokenContent;
import io.countersign.netless.NonceSource;
import io.countersign.netless.TokenPrefix;
import io.countersign.netless.TokenRole;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * Netless (Interactive Whiteboard) room tokens: a writer's token for one room, valid one hour.
 * One HMAC-SHA256 and no compression, so this is the cheapest scheme: compare with
 * {@link PrimitivesBenchmark}'s single-HMAC costs. Nonces are version-1 UUIDs, a new one per
 * token, as netless-token draws them; the prebuilt contents and tokens cycle through
 * {@link Inputs#SAMPLES} of them.
 */
public class NetlessTokenBenchmark extends BenchmarkDefaults {
    /** Made-up access and secret keys in the shape of real ones. */
    String ak;
    String sk;
    String roomUuid;
    long lifespanMillis;

    NetlessToken builder;
    NetlessToken systemBuilder;
    NetlessToken.RoomTokenTags tags;
    NetlessTokenContent[] contents;
    NetlessSigner signer;
    NetlessDecoder decoder;
    byte[] out;
    String[] tokens;
    int next;

    @Setup
    public void setUp() {
        ak = "tGCvMxo4BvpzwGm6";
        sk = "Kx7aC4vQ0nUu2Rr1Zb9TeWlqYs8Hd3Fo";
        roomUuid = "9a3e5b2c71d04f6e8c1a2b3d4e5f6a7b";
        lifespanMillis = 3_600_000;

        builder = new NetlessToken(Inputs.CLOCK, NonceSource.uuidV1(Inputs.CLOCK));
        systemBuilder = new NetlessToken();
        tags = new NetlessToken.RoomTokenTags(TokenRole.WRITER, roomUuid);
        signer = new NetlessSigner();
        decoder = new NetlessDecoder();
        out = new byte[1024];
        NonceSource nonces = NonceSource.uuidV1(Inputs.CLOCK);
        contents = new NetlessTokenContent[Inputs.SAMPLES];
        tokens = new String[Inputs.SAMPLES];
        for (int i = 0; i < Inputs.SAMPLES; i++) {
            contents[i] = NetlessTokenContent.of(TokenPrefix.ROOM, ak, nonces.nextNonce(), TokenRole.WRITER)
                    .withUuid(roomUuid)
                    .withExpireAt(Inputs.CLOCK.millis() + lifespanMillis);
            tokens[i] = signer.sign(contents[i], sk);
            if (!tokens[i].equals(new NetlessToken(Inputs.CLOCK, NonceSource.fixed(contents[i].nonce()))
                    .roomToken(ak, sk, lifespanMillis, tags)) || !decoder.decode(tokens[i]).verify(sk)) {
                throw new IllegalStateException("benchmark token " + i + " does not match the builder's or verify");
            }
        }
    }

    /** The builder API ({@code NetlessToken.roomToken}), with a fixed clock. */
    @Benchmark
    public String roomToken() {
        return builder.roomToken(ak, sk, lifespanMillis, tags);
    }

    /** The builder with the system clock and a version-1 UUID nonce, as netless-token does. */
    @Benchmark
    public String roomTokenSystemClock() {
        return systemBuilder.roomToken(ak, sk, lifespanMillis, tags);
    }

    /** The caller-buffer path: prebuilt content signed into a reused byte[]. */
    @Benchmark
    public int signIntoBuffer() {
        return signer.sign(contents[next++ & Inputs.MASK], sk, out, 0);
    }

    /** Decode only. */
    @Benchmark
    public DecodedNetlessToken decode() {
        return decoder.decode(tokens[next++ & Inputs.MASK]);
    }

    /** Decode, then recompute and compare the signature. */
    @Benchmark
    public boolean decodeAndVerify() {
        return decoder.decode(tokens[next++ & Inputs.MASK]).verify(sk);
    }
}
