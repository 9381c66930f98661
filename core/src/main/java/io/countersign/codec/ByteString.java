package io.countersign.codec;

import io.countersign.internal.Checks;
import io.countersign.internal.Hex;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An immutable byte string: the type of every string field inside a token. Tokens carry raw
 * bytes behind a length prefix, usually UTF-8 text but not necessarily, so decoding keeps the
 * exact bytes and {@link #isUtf8()} tells whether they read as text.
 */
public final class ByteString {
    public static final ByteString EMPTY = new ByteString(new byte[0]);

    private final byte[] bytes;

    private ByteString(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * The UTF-8 bytes of {@code text}. Rejects unpaired surrogates, which have no UTF-8 form
     * (the JDK would silently write '?', other implementations U+FFFD).
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

    /** Like {@link #utf8(String, String)} with a generic field name. */
    public static ByteString utf8(String text) {
        return utf8("value", text);
    }

    /** A copy of {@code bytes[off..off+len)}. */
    public static ByteString copyOf(byte[] bytes, int off, int len) {
        return len == 0 ? EMPTY : new ByteString(Arrays.copyOfRange(bytes, off, off + len));
    }

    public static ByteString copyOf(byte[] bytes) {
        return copyOf(bytes, 0, bytes.length);
    }

    public int length() {
        return bytes.length;
    }

    public byte byteAt(int index) {
        return bytes[index];
    }

    /** Copies the bytes into {@code dst} at {@code off}. */
    public void copyTo(byte[] dst, int off) {
        System.arraycopy(bytes, 0, dst, off, bytes.length);
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** Whether the bytes are well-formed UTF-8. */
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

    /** The bytes read as UTF-8 (malformed sequences become U+FFFD; check {@link #isUtf8()} first). */
    public String utf8String() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public String hex() {
        return Hex.encode(bytes);
    }

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
