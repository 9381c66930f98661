package io.countersign.internal;

import io.countersign.codec.DecodeLimits;
import io.countersign.codec.TokenFormatException;
import io.countersign.codec.TokenFormatException.Reason;

import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * zlib streams (RFC 1950) as 007 tokens use them: compression at zlib's default level, which is
 * what the official Java ({@code java.util.zip.Deflater}) and Python ({@code zlib.compress})
 * builders emit, and inflation bounded by {@link DecodeLimits}. Token-sized input goes through
 * {@link Level6Deflater}, larger input through one {@link Deflater}; with one {@link Inflater},
 * all are reused per call, so it allocates nothing after warm-up. Not thread-safe:
 * use one per thread, and {@link #close()} it to free native memory early.
 */
public final class Zlib implements AutoCloseable {
    private final Level6Deflater level6 = new Level6Deflater();
    private final Deflater deflater = new Deflater();
    private final Inflater inflater = new Inflater();
    private byte[] inflated = new byte[1024];

    /** A safe upper bound on the compressed size of {@code length} bytes (zlib's deflateBound). */
    public static int maxCompressedLength(int length) {
        return length + (length >>> 12) + (length >>> 14) + (length >>> 25) + 13 + 6;
    }

    /**
     * Compresses {@code in[off, off+len)} into {@code out} at {@code outOff}; returns the bytes
     * written. {@code out} must have {@link #maxCompressedLength(int)} bytes from {@code outOff}.
     */
    public int compress(byte[] in, int off, int len, byte[] out, int outOff) {
        if (len <= Level6Deflater.MAX_INPUT) {
            // Same bytes as the Deflater below, without its fixed per-stream cost (see Level6Deflater).
            return level6.compress(in, off, len, out, outOff);
        }
        deflater.reset();
        deflater.setInput(in, off, len);
        deflater.finish();
        int written = 0;
        while (!deflater.finished()) {
            int n = deflater.deflate(out, outOff + written, out.length - outOff - written);
            if (n == 0 && outOff + written == out.length) {
                throw new IndexOutOfBoundsException("out: compressed output does not fit in " + (out.length - outOff) + " bytes");
            }
            written += n;
        }
        return written;
    }

    /**
     * Inflates one complete zlib stream; the result is {@code inflatedArray()[0, return)}. Fails
     * with {@link Reason#BAD_ZLIB} on a stream that does not inflate, is cut short, fails its
     * checksum or is followed by extra bytes, and with {@link Reason#TOO_LARGE} as soon as the
     * output would pass {@code limits.maxInflatedLength()}.
     */
    public int inflate(byte[] in, DecodeLimits limits) {
        inflater.reset();
        inflater.setInput(in);
        int length = 0;
        // Room for one byte past the limit, so that exceeding it is seen without inflating further.
        int capacity = limits.maxInflatedLength() + 1;
        try {
            while (!inflater.finished()) {
                if (length == inflated.length) {
                    inflated = java.util.Arrays.copyOf(inflated, (int) Math.min((long) length * 2, capacity));
                }
                int n = inflater.inflate(inflated, length, Math.min(inflated.length, capacity) - length);
                length += n;
                if (length > limits.maxInflatedLength()) {
                    throw new TokenFormatException(Reason.TOO_LARGE, "payload", limits.maxInflatedLength(),
                            "inflates past the limit of " + limits.maxInflatedLength() + " bytes");
                }
                if (n == 0 && !inflater.finished()) {
                    if (inflater.needsDictionary()) {
                        throw new TokenFormatException(Reason.BAD_ZLIB, "payload", 0, "zlib stream asks for a preset dictionary");
                    }
                    if (inflater.needsInput()) {
                        throw new TokenFormatException(Reason.BAD_ZLIB, "payload", in.length, "zlib stream is cut short");
                    }
                }
            }
        } catch (DataFormatException e) {
            throw new TokenFormatException(Reason.BAD_ZLIB, "payload", (int) Math.min(inflater.getBytesRead(), Integer.MAX_VALUE),
                    "zlib stream does not inflate (" + e.getMessage() + ")");
        }
        if (inflater.getRemaining() > 0) {
            throw new TokenFormatException(Reason.BAD_ZLIB, "payload", in.length - inflater.getRemaining(),
                    inflater.getRemaining() + " bytes after the end of the zlib stream");
        }
        return length;
    }

    /** The array {@link #inflate} wrote into; reused by the next call. */
    public byte[] inflatedArray() {
        return inflated;
    }

    @Override
    public void close() {
        deflater.end();
        inflater.end();
    }
}
