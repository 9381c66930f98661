package io.countersign.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Level6DeflaterTest {

    /**
     * Adler-32 against the JDK's on every length to 64 and across the 5552-byte reduction
     * boundaries, with bytes of 0xFF (the sums' worst case for overflow) and random ones.
     */
    @Test
    void adler32MatchesTheJdks() {
        byte[] ones = new byte[Level6Deflater.MAX_CAPACITY];
        Arrays.fill(ones, (byte) 0xFF);
        byte[] random = new byte[Level6Deflater.MAX_CAPACITY];
        new Random(11).nextBytes(random);
        for (byte[] data : new byte[][] {ones, random}) {
            int[] lengths = Stream.of(IntStream.rangeClosed(0, 64), IntStream.rangeClosed(5540, 5570),
                            IntStream.rangeClosed(11090, 11120), IntStream.of(Level6Deflater.MAX_CAPACITY))
                    .flatMapToInt(range -> range).toArray();
            for (int n : lengths) {
                java.util.zip.Adler32 jdk = new java.util.zip.Adler32();
                jdk.update(data, 0, n);
                assertEquals((int) jdk.getValue(), Level6Deflater.adler32(data, n), "length " + n);
            }
        }
    }

    private final Level6Deflater deflater = new Level6Deflater();
    /** The same code with room for the whole single-block range, for distances past MAX_INPUT. */
    private final Level6Deflater wide = new Level6Deflater(Level6Deflater.MAX_CAPACITY);

    /** What java.util.zip.Deflater (default level, zlib wrapper) makes of in[off..off+len). */
    static byte[] jdk(byte[] in, int off, int len) {
        Deflater d = new Deflater();
        try {
            d.setInput(in, off, len);
            d.finish();
            byte[] buf = new byte[len + 64];
            int n = 0;
            while (!d.finished()) {
                if (n == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                n += d.deflate(buf, n, buf.length - n);
            }
            return Arrays.copyOf(buf, n);
        } finally {
            d.end();
        }
    }

    static byte[] jdk(byte[] in) {
        return jdk(in, 0, in.length);
    }

    private byte[] ours(byte[] in) {
        Level6Deflater d = in.length <= Level6Deflater.MAX_INPUT ? deflater : wide;
        byte[] out = new byte[Level6Deflater.maxCompressedLength(in.length)];
        int n = d.compress(in, 0, in.length, out, 0);
        return Arrays.copyOf(out, n);
    }

    static byte[] inflate(byte[] z) throws DataFormatException {
        Inflater inf = new Inflater();
        try {
            inf.setInput(z);
            byte[] buf = new byte[Level6Deflater.MAX_CAPACITY + 16];
            int n = 0;
            while (!inf.finished()) {
                int k = inf.inflate(buf, n, buf.length - n);
                if (k == 0 && !inf.finished() && (inf.needsInput() || inf.needsDictionary())) {
                    throw new DataFormatException("truncated stream");
                }
                n += k;
            }
            assertEquals(0, inf.getRemaining(), "trailing bytes after the zlib stream");
            return Arrays.copyOf(buf, n);
        } finally {
            inf.end();
        }
    }

    private void assertSameAsJdk(byte[] in) throws DataFormatException {
        byte[] got = ours(in);
        assertArrayEquals(jdk(in), got, () -> "differs from Deflater for input of " + in.length + " bytes");
        assertArrayEquals(in, inflate(got));
    }

    private static byte[] random(long seed, int n) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void emptyInput() throws DataFormatException {
        byte[] out = ours(new byte[0]);
        assertArrayEquals(new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}, out);
        assertSameAsJdk(new byte[0]);
    }

    @Test
    void everySingleByte() throws DataFormatException {
        for (int b = 0; b < 256; b++) {
            assertSameAsJdk(new byte[] {(byte) b});
        }
    }

    @Test
    void allZerosOfEverySizeUpTo300() throws DataFormatException {
        for (int n = 1; n <= 300; n++) {
            assertSameAsJdk(new byte[n]);
        }
    }

    @Test
    void shortInputsOfEveryKind() throws DataFormatException {
        Random r = new Random(42);
        for (int n = 2; n <= 40; n++) {
            for (int k = 0; k < 30; k++) {
                byte[] b = new byte[n];
                int alphabet = 1 + r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    b[i] = (byte) ('a' + r.nextInt(alphabet));
                }
                assertSameAsJdk(b);
                assertSameAsJdk(random(r.nextLong(), n));
            }
        }
    }

    /** Runs around the longest match (258) and its neighbours, of one byte and of short periods. */
    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5, 257, 258, 259, 260, 261, 516, 517, 518, 519, 1000, 4096, 4097})
    void runsAroundTheMaximumMatchLength(int n) throws DataFormatException {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 'x');
        assertSameAsJdk(b);
        for (int period = 2; period <= 5; period++) {
            byte[] p = new byte[n + 7];
            for (int i = 0; i < p.length; i++) {
                p[i] = (byte) ("abcde".charAt(i % period));
            }
            assertSameAsJdk(p);
        }
    }

    /**
     * A random block repeated at an exact distance, for distances around the code boundaries and
     * around 4096, past which zlib drops a match of length 3. Repeat lengths 3, 4 and 10. (Inputs
     * longer than MAX_INPUT go to the wide instance.)
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 256, 257, 258, 259, 1024, 1025, 4095, 4096, 4097, 4098, 4099, 8000,
            16000})
    void repeatsAtEdgeDistances(int distance) throws DataFormatException {
        for (int repeat : new int[] {3, 4, 10}) {
            for (long seed = 0; seed < 4; seed++) {
                int n = Math.min(Level6Deflater.MAX_CAPACITY, distance + repeat + 20);
                byte[] b = random(seed * 31 + distance, n);
                int at = n - repeat - 5;
                if (at - distance < 0) {
                    continue;
                }
                System.arraycopy(b, at - distance, b, at, repeat);
                assertSameAsJdk(b);
            }
        }
    }

    /** Many 3-byte repeats beyond 4096, where the far rule decides literal versus match. */
    @Test
    void threeByteRepeatsNearTheFarLimit() throws DataFormatException {
        Random r = new Random(7);
        for (int t = 0; t < 40; t++) {
            byte[] b = random(r.nextLong(), 8192);
            int d = 4090 + r.nextInt(12);
            for (int k = 0; k < 200; k++) {
                int at = d + r.nextInt(b.length - d - 4);
                System.arraycopy(b, at - d, b, at, 3 + r.nextInt(2));
            }
            assertSameAsJdk(b);
        }
    }

    @Test
    void inputOfExactlyMaxInput() throws DataFormatException {
        inputOfExactly(Level6Deflater.MAX_INPUT);
    }

    /** The largest input zlib still writes as one block; the wide instance covers it. */
    @Test
    void inputOfExactlyMaxCapacity() throws DataFormatException {
        inputOfExactly(Level6Deflater.MAX_CAPACITY);
    }

    private void inputOfExactly(int n) throws DataFormatException {
        assertSameAsJdk(new byte[n]);
        assertSameAsJdk(random(1, n));
        byte[] text = new byte[n];
        Random r = new Random(3);
        String[] words = {"token", "channel", "uid", "expire", "privilege", "0", "1", "2024", "rtc", "app"};
        for (int i = 0; i < n; ) {
            byte[] w = (words[r.nextInt(words.length)] + ' ').getBytes(StandardCharsets.US_ASCII);
            for (int j = 0; j < w.length && i < n; j++) {
                text[i++] = w[j];
            }
        }
        assertSameAsJdk(text);
    }

    /** Incompressible input must come out as one stored block, the largest output possible. */
    @Test
    void incompressibleInputIsStoredAndWithinTheBound() throws DataFormatException {
        for (int n : new int[] {1, 2, 10, 100, 1000, Level6Deflater.MAX_INPUT, Level6Deflater.MAX_CAPACITY}) {
            byte[] in = random(n, n);
            byte[] got = ours(in);
            assertTrue(got.length <= Level6Deflater.maxCompressedLength(n));
            assertSameAsJdk(in);
        }
    }

    /**
     * Symbol frequencies shaped so that the code-length code needs lengths over 7 before
     * limiting; such inputs turn up in the random tests too, this one pins one down.
     */
    @Test
    void skewedSymbolFrequencies() throws DataFormatException {
        Random r = new Random(11);
        for (int t = 0; t < 200; t++) {
            int syms = 15 + r.nextInt(12);
            double ratio = 0.5 + r.nextDouble() * 0.2;
            int n = 1 + r.nextInt(t % 2 == 0 ? Level6Deflater.MAX_INPUT : Level6Deflater.MAX_CAPACITY);
            byte[] in = skewedBytes(r, n, syms, ratio);
            assertSameAsJdk(in);
        }
    }

    /** n bytes of k distinct values whose odds fall by the given ratio from one value to the next. */
    static byte[] skewedBytes(Random r, int n, int k, double ratio) {
        double[] cumulative = new double[k];
        double weight = 1;
        double total = 0;
        for (int i = 0; i < k; i++) {
            total += weight;
            cumulative[i] = total;
            weight *= ratio;
        }
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            double x = r.nextDouble() * total;
            int s = 0;
            while (s < k - 1 && cumulative[s] < x) {
                s++;
            }
            b[i] = (byte) (s * 37);
        }
        return b;
    }

    @Test
    void reusedInstanceGivesTheSameAnswerAsAFreshOne() throws DataFormatException {
        Random r = new Random(5);
        byte[] big = new byte[Level6Deflater.MAX_INPUT];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ('a' + r.nextInt(3));
        }
        byte[] small = "abcabcabd".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 50; i++) {
            // After a large, match-rich input, a small one must see none of its hash entries.
            assertSameAsJdk(big);
            assertSameAsJdk(small);
            assertSameAsJdk(Arrays.copyOf(big, 1 + r.nextInt(600)));
        }
        // And a fresh instance agrees.
        byte[] a = new byte[100];
        byte[] b = new byte[100];
        int na = deflater.compress(small, 0, small.length, a, 0);
        int nb = new Level6Deflater().compress(small, 0, small.length, b, 0);
        assertArrayEquals(Arrays.copyOf(b, nb), Arrays.copyOf(a, na));
    }

    @Test
    void inputAndOutputAtOffsets() throws DataFormatException {
        Random r = new Random(9);
        for (int t = 0; t < 200; t++) {
            int n = r.nextInt(700);
            byte[] data = new byte[n];
            for (int i = 0; i < n; i++) {
                data[i] = (byte) r.nextInt(r.nextBoolean() ? 4 : 256);
            }
            int off = r.nextInt(40);
            byte[] in = new byte[off + n + r.nextInt(40)];
            r.nextBytes(in);
            System.arraycopy(data, 0, in, off, n);
            byte[] expected = jdk(data);
            byte[] out = new byte[11 + Level6Deflater.maxCompressedLength(n) + 5];
            Arrays.fill(out, (byte) 0x5A);
            int written = deflater.compress(in, off, n, out, 11);
            assertArrayEquals(expected, Arrays.copyOfRange(out, 11, 11 + written));
            for (int i = 0; i < 11; i++) {
                assertEquals((byte) 0x5A, out[i], "byte before outOff changed");
            }
            for (int i = 11 + written; i < out.length; i++) {
                assertEquals((byte) 0x5A, out[i], "byte after the output changed");
            }
            assertArrayEquals(data, inflate(expected));
        }
    }

    @Test
    void tooLargeInputIsRejected() {
        byte[] in = new byte[Level6Deflater.MAX_CAPACITY + 1];
        byte[] out = new byte[Level6Deflater.maxCompressedLength(in.length)];
        Arrays.fill(out, (byte) 0x11);
        assertThrows(IllegalArgumentException.class,
                () -> deflater.compress(in, 0, Level6Deflater.MAX_INPUT + 1, out, 0));
        assertThrows(IllegalArgumentException.class,
                () -> deflater.compress(in, 50, Level6Deflater.MAX_INPUT + 1, out, 0));
        assertThrows(IllegalArgumentException.class, () -> wide.compress(in, 0, in.length, out, 0));
        for (byte b : out) {
            assertEquals((byte) 0x11, b);
        }
        assertThrows(IllegalArgumentException.class, () -> new Level6Deflater(Level6Deflater.MAX_CAPACITY + 1));
        assertThrows(IllegalArgumentException.class, () -> new Level6Deflater(-1));
    }

    @Test
    void badInputRangesAreRejected() {
        byte[] in = new byte[10];
        byte[] out = new byte[100];
        assertThrows(IndexOutOfBoundsException.class, () -> deflater.compress(in, 5, 6, out, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> deflater.compress(in, -1, 3, out, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> deflater.compress(in, 0, -1, out, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> deflater.compress(in, 0, 3, out, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> deflater.compress(in, 0, 3, out, 101));
    }

    /** An output array one byte short (at any offset) is rejected before anything is written. */
    @Test
    void tooSmallOutputIsRejectedWithoutWriting() throws DataFormatException {
        Random r = new Random(13);
        for (int t = 0; t < 300; t++) {
            int n = t < 20 ? t : r.nextInt(2000);
            Level6Deflater d = n <= Level6Deflater.MAX_INPUT ? deflater : wide;
            byte[] in = new byte[n];
            for (int i = 0; i < n; i++) {
                in[i] = (byte) r.nextInt(t % 3 == 0 ? 256 : 3);
            }
            int need = jdk(in).length;
            int outOff = r.nextInt(20);
            for (int shortBy = 1; shortBy <= 3; shortBy++) {
                byte[] out = new byte[Math.max(0, outOff + need - shortBy)];
                int off = Math.min(outOff, out.length);
                Arrays.fill(out, (byte) 0x33);
                assertThrows(IndexOutOfBoundsException.class, () -> d.compress(in, 0, n, out, off));
                for (byte b : out) {
                    assertEquals((byte) 0x33, b, "output written although it was too small");
                }
            }
            // Exactly large enough works, and the instance is still fine afterwards.
            byte[] exact = new byte[outOff + need];
            assertEquals(need, d.compress(in, 0, n, exact, outOff));
            assertArrayEquals(in, inflate(Arrays.copyOfRange(exact, outOff, exact.length)));
        }
    }

    /**
     * A Huffman leaf at depth 16 needs a total weight of at least 2584 (the 18th Fibonacci
     * number); MAX_INPUT bytes make at most MAX_INPUT symbols plus end-of-block, so public inputs
     * never need zlib's 15-bit length limiting (the wide instance can, and the code handles it).
     */
    @Test
    void maxInputKeepsLiteralAndDistanceCodesWithin15Bits() {
        assertTrue(Level6Deflater.MAX_INPUT + 1 < 2584);
        assertTrue(Level6Deflater.MAX_INPUT <= Level6Deflater.MAX_CAPACITY);
    }

    @Test
    void maxCompressedLengthIsASafeBound() {
        assertEquals(11, Level6Deflater.maxCompressedLength(0));
        for (int n = 0; n <= 200_000; n += 997) {
            int bound = Level6Deflater.maxCompressedLength(n);
            // One stored block per 65535 bytes: 5 bytes each, plus 2 header and 4 trailer bytes.
            assertTrue(bound >= n + 5 * Math.max(1, (n + 65534) / 65535) + 6);
        }
        assertThrows(IllegalArgumentException.class, () -> Level6Deflater.maxCompressedLength(-1));
    }

    @Test
    void tokenShapedPayloads() throws DataFormatException {
        Random r = new Random(17);
        for (int t = 0; t < 2000; t++) {
            byte[] p = Level6DeflaterProperties.tokenLike(r);
            assertSameAsJdk(p);
        }
    }
}
