package io.countersign.benchmarks;

import io.countersign.accesstoken2.AccessToken2Codec;
import io.countersign.accesstoken2.DecodedAccessToken2;
import io.countersign.accesstoken2.RtcTokenBuilder2;
import io.countersign.internal.Base64Codec;
import io.countersign.internal.Hmac;
import io.countersign.internal.Level6Deflater;
import io.countersign.internal.PackedWriter;
import io.countersign.codec.SaltSource;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.Deflater;

/**
 * The floor: the primitives one 007 RTC token needs, on the bytes of the real tokens of
 * {@link AccessToken2Benchmark} (the same {@link Inputs#SAMPLES} salts, cycled). A token is three
 * chained HMAC-SHA256 with three keys (u32 issueTs over the certificate, u32 salt over that, the
 * result over the 122-byte signingInfo), one zlib deflate of the 156-byte payload and one
 * base64 of the ~150-byte result. Each HMAC variant does the whole chain, key set-up included.
 *
 * <p>Like a signer, every benchmark works in one reused payload buffer into which it writes the
 * sample's salt (and, where it does not compute it, the sample's signature): 36 bytes of copying,
 * rather than reading 1024 separate payload arrays whose cache misses no real signer has.
 */
public class PrimitivesBenchmark extends BenchmarkDefaults {
    private static final String HMAC_SHA256 = "HmacSHA256";
    /** The payload is u16 32, the signature, then signingInfo: u16 32, appId, u32 issueTs, u32 expire, u32 salt, ... */
    private static final int SIGNATURE = 2;
    private static final int SIGNING_INFO = SIGNATURE + Hmac.SHA256_LENGTH;
    private static final int SALT = SIGNING_INFO + 2 + 32 + 4 + 4;

    byte[] certificate;
    byte[] issueTsKey;
    long[] salts;
    /** Per sample: the signature, the deflate output, the base64 text (for checking). */
    byte[][] signatures;
    byte[][] compressed;
    byte[][] texts;
    int next;

    Mac jdkMac;
    Hmac ourHmac;
    HMac bcHmac;
    Deflater deflater;
    Level6Deflater level6;
    Base64.Encoder jdkBase64;
    java.security.MessageDigest sha256;

    byte[] payload;
    int signingInfoLength;
    byte[] saltKey;
    byte[] key1;
    byte[] key2;
    byte[] deflated;
    /** java.util.Base64 encodes whole arrays only: one array per deflate output length. */
    byte[][] bySize;
    byte[] text;

