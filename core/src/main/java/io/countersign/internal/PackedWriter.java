package io.countersign.internal;

import io.countersign.codec.ByteString;

/**
 * Writes the little-endian packing every Agora token uses (u16/u32 integers, byte strings behind
 * a u16 length) into a byte array it owns and grows. A signer keeps one and calls
 * {@link #reset()} per token, so after the first tokens it stops allocating.
 */
public final class PackedWriter {
    private byte[] buffer;
    private int position;

    public PackedWriter(int initialCapacity) {
        this.buffer = new byte[initialCapacity];
    }

    /** Starts over at position 0, keeping the buffer. */
    public PackedWriter reset() {
        position = 0;
        return this;
    }

    /** The backing array; valid bytes are {@code [0, position())}. */
    public byte[] array() {
        return buffer;
    }

    public int position() {
        return position;
    }

    /** Skips {@code length} bytes, to be filled in later through {@link #array()}. */
    public PackedWriter skip(int length) {
        ensure(length);
        position += length;
        return this;
    }

    public PackedWriter putU16(int value) {
        ensure(2);
        buffer[position] = (byte) value;
        buffer[position + 1] = (byte) (value >>> 8);
        position += 2;
        return this;
    }

    public PackedWriter putU32(long value) {
        ensure(4);
        writeU32(buffer, position, value);
        position += 4;
        return this;
    }

    /** A byte string behind its u16 length (the caller has checked it fits). */
    public PackedWriter putBytes(ByteString value) {
        putU16(value.length());
        ensure(value.length());
        value.copyTo(buffer, position);
        position += value.length();
        return this;
    }

    /** Raw bytes with no length prefix. */
    public PackedWriter putRaw(byte[] bytes, int off, int len) {
        ensure(len);
        System.arraycopy(bytes, off, buffer, position, len);
        position += len;
        return this;
    }

    /** An ASCII string (an App ID) behind its u16 length, without allocating. */
    @SuppressWarnings("deprecation") // the one String method that copies chars' low bytes out without allocating
    public PackedWriter putAscii(String ascii) {
        int len = ascii.length();
        putU16(len);
        ensure(len);
        ascii.getBytes(0, len, buffer, position); // each char's low byte, as (byte) charAt(i)
        position += len;
        return this;
    }

    public static void writeU32(byte[] dst, int off, long value) {
        dst[off] = (byte) value;
        dst[off + 1] = (byte) (value >>> 8);
        dst[off + 2] = (byte) (value >>> 16);
        dst[off + 3] = (byte) (value >>> 24);
    }

    private void ensure(int more) {
        int needed = position + more;
        if (needed > buffer.length) {
            byte[] grown = new byte[Math.max(needed, buffer.length * 2)];
            System.arraycopy(buffer, 0, grown, 0, position);
            buffer = grown;
        }
    }
}
