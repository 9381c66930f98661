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
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;

/**
 * The floor: the primitives one 007 RTC token needs, on the bytes of the real token of
 * {@link AccessToken2Benchmark}. A token is three chained HMAC-SHA256 with three keys
 * (u32 issueTs over the certificate, u32 salt over that, the result over the ~120-byte
 * signingInfo), one zlib deflate of the ~150-byte payload, one base64 of the result.
 * Each HMAC variant does the whole chain, key set-up included, so they compare as used.
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
    byte[] saltKey;
    byte[] signingInfo;
    byte[] payload;
    byte[] compressed;

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
        String token = new RtcTokenBuilder2(Inputs.CLOCK, SaltSource.fixed(Inputs.SALT)).buildTokenWithUid(Inputs.APP_ID,
                Inputs.APP_CERTIFICATE, Inputs.CHANNEL_NAME, Inputs.UID, RtcTokenBuilder2.Role.ROLE_PUBLISHER,
                Inputs.TOKEN_EXPIRE, Inputs.PRIVILEGE_EXPIRE);
        DecodedAccessToken2 decoded = AccessToken2Codec.decode(token);
        certificate = Inputs.APP_CERTIFICATE.getBytes(StandardCharsets.US_ASCII);
        issueTsKey = new byte[4];
        PackedWriter.writeU32(issueTsKey, 0, Inputs.ISSUE_TS);
        saltKey = new byte[4];
        PackedWriter.writeU32(saltKey, 0, Inputs.SALT);
        signingInfo = decoded.signingInfo().toByteArray();
        // The deflated payload is the signature behind its u16 length, then signingInfo.
        payload = new byte[2 + HmacSha256.LENGTH + signingInfo.length];
        payload[0] = HmacSha256.LENGTH;
        System.arraycopy(decoded.signature().toByteArray(), 0, payload, 2, HmacSha256.LENGTH);
        System.arraycopy(signingInfo, 0, payload, 2 + HmacSha256.LENGTH, signingInfo.length);
        compressed = Base64.getDecoder().decode(token.substring(3));

        jdkMac = Mac.getInstance(HMAC_SHA256);
        ourHmac = new HmacSha256();
        bcHmac = new HMac(new SHA256Digest());
        deflater = new Deflater();
        level6 = new Level6Deflater();
        jdkBase64 = Base64.getEncoder();

        key1 = new byte[HmacSha256.LENGTH];
        key2 = new byte[HmacSha256.LENGTH];
        signature = new byte[HmacSha256.LENGTH];
        deflated = new byte[payload.length + 64];
        text = new byte[Base64Codec.encodedLength(deflated.length)];

        if (!java.util.Arrays.equals(hmacJdkMac(), decoded.signature().toByteArray())
                || !java.util.Arrays.equals(hmacOurs(), decoded.signature().toByteArray())
                || !java.util.Arrays.equals(hmacBouncyCastle(), decoded.signature().toByteArray())) {
            throw new IllegalStateException("an HMAC chain does not reproduce the token's signature");
        }
        int n = deflateLevel6();
        if (!java.util.Arrays.equals(deflated, 0, n, compressed, 0, compressed.length)) {
            throw new IllegalStateException("Level6Deflater does not reproduce the token's zlib bytes");
        }
        if (payload.length < 140 || payload.length > 170) {
            throw new IllegalStateException("payload is " + payload.length + " bytes, expected about 150");
        }
    }

    @TearDown
    public void tearDown() {
        deflater.end();
    }

    /** Three HMACs on javax.crypto.Mac: a SecretKeySpec and Mac.init per key, doFinal into a reused array. */
    @Benchmark
    public byte[] hmacJdkMac() throws InvalidKeyException, ShortBufferException {
        jdkMac.init(new SecretKeySpec(issueTsKey, HMAC_SHA256));
        jdkMac.update(certificate);
        jdkMac.doFinal(key1, 0);
        jdkMac.init(new SecretKeySpec(saltKey, HMAC_SHA256));
        jdkMac.update(key1);
        jdkMac.doFinal(key2, 0);
        jdkMac.init(new SecretKeySpec(key2, HMAC_SHA256));
        jdkMac.update(signingInfo);
        jdkMac.doFinal(signature, 0);
        return signature;
    }

    /** Three HMACs on our {@link HmacSha256} (one reused MessageDigest, key set-up in a reused pad). */
    @Benchmark
    public byte[] hmacOurs() {
        ourHmac.sign(issueTsKey, 0, 4, certificate, 0, certificate.length, key1, 0);
        ourHmac.sign(saltKey, 0, 4, key1, 0, key1.length, key2, 0);
        ourHmac.sign(key2, 0, key2.length, signingInfo, 0, signingInfo.length, signature, 0);
        return signature;
    }

    /** Three HMACs on BouncyCastle's lightweight HMac over SHA256Digest, a KeyParameter per key. */
    @Benchmark
    public byte[] hmacBouncyCastle() {
        bcHmac.init(new KeyParameter(issueTsKey));
        bcHmac.update(certificate, 0, certificate.length);
        bcHmac.doFinal(key1, 0);
        bcHmac.init(new KeyParameter(saltKey));
        bcHmac.update(key1, 0, key1.length);
        bcHmac.doFinal(key2, 0);
        bcHmac.init(new KeyParameter(key2));
        bcHmac.update(signingInfo, 0, signingInfo.length);
        bcHmac.doFinal(signature, 0);
        return signature;
    }

    /** java.util.zip.Deflater at the default level, reset and reused, on the real payload. */
    @Benchmark
    public int deflateJdk() {
        return deflate(deflater, payload, deflated);
    }

    /** Our pure-Java level-6 zlib (same bytes as Deflater, no native call, no per-stream table clearing). */
    @Benchmark
    public int deflateLevel6() {
        return level6.compress(payload, 0, payload.length, deflated, 0);
    }

    /** java.util.Base64 into a reused array, on the real compressed payload. */
    @Benchmark
    public int base64Jdk() {
        return jdkBase64.encode(compressed, text);
    }

    /** Our Base64Codec into a reused array, on the real compressed payload. */
    @Benchmark
    public int base64Ours() {
        return Base64Codec.encode(compressed, 0, compressed.length, text, 0);
    }

    /**
     * The floor in one method: the JDK primitives one token needs (three Mac HMACs, one Deflater,
     * one java.util.Base64), nothing else: no packing, no checks, no String.
     */
    @Benchmark
    public int floor() throws InvalidKeyException, ShortBufferException {
        hmacJdkMac();
        deflate(deflater, payload, deflated);
        // java.util.Base64 has no (array, offset, length) encode; compressed holds the same
        // bytes the deflate just wrote, so this encodes them without a copy.
        return jdkBase64.encode(compressed, text);
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