    @Setup
    public void setUp() throws GeneralSecurityException {
        certificate = Inputs.APP_CERTIFICATE.getBytes(StandardCharsets.US_ASCII);
        issueTsKey = new byte[4];
        PackedWriter.writeU32(issueTsKey, 0, Inputs.ISSUE_TS);
        salts = Inputs.salts();
        signatures = new byte[Inputs.SAMPLES][];
        compressed = new byte[Inputs.SAMPLES][];
        texts = new byte[Inputs.SAMPLES][];
        byte[][] payloads = new byte[Inputs.SAMPLES][];
        for (int i = 0; i < Inputs.SAMPLES; i++) {
            String token = new RtcTokenBuilder2(Inputs.CLOCK, SaltSource.fixed(salts[i])).buildTokenWithUid(Inputs.APP_ID,
                    Inputs.APP_CERTIFICATE, Inputs.CHANNEL_NAME, Inputs.UID, RtcTokenBuilder2.Role.ROLE_PUBLISHER,
                    Inputs.TOKEN_EXPIRE, Inputs.PRIVILEGE_EXPIRE);
            DecodedAccessToken2 decoded = AccessToken2Codec.decode(token);
            byte[] signingInfo = decoded.signingInfo().toByteArray();
            signatures[i] = decoded.signature().toByteArray();
            payloads[i] = new byte[SIGNING_INFO + signingInfo.length];
            payloads[i][0] = Hmac.SHA256_LENGTH;
            System.arraycopy(signatures[i], 0, payloads[i], SIGNATURE, Hmac.SHA256_LENGTH);
            System.arraycopy(signingInfo, 0, payloads[i], SIGNING_INFO, signingInfo.length);
            compressed[i] = Base64.getDecoder().decode(token.substring(3));
            texts[i] = token.substring(3).getBytes(StandardCharsets.US_ASCII);
        }
        payload = payloads[0].clone();
        signingInfoLength = payload.length - SIGNING_INFO;

        jdkMac = Mac.getInstance(HMAC_SHA256);
        ourHmac = Hmac.sha256();
        bcHmac = new HMac(new SHA256Digest());
        deflater = new Deflater();
        level6 = new Level6Deflater();
        jdkBase64 = Base64.getEncoder();
        sha256 = java.security.MessageDigest.getInstance("SHA-256");

        saltKey = new byte[4];
        key1 = new byte[Hmac.SHA256_LENGTH];
        key2 = new byte[Hmac.SHA256_LENGTH];
        deflated = new byte[512];
        bySize = new byte[deflated.length][];
        for (int n = 0; n < bySize.length; n++) {
            bySize[n] = new byte[n];
        }
        text = new byte[Base64Codec.STANDARD.encodedLength(deflated.length)];

        // Each variant must compute the real bytes, sample by sample, or it measures nothing.
        for (int i = 0; i < Inputs.SAMPLES; i++) {
            next = i;
            check(Arrays.copyOfRange(hmacJdkMac(), SIGNATURE, SIGNING_INFO), signatures[i], "javax.crypto.Mac");
            next = i;
            check(Arrays.copyOfRange(hmacOurs(), SIGNATURE, SIGNING_INFO), signatures[i], "Hmac");
            next = i;
            check(Arrays.copyOfRange(hmacBouncyCastle(), SIGNATURE, SIGNING_INFO), signatures[i], "BouncyCastle HMac");
            check(payload, payloads[i], "the payload buffer");
            next = i;
            check(Arrays.copyOf(deflated, deflateJdk()), compressed[i], "Deflater");
            next = i;
            check(Arrays.copyOf(deflated, deflateLevel6()), compressed[i], "Level6Deflater");
            next = i;
            check(Arrays.copyOf(text, floor()), texts[i], "the floor");
            next = i;
            check(Arrays.copyOf(text, floorOurPrimitives()), texts[i], "the floor on our primitives");
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

    /** Writes sample i's salt into the signed bytes and into the HMAC key, as a signer does. */
    private void loadSalt(int i) {
        PackedWriter.writeU32(payload, SALT, salts[i]);
        PackedWriter.writeU32(saltKey, 0, salts[i]);
    }

    /** Sample i's payload with its signature, for benchmarks that do not compute it. */
    private void loadSigned(int i) {
        PackedWriter.writeU32(payload, SALT, salts[i]);
        System.arraycopy(signatures[i], 0, payload, SIGNATURE, Hmac.SHA256_LENGTH);
    }

    /** Three HMACs on javax.crypto.Mac: a SecretKeySpec and Mac.init per key; the signature lands in the payload. */
    @Benchmark
    public byte[] hmacJdkMac() throws InvalidKeyException, ShortBufferException {
        loadSalt(next++ & Inputs.MASK);
        jdkMac.init(new SecretKeySpec(issueTsKey, HMAC_SHA256));
        jdkMac.update(certificate);
        jdkMac.doFinal(key1, 0);
        jdkMac.init(new SecretKeySpec(saltKey, HMAC_SHA256));
        jdkMac.update(key1);
        jdkMac.doFinal(key2, 0);
        jdkMac.init(new SecretKeySpec(key2, HMAC_SHA256));
        jdkMac.update(payload, SIGNING_INFO, signingInfoLength);
        jdkMac.doFinal(payload, SIGNATURE);
        return payload;
    }

    /** Three HMACs on our {@link Hmac} (one reused MessageDigest, key set-up in a reused pad). */
    @Benchmark
    public byte[] hmacOurs() {
        loadSalt(next++ & Inputs.MASK);
        ourHmac.sign(issueTsKey, 0, 4, certificate, 0, certificate.length, key1, 0);
        ourHmac.sign(saltKey, 0, 4, key1, 0, key1.length, key2, 0);
        ourHmac.sign(key2, 0, key2.length, payload, SIGNING_INFO, signingInfoLength, payload, SIGNATURE);
        return payload;
    }

    /** Three HMACs on BouncyCastle's lightweight HMac over SHA256Digest, a KeyParameter per key. */
    @Benchmark
    public byte[] hmacBouncyCastle() {
        loadSalt(next++ & Inputs.MASK);
        bcHmac.init(new KeyParameter(issueTsKey));
        bcHmac.update(certificate, 0, certificate.length);
        bcHmac.doFinal(key1, 0);
        bcHmac.init(new KeyParameter(saltKey));
        bcHmac.update(key1, 0, key1.length);
        bcHmac.doFinal(key2, 0);
        bcHmac.init(new KeyParameter(key2));
        bcHmac.update(payload, SIGNING_INFO, signingInfoLength);
        bcHmac.doFinal(payload, SIGNATURE);
        return payload;
    }

    /**
     * One SHA-256 compression through MessageDigest (55 bytes: data and padding fit one block),
     * to price a block against {@link #sha256TwoBlocks}; HMAC runs four such digests per key.
     */
    @Benchmark
    public byte[] sha256OneBlock() throws java.security.DigestException {
        sha256.update(payload, SIGNING_INFO, 55);
        sha256.digest(key1, 0, key1.length);
        return key1;
    }

    /** Two SHA-256 compressions (119 bytes), the size of HMAC's inner hash over a short message. */
    @Benchmark
    public byte[] sha256TwoBlocks() throws java.security.DigestException {
        sha256.update(payload, SIGNING_INFO, 119);
        sha256.digest(key1, 0, key1.length);
        return key1;
    }

    /** java.util.zip.Deflater at the default level, reset and reused, on the real payloads. */
    @Benchmark
    public int deflateJdk() {
        loadSigned(next++ & Inputs.MASK);
        return deflate(deflater, payload, deflated);
    }

    /**
     * The same Deflater on one payload, every call: what a benchmark of one constant token would
     * measure. Only to show why the others cycle through samples (see {@link Inputs}).
     */
    @Benchmark
    public int deflateJdkOneInput() {
        return deflate(deflater, payload, deflated);
    }

    /** Our pure-Java level-6 zlib (the same bytes as Deflater, no native call, no per-stream table clearing). */
    @Benchmark
    public int deflateLevel6() {
        loadSigned(next++ & Inputs.MASK);
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
        return Base64Codec.STANDARD.encode(in, 0, in.length, text, 0);
    }

    /**
     * The floor in one method: the JDK primitives one token needs, in a signer's order and on one
     * buffer (three Mac HMACs into the payload, one Deflater, one java.util.Base64), and nothing
     * else: no packing, no checks, no String.
     */
    @Benchmark
    public int floor() throws InvalidKeyException, ShortBufferException {
        hmacJdkMac();
        int n = deflate(deflater, payload, deflated);
        byte[] exact = bySize[n];
        System.arraycopy(deflated, 0, exact, 0, n);
        return jdkBase64.encode(exact, text);
    }

    /**
     * The same floor on the primitives our signer uses: three {@link Hmac}, one
     * {@link Level6Deflater}, one {@link Base64Codec}; the signer's cost over this is its packing,
     * checks and bookkeeping.
     */
    @Benchmark
    public int floorOurPrimitives() {
        hmacOurs();
        int n = level6.compress(payload, 0, payload.length, deflated, 0);
        return Base64Codec.STANDARD.encode(deflated, 0, n, text, 0);
    }

    /**
     * The zlib payloads (signature and signingInfo) of the {@link Inputs#SAMPLES} RTC tokens these
     * benchmarks sign, for benchmarks in other packages.
     */
    public static byte[][] rtcPayloads() {
        long[] salts = Inputs.salts();
        byte[][] payloads = new byte[Inputs.SAMPLES][];
        java.util.zip.Inflater inflater = new java.util.zip.Inflater();
        try {
            for (int i = 0; i < Inputs.SAMPLES; i++) {
                String token = new RtcTokenBuilder2(Inputs.CLOCK, SaltSource.fixed(salts[i])).buildTokenWithUid(Inputs.APP_ID,
                        Inputs.APP_CERTIFICATE, Inputs.CHANNEL_NAME, Inputs.UID, RtcTokenBuilder2.Role.ROLE_PUBLISHER,
                        Inputs.TOKEN_EXPIRE, Inputs.PRIVILEGE_EXPIRE);
                inflater.reset();
                inflater.setInput(Base64.getDecoder().decode(token.substring(3)));
                byte[] buf = new byte[1024];
                payloads[i] = Arrays.copyOf(buf, inflater.inflate(buf));
            }
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalStateException("our own token does not inflate", e);
        } finally {
            inflater.end();
        }
        return payloads;
    }

    /** One complete zlib stream of in into out from a reset Deflater; returns its length. */
    public static int deflate(Deflater deflater, byte[] in, byte[] out) {
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
