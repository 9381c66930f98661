package io.countersign.internal;

import io.countersign.codec.DecodeLimits;
import io.countersign.codec.TokenFormatException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Zlib's paths that token-sized input does not take: input past Level6Deflater.MAX_INPUT, and inflate's edges. */
class ZlibTest {
    /** Text-like bytes that compress (some repeats), different for each seed. */
    private static byte[] input(int length, long seed) {
        Random random = new Random(seed);
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = i > 16 && random.nextInt(3) == 0 ? b[i - 1 - random.nextInt(16)] : (byte) ('a' + random.nextInt(26));
        }
        return b;
    }

    /** A fresh java.util.zip.Deflater at its default level (6), as the official builders use it. */
    private static byte[] jdkDeflate(byte[] in, byte[] dictionary) {
        Deflater deflater = new Deflater();
        try {
            if (dictionary != null) {
                deflater.setDictionary(dictionary);
            }
            deflater.setInput(in);
            deflater.finish();
            byte[] out = new byte[Zlib.maxCompressedLength(in.length)];
            int n = 0;
            while (!deflater.finished()) {
                n += deflater.deflate(out, n, out.length - n);
            }
            return Arrays.copyOf(out, n);
        } finally {
            deflater.end();
        }
    }

    @Test
    void shouldCompressLargeInputsOneAfterAnotherAsAFreshDeflaterDoes() {
        try (Zlib zlib = new Zlib()) {
            for (long seed = 1; seed <= 3; seed++) {
                byte[] in = input(Level6Deflater.MAX_INPUT + 1 + (int) seed * 700, seed);
                byte[] out = new byte[Zlib.maxCompressedLength(in.length) + 10];
                int n = zlib.compress(in, 0, in.length, out, 5);
                assertArrayEquals(jdkDeflate(in, null), Arrays.copyOfRange(out, 5, 5 + n), "input " + seed);
            }
        }
    }

    @Test
    void shouldFitIncompressibleInputInMaxCompressedLength() {
        Random random = new Random(11);
        try (Zlib zlib = new Zlib()) {
            // 1,000,000: the bound's 1/4096 and 1/16384 terms both matter at this size (stored blocks of 16 KB).
            for (int length : new int[] {0, 1, 200, Level6Deflater.MAX_INPUT, 5000, 70_000, 1_000_000}) {
                byte[] in = new byte[length];
                random.nextBytes(in);
                byte[] out = new byte[Zlib.maxCompressedLength(length)]; // exactly the bound: no slack
                int n = zlib.compress(in, 0, length, out, 0);
                assertArrayEquals(jdkDeflate(in, null), Arrays.copyOf(out, n), length + " random bytes");
            }
        }
    }

    @Test
    void shouldRefuseAnOutputTooSmallForLargeInputRatherThanLoop() {
        byte[] in = input(4000, 7);
        try (Zlib zlib = new Zlib()) {
            byte[] out = new byte[100];
            assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertThrows(IndexOutOfBoundsException.class, () -> zlib.compress(in, 0, in.length, out, 0)));
        }
    }

    @Test
    void shouldInflateExactlyUpToTheLimitAndNoFurther() {
        byte[] in = input(5000, 3);
        byte[] stream = jdkDeflate(in, null);
        try (Zlib zlib = new Zlib()) {
            int n = zlib.inflate(stream, DecodeLimits.builder().maxInflatedLength(in.length).build());
            assertArrayEquals(in, Arrays.copyOf(zlib.inflatedArray(), n));
            TokenFormatException e = assertThrows(TokenFormatException.class,
                    () -> zlib.inflate(stream, DecodeLimits.builder().maxInflatedLength(in.length - 1).build()));
            assertEquals(TokenFormatException.Reason.TOO_LARGE, e.reason());
            assertEquals("payload", e.field());
        }
    }

    @Test
    void shouldNameAPresetDictionaryAndTrailingBytes() {
        byte[] in = input(300, 5);
        try (Zlib zlib = new Zlib()) {
            TokenFormatException dictionary = assertThrows(TokenFormatException.class,
                    () -> zlib.inflate(jdkDeflate(in, "agora".getBytes()), DecodeLimits.DEFAULT));
            assertEquals(TokenFormatException.Reason.BAD_ZLIB, dictionary.reason());
            assertTrue(dictionary.getMessage().contains("preset dictionary"), dictionary.getMessage());

            byte[] stream = jdkDeflate(in, null);
            byte[] trailing = Arrays.copyOf(stream, stream.length + 3);
            TokenFormatException extra = assertThrows(TokenFormatException.class, () -> zlib.inflate(trailing, DecodeLimits.DEFAULT));
            assertEquals(TokenFormatException.Reason.BAD_ZLIB, extra.reason());
            assertEquals(stream.length, extra.offset(), "where the stream ends");
            assertTrue(extra.getMessage().contains("3 bytes after the end"), extra.getMessage());
        }
    }
}
