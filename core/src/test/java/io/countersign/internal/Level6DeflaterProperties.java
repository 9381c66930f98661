package io.countersign.internal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.DataFormatException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Level6Deflater against java.util.zip.Deflater on generated inputs of 0..MAX_INPUT bytes. */
class Level6DeflaterProperties {

    private static final int MAX = Level6Deflater.MAX_INPUT;
    private static final int WIDE = Level6Deflater.MAX_CAPACITY;

    /** One instance for every try of every property: state must not leak from one call to the next. */
    private static final Level6Deflater SHARED = new Level6Deflater();
    private static final Level6Deflater SHARED_WIDE = new Level6Deflater(WIDE);

    @Provide
    Arbitrary<byte[]> inputs() {
        return inputsUpTo(MAX);
    }

    /** Up to the largest single-block input, for the package-private wide instance. */
    @Provide
    Arbitrary<byte[]> wideInputs() {
        return inputsUpTo(WIDE);
    }

    static Arbitrary<byte[]> inputsUpTo(int max) {
        return Arbitraries.frequencyOf(
                Tuple.of(3, randomBytes(max)),
                Tuple.of(3, smallAlphabet(max)),
                Tuple.of(2, runs(max)),
                Tuple.of(4, tokens().map(b -> b.length > max ? Arrays.copyOf(b, max) : b)),
                Tuple.of(2, periodic(max)),
                Tuple.of(1, words(max)));
    }

