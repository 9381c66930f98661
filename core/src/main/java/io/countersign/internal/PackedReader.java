package io.countersign.internal;

import io.countersign.codec.ByteString;
import io.countersign.codec.TokenFormatException;
import io.countersign.codec.TokenFormatException.Reason;

/**
 * Reads the little-endian packing of Agora tokens from {@code bytes[start, end)}. Every read is
 * bounds-checked against the end and fails with a {@link TokenFormatException} naming the field
 * and offset, so a hostile length prefix can neither overrun nor make it allocate beyond the
 * input it was given.
 */
public final class PackedReader {
    private final byte[] bytes;
    private final int end;
    private int position;

    public PackedReader(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.position = start;
        this.end = end;
    }

    public int position() {
        return position;
    }

    public int remaining() {
        return end - position;
    }

    public int readU16(String field) {
        require(field, 2);
        int value = (bytes[position] & 0xFF) | (bytes[position + 1] & 0xFF) << 8;
        position += 2;
        return value;
    }

    public short readI16(String field) {
        return (short) readU16(field);
    }

    public long readU32(String field) {
        require(field, 4);
        long value = (bytes[position] & 0xFFL)
                | (bytes[position + 1] & 0xFFL) << 8
                | (bytes[position + 2] & 0xFFL) << 16
                | (bytes[position + 3] & 0xFFL) << 24;
        position += 4;
        return value;
    }

    /** A byte string behind its u16 length. */
    public ByteString readBytes(String field) {
        int start = position;
        int length = readU16(field);
        if (length > remaining()) {
            throw new TokenFormatException(Reason.TRUNCATED, field, start,
                    "length prefix " + length + " runs past the end (" + remaining() + " bytes left)");
        }
        ByteString value = ByteString.copyOf(bytes, position, length);
        position += length;
        return value;
    }

    /** Fails unless every byte has been read. */
    public void requireEnd(String after) {
        if (position != end) {
            throw new TokenFormatException(Reason.TRAILING_BYTES, after, position,
                    (end - position) + " bytes left after the last field");
        }
    }

    private void require(String field, int length) {
        if (end - position < length) {
            throw new TokenFormatException(Reason.TRUNCATED, field, position,
                    "needs " + length + " bytes, " + (end - position) + " left");
        }
    }
}
