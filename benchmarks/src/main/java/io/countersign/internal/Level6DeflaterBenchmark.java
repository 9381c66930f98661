package io.countersign.internal;

import io.countersign.benchmarks.BenchmarkDefaults;
import io.countersign.benchmarks.PrimitivesBenchmark;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Deflate over the payloads of the real 007 tokens in {@code vectors/} (every service mix the
 * official builders make, at their sizes), or over the RTC payloads the token benchmarks sign,
 * one payload after another: {@link Level6Deflater}
 * with its tree-free block decision, the same class always building zlib's trees, and
 * {@code java.util.zip.Deflater}. The phases of {@link Level6Deflater} are timed on their own
 * (LZ77, LZ77 plus the decision's bound, LZ77 plus zlib's trees, Adler-32), so that bit output
 * is the difference. In package {@code io.countersign.internal} to reach those package-private
 * phases. Runs from the repository root (where {@code scripts/bench} starts it).
 */
public class Level6DeflaterBenchmark extends BenchmarkDefaults {
    private static final Pattern TOKEN = Pattern.compile("\"007([A-Za-z0-9+/=]+)\"");

    /** Which payloads: the real tokens of vectors/, or the 1024 RTC tokens the other benchmarks sign. */
    @Param({"vectors", "rtc"})
    String corpus;
    byte[][] payloads;
    int next;
    Level6Deflater deciding;
    Level6Deflater alwaysTrees;
    Deflater deflater;
    byte[] out;

    @Setup
    public void setUp() {
        payloads = corpus.equals("rtc") ? PrimitivesBenchmark.rtcPayloads() : realPayloads(Path.of("vectors"));
        deciding = new Level6Deflater(Level6Deflater.MAX_CAPACITY, true);
        alwaysTrees = new Level6Deflater(Level6Deflater.MAX_CAPACITY, false);
        deflater = new Deflater();
        out = new byte[Level6Deflater.maxCompressedLength(Level6Deflater.MAX_CAPACITY)];
        int decided = 0;
        for (byte[] p : payloads) {
            byte[] expected = Arrays.copyOf(out, PrimitivesBenchmark.deflate(deflater, p, out));
            Level6Deflater fresh = new Level6Deflater(Level6Deflater.MAX_CAPACITY, true);
            fresh.compress(p, 0, p.length, out, 0);
            decided += fresh.decidedWithoutTrees ? 1 : 0;
            check(Arrays.copyOf(out, deciding.compress(p, 0, p.length, out, 0)), expected);
            check(Arrays.copyOf(out, alwaysTrees.compress(p, 0, p.length, out, 0)), expected);
        }
        System.out.printf("%n%s: %d payloads, %d decided without trees%n", corpus, payloads.length, decided);
    }

    private static void check(byte[] actual, byte[] expected) {
        if (!Arrays.equals(actual, expected)) {
            throw new IllegalStateException("Level6Deflater does not reproduce Deflater's bytes");
        }
    }

    @TearDown
    public void tearDown() {
        deflater.end();
    }

    private byte[] nextPayload() {
        byte[] p = payloads[next];
        next = next + 1 == payloads.length ? 0 : next + 1;
        return p;
    }

    /** Level6Deflater as the signer uses it: fixed or stored proven without trees where it can be. */
    @Benchmark
    public int level6() {
        byte[] p = nextPayload();
        return deciding.compress(p, 0, p.length, out, 0);
    }

    /** The same bytes, always building zlib's trees to price the dynamic block. */
    @Benchmark
    public int level6AlwaysTrees() {
        byte[] p = nextPayload();
        return alwaysTrees.compress(p, 0, p.length, out, 0);
    }

    /** java.util.zip.Deflater at the default level, reset and reused. */
    @Benchmark
    public int jdkDeflater() {
        return PrimitivesBenchmark.deflate(deflater, nextPayload(), out);
    }

    /** Phase: the LZ77 pass alone (copy, hash chains, lazy matching, symbol counts). */
    @Benchmark
    public int lz77() {
        byte[] p = nextPayload();
        deciding.lz77(p, 0, p.length);
        return p.length;
    }

    /** Phase: LZ77, then the fixed price and the lower bound on the dynamic one that decide without trees. */
    @Benchmark
    public long lz77AndBound() {
        byte[] p = nextPayload();
        deciding.lz77(p, 0, p.length);
        return deciding.staticCost() + deciding.decisionBound();
    }

    /** Phase: LZ77, then zlib's three trees and the exact dynamic price (no bit output). */
    @Benchmark
    public long lz77AndTrees() {
        byte[] p = nextPayload();
        alwaysTrees.lz77(p, 0, p.length);
        return alwaysTrees.buildTrees() + alwaysTrees.optLen;
    }

    /** Phase: Adler-32 of the payload. */
    @Benchmark
    public int adler32() {
        byte[] p = nextPayload();
        return Level6Deflater.adler32(p, p.length);
    }

    /** The distinct inflated payloads of the 007 tokens in the vector files, in file order. */
    static byte[][] realPayloads(Path vectors) {
        Set<String> seen = new LinkedHashSet<>();
        List<byte[]> payloads = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(vectors, "007-*.jsonl")) {
            List<Path> sorted = new ArrayList<>();
            files.forEach(sorted::add);
            sorted.sort(null);
            for (Path f : sorted) {
                for (String line : Files.readAllLines(f)) {
                    Matcher m = TOKEN.matcher(line);
                    while (m.find()) {
                        byte[] p = inflate(m.group(1));
                        if (p != null && seen.add(Base64.getEncoder().encodeToString(p))) {
                            payloads.add(p);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("run from the repository root: no vectors/ at " + vectors.toAbsolutePath(), e);
        }
        if (payloads.isEmpty()) {
            throw new IllegalStateException("no 007 tokens in " + vectors.toAbsolutePath());
        }
        return payloads.toArray(new byte[0][]);
    }

    private static byte[] inflate(String base64) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(Base64.getDecoder().decode(base64));
            byte[] buf = new byte[Level6Deflater.MAX_CAPACITY + 1];
            int n = inflater.inflate(buf);
            return inflater.finished() && n <= Level6Deflater.MAX_CAPACITY ? Arrays.copyOf(buf, n) : null;
        } catch (IllegalArgumentException | DataFormatException malformed) {
            return null;
        } finally {
            inflater.end();
        }
    }
}
