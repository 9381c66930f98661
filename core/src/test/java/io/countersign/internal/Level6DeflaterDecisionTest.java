package io.countersign.internal;

import io.countersign.accesstoken2.RtcTokenBuilder2;
import io.countersign.codec.SaltSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The block-type decision on the payloads of the real 007 tokens in vectors/. */
class Level6DeflaterDecisionTest {

    private static final Pattern TOKEN = Pattern.compile("\"007([A-Za-z0-9+/=]+)\"");

    /** The distinct payloads (inflated) of the 007 tokens in the vector files. */
    static Set<String> realPayloads() throws IOException {
        Set<String> payloads = new LinkedHashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("..", "vectors"), "007-*.jsonl")) {
            for (Path f : files) {
                for (String line : Files.readAllLines(f)) {
                    Matcher m = TOKEN.matcher(line);
                    while (m.find()) {
                        byte[] payload = inflate(m.group(1));
                        if (payload != null) {
                            payloads.add(Base64.getEncoder().encodeToString(payload));
                        }
                    }
                }
            }
        }
        return payloads;
    }

    /** The token's payload, or null for a malformed one (bad base64 or zlib, or beyond the single-block size). */
    private static byte[] inflate(String base64) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(Base64.getDecoder().decode(base64));
            byte[] out = new byte[Level6Deflater.MAX_CAPACITY + 1];
            int n = inflater.inflate(out);
            return inflater.finished() && n <= Level6Deflater.MAX_CAPACITY ? Arrays.copyOf(out, n) : null;
        } catch (IllegalArgumentException | DataFormatException malformed) {
            return null;
        } finally {
            inflater.end();
        }
    }

    /**
     * Every real payload deflates to Deflater's bytes, and nearly all are decided without
     * building a tree: 1,656 of 1,737 distinct payloads (95.3%) when this was written; the 90%
     * floor catches a bound that got weaker.
     */
    @Test
    void realTokenPayloadsAreMostlyDecidedWithoutTrees() throws IOException {
        int decided = 0;
        int total = 0;
        int[] types = new int[4];
        for (String p : realPayloads()) {
            byte[] payload = Base64.getDecoder().decode(p);
            byte[] expected = Level6DeflaterTest.jdk(payload);
            // A fresh instance per payload: what the bound decides, without the skipping that
            // a run of undecided payloads sets off in a reused instance.
            Level6Deflater deciding = new Level6Deflater(Level6Deflater.MAX_CAPACITY, true);
            assertArrayEquals(expected, Level6DeflaterProperties.ours(deciding, payload));
            total++;
            types[(expected[2] >> 1) & 3]++;
            if (deciding.decidedWithoutTrees) {
                decided++;
            }
        }
        System.out.printf("real 007 payloads: %d distinct, %d decided without trees (%.1f%%); stored %d, fixed %d, dynamic %d%n",
                total, decided, 100.0 * decided / total, types[0], types[1], types[2]);
        assertTrue(total > 1000, "vectors/ should hold over 1000 distinct 007 payloads, found " + total);
        assertTrue(decided * 100 >= total * 90, decided + " of " + total + " decided without trees");
        assertEquals(0, types[3]);
    }

    /**
     * The payloads the token benchmarks sign (one RTC token, 1024 salts, as Inputs in the
     * benchmarks module draws them) are decided without trees almost always: 989 of 1024 when
     * this was written; the 85% floor catches a bound that got weaker.
     */
    @Test
    void benchmarkRtcPayloadsAreDecidedWithoutTrees() throws Exception {
        SplittableRandom random = new SplittableRandom(20240607L);
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
        int decided = 0;
        for (int i = 0; i < 1024; i++) {
            long salt = 1 + random.nextInt(SaltSource.MAX_SALT);
            String token = new RtcTokenBuilder2(clock, SaltSource.fixed(salt))
                    .buildTokenWithUid("970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b",
                            "7d72365eb983485397e3e3f9d460bdda", 2882341273L,
                            RtcTokenBuilder2.Role.ROLE_PUBLISHER, 3600, 3600);
            byte[] payload = inflate(token.substring(3));
            Level6Deflater deciding = new Level6Deflater(Level6Deflater.MAX_CAPACITY, true);
            assertArrayEquals(Level6DeflaterTest.jdk(payload), Level6DeflaterProperties.ours(deciding, payload));
            if (deciding.decidedWithoutTrees) {
                decided++;
            }
        }
        System.out.printf("benchmark RTC payloads: 1024, %d decided without trees%n", decided);
        assertTrue(decided * 100 >= 1024 * 85, decided + " of 1024 decided without trees");
    }

    /**
     * After a run of payloads the bound cannot decide, a reused instance tries it only now and
     * then, and decides again within 16 calls once decidable payloads return; the bytes are
     * Deflater's throughout.
     */
    @Test
    void aReusedInstanceSkipsTheBoundAfterARunOfMissesAndComesBack() throws IOException {
        java.util.List<byte[]> undecided = new java.util.ArrayList<>();
        java.util.List<byte[]> decidable = new java.util.ArrayList<>();
        for (String p : realPayloads()) {
            byte[] payload = Base64.getDecoder().decode(p);
            Level6Deflater fresh = new Level6Deflater(Level6Deflater.MAX_CAPACITY, true);
            Level6DeflaterProperties.ours(fresh, payload);
            (fresh.decidedWithoutTrees ? decidable : undecided).add(payload);
        }
        Level6Deflater reused = new Level6Deflater(Level6Deflater.MAX_CAPACITY, true);
        for (byte[] p : undecided.subList(0, 40)) {
            assertArrayEquals(Level6DeflaterTest.jdk(p), Level6DeflaterProperties.ours(reused, p));
        }
        int calls = 0;
        do {
            byte[] p = decidable.get(calls++);
            assertArrayEquals(Level6DeflaterTest.jdk(p), Level6DeflaterProperties.ours(reused, p));
        } while (!reused.decidedWithoutTrees && calls < 40);
        assertTrue(calls > 1 && calls <= 16, "decided again after " + calls + " calls");
        for (byte[] p : decidable.subList(calls, calls + 20)) {
            assertArrayEquals(Level6DeflaterTest.jdk(p), Level6DeflaterProperties.ours(reused, p));
            assertTrue(reused.decidedWithoutTrees);
        }
    }
}