    private static Arbitrary<Integer> sizes(int max) {
        // Mostly token-sized, but the whole range up to max (and its edges) as well.
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, Math.min(600, max))),
                Tuple.of(2, Arbitraries.integers().between(0, max).withDistribution(RandomDistribution.uniform())),
                Tuple.of(1, Arbitraries.integers().between(Math.max(0, max - 300), max)));
    }

    private static Arbitrary<byte[]> randomBytes(int max) {
        return sizes(max).flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n));
    }

    /** Two to five distinct byte values: full of matches, long chains, lazy decisions. */
    private static Arbitrary<byte[]> smallAlphabet(int max) {
        return Combinators.combine(sizes(max), Arbitraries.integers().between(1, 5), Arbitraries.longs())
                .as((n, k, seed) -> {
                    Random r = new Random(seed);
                    byte[] b = new byte[n];
                    for (int i = 0; i < n; i++) {
                        b[i] = (byte) ('a' + r.nextInt(k));
                    }
                    return b;
                });
    }

    /** Runs of one byte, short and long (beyond the 258 maximum match). */
    private static Arbitrary<byte[]> runs(int max) {
        Arbitrary<int[]> run = Combinators.combine(
                Arbitraries.integers().between(0, 255),
                Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.integers().between(1, 6)),
                        Tuple.of(1, Arbitraries.integers().between(1, 600))))
                .as((b, len) -> new int[] {b, len});
        return run.list().ofMaxSize(200).map(list -> {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            for (int[] br : list) {
                for (int i = 0; i < br[1] && o.size() < max; i++) {
                    o.write(br[0]);
                }
            }
            return o.toByteArray();
        });
    }

    /** A random pattern repeated with sparse noise: repeats at long and exact distances. */
    private static Arbitrary<byte[]> periodic(int max) {
        return Combinators.combine(sizes(max),
                Arbitraries.integers().between(1, 5000).withDistribution(RandomDistribution.biased()),
                Arbitraries.integers().between(0, 60),
                Arbitraries.longs())
                .as((n, period, noise, seed) -> {
                    Random r = new Random(seed);
                    byte[] pat = new byte[period];
                    r.nextBytes(pat);
                    byte[] b = new byte[n];
                    for (int i = 0; i < n; i++) {
                        b[i] = noise > 0 && r.nextInt(noise + 1) == 0 ? (byte) r.nextInt(256) : pat[i % period];
                    }
                    return b;
                });
    }

    private static Arbitrary<byte[]> words(int max) {
        return Arbitraries.of("token", "channel", "uid", "expire", "privilege", "rtc", "rtm", " ", "\n",
                        "0", "1", "00000000", "appId", "970CA35de60c44645bbae8a215061b33")
                .list().ofMaxSize(Math.max(1, max / 5))
                .map(ws -> {
                    byte[] b = String.join("", ws).getBytes(StandardCharsets.US_ASCII);
                    return b.length > max ? Arrays.copyOf(b, max) : b;
                });
    }

    /**
     * Shaped like a 007 payload: 32 random signature bytes, then little-endian lengths, an ASCII
     * hex app id, 32-bit timestamps and privilege values, and short strings, in any order.
     */
    private static Arbitrary<byte[]> tokens() {
        return Combinators.combine(
                        Arbitraries.bytes().array(byte[].class).ofSize(32),
                        Arbitraries.strings().withChars("0123456789abcdef").ofLength(32),
                        Arbitraries.integers().list().ofMaxSize(24),
                        Arbitraries.strings().withCharRange('!', '~').ofMaxLength(24).list().ofMaxSize(8),
                        Arbitraries.longs())
                .as((sig, appId, ints, strs, seed) -> {
                    ByteArrayOutputStream o = new ByteArrayOutputStream();
                    o.writeBytes(sig);
                    Random r = new Random(seed);
                    writeString(o, appId);
                    int i = 0;
                    int s = 0;
                    while (i < ints.size() || s < strs.size()) {
                        if (s < strs.size() && (i >= ints.size() || r.nextInt(3) == 0)) {
                            writeString(o, strs.get(s++));
                        } else {
                            int v = ints.get(i++);
                            if (r.nextBoolean()) {
                                o.write(v & 0xff);
                                o.write((v >>> 8) & 0xff);
                            } else {
                                writeInt(o, v);
                            }
                        }
                    }
                    return o.toByteArray();
                });
    }

    private static void writeString(ByteArrayOutputStream o, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        o.write(b.length & 0xff);
        o.write(b.length >>> 8);
        o.writeBytes(b);
    }

    private static void writeInt(ByteArrayOutputStream o, int v) {
        o.write(v);
        o.write(v >>> 8);
        o.write(v >>> 16);
        o.write(v >>> 24);
    }

    /** The same token shape from a plain Random, for the example-based tests. */
    static byte[] tokenLike(Random r) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        byte[] sig = new byte[32];
        r.nextBytes(sig);
        o.writeBytes(sig);
        StringBuilder app = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            app.append("0123456789abcdef".charAt(r.nextInt(16)));
        }
        writeString(o, app.toString());
        int issue = 1_700_000_000 + r.nextInt(100_000_000);
        writeInt(o, issue);
        writeInt(o, r.nextInt(86_400));
        writeInt(o, r.nextInt());
        int services = 1 + r.nextInt(4);
        o.write(services);
        o.write(0);
        for (int s = 0; s < services; s++) {
            o.write(1 + r.nextInt(7));
            o.write(0);
            int privileges = 1 + r.nextInt(4);
            o.write(privileges);
            o.write(0);
            for (int p = 0; p < privileges; p++) {
                o.write(1 + r.nextInt(4));
                o.write(0);
                writeInt(o, r.nextBoolean() ? 0 : issue + r.nextInt(86_400));
            }
            if (r.nextBoolean()) {
                writeString(o, "channel-" + r.nextInt(100_000));
            }
            if (r.nextBoolean()) {
                writeString(o, Integer.toString(r.nextInt(1_000_000)));
            }
        }
        return o.toByteArray();
    }

    static byte[] ours(Level6Deflater d, byte[] in) {
        byte[] out = new byte[Level6Deflater.maxCompressedLength(in.length)];
        int n = d.compress(in, 0, in.length, out, 0);
        return Arrays.copyOf(out, n);
    }

    @Property(tries = 2000)
    void sameBytesAsJdkDeflater(@ForAll("inputs") byte[] in) throws DataFormatException {
        byte[] got = ours(SHARED, in);
        assertArrayEquals(Level6DeflaterTest.jdk(in), got);
        assertArrayEquals(in, Level6DeflaterTest.inflate(got));
    }

    @Property(tries = 2000)
    void sameBytesWithInputAndOutputInsideLargerArrays(@ForAll("inputs") byte[] data,
                                                       @ForAll @IntRange(max = 64) int before,
                                                       @ForAll @IntRange(max = 64) int after) {
        byte[] in = new byte[before + data.length + after];
        Arrays.fill(in, (byte) 0xA5);
        System.arraycopy(data, 0, in, before, data.length);
        byte[] expected = Level6DeflaterTest.jdk(data);
        byte[] out = new byte[11 + Level6Deflater.maxCompressedLength(data.length) + after];
        Arrays.fill(out, (byte) 0x5A);
        int n = SHARED.compress(in, before, data.length, out, 11);
        assertEquals(expected.length, n);
        assertArrayEquals(expected, Arrays.copyOfRange(out, 11, 11 + n));
        for (int i = 0; i < out.length; i++) {
            if (i < 11 || i >= 11 + n) {
                assertEquals((byte) 0x5A, out[i], "wrote outside the output range at " + i);
            }
        }
    }

    /** The same comparison over the whole single-block range (package-private wide instance). */
    @Property(tries = 2000)
    void sameBytesAsJdkDeflaterUpToMaxCapacity(@ForAll("wideInputs") byte[] in) throws DataFormatException {
        byte[] got = ours(SHARED_WIDE, in);
        assertArrayEquals(Level6DeflaterTest.jdk(in), got);
        assertArrayEquals(in, Level6DeflaterTest.inflate(got));
    }

    /** A fresh instance per sequence, reused for every element: each call stands alone. */
    @Property(tries = 2000)
    void oneInstanceOverASequenceOfInputs(@ForAll @Size(max = 8) List<@From("inputs") byte[]> inputs) {
        Level6Deflater d = new Level6Deflater();
        for (byte[] in : inputs) {
            assertArrayEquals(Level6DeflaterTest.jdk(in), ours(d, in));
        }
    }
}
