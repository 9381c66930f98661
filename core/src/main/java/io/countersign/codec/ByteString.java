package io.countersign.codec;

import io.countersign.internal.Checks;
import io.countersign.internal.Hex;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable byte string: the type of every string field inside a token. Tokens carry raw
 * bytes behind a length prefix, usually UTF-8 text but not necessarily, so decoding keeps the
 * exact bytes and {@link #isUtf8()} tells whether they read as text.
 */
public final class ByteString {
    /** The empty byte string; {@link #utf8(String, String)} and {@link #copyOf(byte[], int, int)} return it for empty input. */
    public static final ByteString EMPTY = new ByteString(new byte[0]);

    private final byte[] bytes;

    private ByteString(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * The UTF-8 bytes of {@code text}. Rejects unpaired surrogates, which have no UTF-8 form
     * (the JDK would silently write '?', other implementations U+FFFD).
     *
     * @param field the name to report in an error, e.g. {@code "channelName"}
     * @param text the text to encode
     * @return its UTF-8 bytes ({@link #EMPTY} for {@code ""})
     * @throws InvalidArgumentException if {@code text} is null or holds an unpaired surrogate
     */
    public static ByteString utf8(String field, String text) {
        Checks.notNull(field, text);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidArgumentException(field, "unpaired surrogate at index " + i + " has no UTF-8 form");
            }
        }
        return text.isEmpty() ? EMPTY : new ByteString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Like {@link #utf8(String, String)}, with {@code "value"} as the field an error names.
     *
     * @param text the text to encode
     * @return its UTF-8 bytes
     * @throws InvalidArgumentException if {@code text} is null or holds an unpaired surrogate
     */
    public static ByteString utf8(String text) {
        return utf8("value", text);
    }

    /**
     * A copy of {@code bytes[off..off+len)}; later changes to {@code bytes} do not show through.
     *
     * @param bytes the source array
     * @param off the first byte to copy
     * @param len how many bytes to copy; {@code off + len} must not pass the end of {@code bytes}
     * @return the copy ({@link #EMPTY} when {@code len} is 0)
     * @throws IndexOutOfBoundsException if the range does not lie within {@code bytes}
     */
    public static ByteString copyOf(byte[] bytes, int off, int len) {
        // Arrays.copyOfRange would pad a range past the end with zeros.
        Objects.checkFromIndexSize(off, len, bytes.length);
        return len == 0 ? EMPTY : new ByteString(Arrays.copyOfRange(bytes, off, off + len));
    }

    /**
     * A copy of all of {@code bytes}.
     *
     * @param bytes the source array
     * @return the copy ({@link #EMPTY} when {@code bytes} is empty)
     */
    public static ByteString copyOf(byte[] bytes) {
        return copyOf(bytes, 0, bytes.length);
    }

    /** {@return the number of bytes (not characters)} */
    public int length() {
        return bytes.length;
    }

    /**
     * The byte at {@code index}.
     *
     * @param index from 0 to {@link #length()} - 1
     * @return the byte, signed as Java reads it
     * @throws IndexOutOfBoundsException if {@code index} is outside the string
     */
    public byte byteAt(int index) {
        return bytes[index];
    }

    /**
     * Copies the bytes into {@code dst} from {@code off}, without allocating.
     *
     * @param dst the array to write into
     * @param off where the first byte goes
     * @throws IndexOutOfBoundsException if the {@link #length()} bytes do not fit from {@code off}
     */
    public void copyTo(byte[] dst, int off) {
        System.arraycopy(bytes, 0, dst, off, bytes.length);
    }

    /** {@return a fresh copy of the bytes, which the caller may change} */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** {@return whether the bytes are well-formed UTF-8, so that {@link #utf8String()} loses nothing} */
    public boolean isUtf8() {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** {@return the bytes read as UTF-8 (malformed sequences become U+FFFD; check {@link #isUtf8()} first)} */
    public String utf8String() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** {@return the bytes in lowercase hexadecimal, two characters a byte} */
    public String hex() {
        return Hex.encode(bytes);
    }

    /**
     * Whether these bytes are exactly the UTF-8 encoding of {@code text}.
     *
     * @param text the text to compare with; encoded as {@link String#getBytes} does, so an unpaired surrogate compares as '?'
     * @return true if the bytes are equal
     */
    public boolean contentEquals(String text) {
        return Arrays.equals(bytes, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteString && Arrays.equals(bytes, ((ByteString) o).bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The text if the bytes are UTF-8, otherwise {@code hex:...}. */
    @Override
    public String toString() {
        return isUtf8() ? utf8String() : "hex:" + hex();
    }
}
