package io.countersign.benchmarks;

import io.countersign.accesstoken2.AccessToken2Codec;
import io.countersign.accesstoken2.DecodedAccessToken2;
import io.countersign.accesstoken2.RtcTokenBuilder2;
import io.countersign.codec.Base64Codec;
import io.countersign.codec.HmacSha256;
import io.countersign.codec.Level6Deflater;
import io.countersign.codec.PackedWriter;
import io.countersign.codec.SaltSource;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;

/**
 * The floor: the primitives one 007 RTC token needs, on the bytes of the real tokens of
 * {@link AccessToken2Benchmark} (the same {@link Inputs#SAMPLES} salts, cycled). A token is three
 * chained HMAC-SHA256 with three keys (u32 issueTs over the certificate, u32 salt over that, the
 * result over the ~120-byte signingInfo), one zlib deflate of the ~156-byte payload and one
 * base64 of the ~130-byte result. Each HMAC variant does the whole chain, key set-up included.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@State(Scope.Thread)
public class PrimitivesBenchmark {
    private static final String HMAC_SHA256 = "HmacSHA256";

    byte[] certificate;
    byte[] issueTsKey;
    /** Per sample: the u32 salt key, the signed bytes, the deflate input, the deflate output. */
    byte[][] saltKeys;
    byte[][] signingInfos;
    byte[][] payloads;
    byte[][] compressed;
    int next;

    Mac jdkMac;
    HmacSha256 ourHmac;
    HMac bcHmac;
    Deflater deflater;
    Level6Deflater level6;
    Base64.Encoder jdkBase64;

    byte[] key1;
    byte[] key2;
    byte[] signature;
    byte[] deflated;
    byte[] text;

    @Setup
    public void setUp() throws GeneralSecurityException {
        certificate = Inputs.APP_CERTIFICATE.getBytes(StandardCharsets.US_ASCII);
        issueTsKey = new byte[4];
        PackedWriter.writeU32(issueTsKey, 0, Inputs.ISSUE_TS);
        long[] salts = Inputs.salts();
        saltKeys = new byte[Inputs.SAMPLES][];
        signingInfos = new byte[Inputs.SAMPLES][];
        payloads = new byte[Inputs.SAMPLES][];
        compressed = new byte[Inputs.SAMPLES][];
        byte[][] signatures = new byte[Inputs.SAMPLES][];
        for (int i = 0; i < Inputs.SAMPLES; i++) {
            String token = new RtcTokenBuilder2(Inputs.CLOCK, SaltSource.fixed(salts[i])).buildTokenWithUid(Inputs.APP_ID,
                    Inputs.APP_CERTIFICATE, Inputs.CHANNEL_NAME, Inputs.UID, RtcTokenBuilder2.Role.ROLE_PUBLISHER,
                    Inputs.TOKEN_EXPIRE, Inputs.PRIVILEGE_EXPIRE);
            DecodedAccessToken2 decoded = AccessToken2Codec.decode(token);
            saltKeys[i] = new byte[4];
            PackedWriter.writeU32(saltKeys[i], 0, salts[i]);
            signingInfos[i] = decoded.signingInfo().toByteArray();
            signatures[i] = decoded.signature().toByteArray();
            // The deflated payload is the signature behind its u16 length, then signingInfo.
            byte[] payload = new byte[2 + HmacSha256.LENGTH + signingInfos[i].length];
            payload[0] = HmacSha256.LENGTH;
            System.arraycopy(signatures[i], 0, payload, 2, HmacSha256.LENGTH);
            System.arraycopy(signingInfos[i], 0, payload, 2 + HmacSha256.LENGTH, signingInfos[i].length);
            payloads[i] = payload;
            compressed[i] = Base64.getDecoder().decode(token.substring(3));
        }

        jdkMac = Mac.getInstance(HMAC_SHA256);
        ourHmac = new HmacSha256();
        bcHmac = new HMac(new SHA256Digest());
        deflater = new Deflater();
        level6 = new Level6Deflater();
        jdkBase64 = Base64.getEncoder();

        key1 = new byte[HmacSha256.LENGTH];
        key2 = new byte[HmacSha256.LENGTH];
        signature = new byte[HmacSha256.LENGTH];
        deflated = new byte[512];
        text = new byte[Base64Codec.encodedLength(deflated.length)];

        // Each variant must compute the real bytes, sample by sample, or it measures nothing.
        for (int i = 0; i < Inputs.SAMPLES; i++) {
            next = i;
            check(hmacJdkMac(), signatures[i], "javax.crypto.Mac");
            next = i;
            check(hmacOurs(), signatures[i], "HmacSha256");
            next = i;
            check(hmacBouncyCastle(), signatures[i], "BouncyCastle HMac");
            next = i;
            check(Arrays.copyOf(deflated, deflateJdk()), compressed[i], "Deflater");
            next = i;
            check(Arrays.copyOf(deflated, deflateLevel6()), compressed[i], "Level6Deflater");
        }
        next = 0;
    }

    private static void check(byte[] actual, byte[] expected, String what) {
        if (!Arrays.equals(actual, expected)) {
            throw new IllegalStateException(what + " does not reproduce the token's bytes");
        }
    }

    @TearDown
    public void tearDown() {
        deflater.end();
    }

    /** Three HMACs on javax.crypto.Mac: a SecretKeySpec and Mac.init per key, doFinal into a reused array. */
    @Benchmark
    public byte[] hmacJdkMac() throws InvalidKeyException, ShortBufferException {
        int i = next++ & Inputs.MASK;
        jdkMac.init(new SecretKeySpec(issueTsKey, HMAC_SHA256));
        jdkMac.update(certificate);
        jdkMac.doFinal(key1, 0);
        jdkMac.init(new SecretKeySpec(saltKeys[i], HMAC_SHA256));
        jdkMac.update(key1);
        jdkMac.doFinal(key2, 0);
        jdkMac.init(new SecretKeySpec(key2, HMAC_SHA256));
        jdkMac.update(signingInfos[i]);
        jdkMac.doFinal(signature, 0);
        return signature;
    }

    /** Three HMACs on our {@link HmacSha256} (one reused MessageDigest, key set-up in a reused pad). */
    @Benchmark
    public byte[] hmacOurs() {
        int i = next++ & Inputs.MASK;
        ourHmac.sign(issueTsKey, 0, 4, certificate, 0, certificate.length, key1, 0);
        ourHmac.sign(saltKeys[i], 0, 4, key1, 0, key1.length, key2, 0);
        ourHmac.sign(key2, 0, key2.length, signingInfos[i], 0, signingInfos[i].length, signature, 0);
        return signature;
    }

    /** Three HMACs on BouncyCastle's lightweight HMac over SHA256Digest, a KeyParameter per key. */
    @Benchmark
    public byte[] hmacBouncyCastle() {
        int i = next++ & Inputs.MASK;
        bcHmac.init(new KeyParameter(issueTsKey));
        bcHmac.update(certificate, 0, certificate.length);
        bcHmac.doFinal(key1, 0);
        bcHmac.init(new KeyParameter(saltKeys[i]));
        bcHmac.update(key1, 0, key1.length);
        bcHmac.doFinal(key2, 0);
        bcHmac.init(new KeyParameter(key2));
        bcHmac.update(signingInfos[i], 0, signingInfos[i].length);
        bcHmac.doFinal(signature, 0);
        return signature;
    }

    /** java.util.zip.Deflater at the default level, reset and reused, on the real payloads. */
    @Benchmark
    public int deflateJdk() {
        return deflate(deflater, payloads[next++ & Inputs.MASK], deflated);
    }

    /**
     * The same Deflater on one payload, every call: what a benchmark of one constant token would
     * measure. Only to show why the others cycle through samples (see {@link Inputs}).
     */
    @Benchmark
    public int deflateJdkOneInput() {
        return deflate(deflater, payloads[0], deflated);
    }

    /** Our pure-Java level-6 zlib (the same bytes as Deflater, no native call, no per-stream table clearing). */
    @Benchmark
    public int deflateLevel6() {
        byte[] payload = payloads[next++ & Inputs.MASK];
        return level6.compress(payload, 0, payload.length, deflated, 0);
    }

    /** java.util.Base64 into a reused array, on the real compressed payloads. */
    @Benchmark
    public int base64Jdk() {
        return jdkBase64.encode(compressed[next++ & Inputs.MASK], text);
    }

    /** Our Base64Codec into a reused array, on the real compressed payloads. */
    @Benchmark
    public int base64Ours() {
        byte[] in = compressed[next++ & Inputs.MASK];
        return Base64Codec.encode(in, 0, in.length, text, 0);
    }

    /**
     * The floor in one method: the JDK primitives one token needs (three Mac HMACs, one Deflater,
     * one java.util.Base64), nothing else: no packing, no checks, no String.
     */
    @Benchmark
    public int floor() throws InvalidKeyException, ShortBufferException {
        int i = next & Inputs.MASK;
        hmacJdkMac();
        deflate(deflater, payloads[i], deflated);
        // java.util.Base64 has no (array, offset, length) encode; compressed[i] holds the bytes
        // the deflate just wrote (checked in setUp), so this encodes them without a copy.
        return jdkBase64.encode(compressed[i], text);
    }

    private static int deflate(Deflater deflater, byte[] in, byte[] out) {
        deflater.reset();
        deflater.setInput(in);
        deflater.finish();
        int n = 0;
        while (!deflater.finished()) {
            n += deflater.deflate(out, n, out.length - n);
        }
        return n;
    }
}
