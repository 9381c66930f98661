package io.countersign.internal;

import io.countersign.codec.TokenFormatException;
import io.countersign.codec.TokenFormatException.Reason;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The two base64 forms Agora tokens use, encoding into caller arrays and decoding strictly:
 * {@link #STANDARD} (RFC 4648 section 4, padded) for 005, 006 and 007 tokens, and
 * {@link #URL_UNPADDED} (section 5, no padding) for netless tokens. The decoder accepts exactly
 * one text per byte string: no whitespace, padding exactly as the form writes it, and the
 * unused low bits of the last character must be zero (RFC 4648 section 3.5 lets a decoder
 * reject them; we do, so that a token has one canonical text and any changed character is
 * either rejected or changes the decoded bytes).
 */
public final class Base64Codec {
    /** Standard alphabet with '=' padding: what the official 005/006/007 builders write. */
    public static final Base64Codec STANDARD =
            new Base64Codec("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", true, "base64");
    /** URL-safe alphabet, no padding: what netless-token writes. */
    public static final Base64Codec URL_UNPADDED =
            new Base64Codec("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", false, "base64url");

    /** Writes four characters at once; the first lands at the lowest index. */
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    /** Reads a group's three bytes (and one more) at once. */
    private static final VarHandle BIG_ENDIAN_INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] alphabet;
    /** The two characters for each 12-bit value, the first in the low byte: half a group per lookup. */
    private final short[] pairs = new short[1 << 12];
    private final int[] values = new int[128];
    private final boolean padded;
    private final String name;

    private Base64Codec(String alphabet, boolean padded, String name) {
        this.alphabet = alphabet.getBytes(StandardCharsets.US_ASCII);
        this.padded = padded;
        this.name = name;
        Arrays.fill(values, -1);
        for (int i = 0; i < this.alphabet.length; i++) {
            values[this.alphabet[i]] = i;
        }
        for (int v = 0; v < pairs.length; v++) {
            pairs[v] = (short) (this.alphabet[v >>> 6] | this.alphabet[v & 0x3F] << 8);
        }
    }

    /** Characters written for {@code length} bytes. */
    public int encodedLength(int length) {
        int tail = length % 3;
        return length / 3 * 4 + (tail == 0 ? 0 : padded ? 4 : tail + 1);
    }

    /** Encodes {@code src[off, off+len)} into {@code dst} at {@code dstOff}; returns chars written. */
    public int encode(byte[] src, int off, int len, byte[] dst, int dstOff) {
        int d = dstOff;
        int end = off + len;
        int i = off;
        Objects.checkFromIndexSize(off, len, src.length);
        Objects.checkFromIndexSize(dstOff, encodedLength(len), dst.length);
        // While a fourth byte follows the group, read four and drop the last.
        for (; i + 4 <= end; i += 3) {
            int bits = (int) BIG_ENDIAN_INTS.get(src, i) >>> 8;
            INTS.set(dst, d, pairs[bits >>> 12] & 0xFFFF | pairs[bits & 0xFFF] << 16);
            d += 4;
        }
        for (; i + 3 <= end; i += 3) {
            int bits = (src[i] & 0xFF) << 16 | (src[i + 1] & 0xFF) << 8 | (src[i + 2] & 0xFF);
            INTS.set(dst, d, pairs[bits >>> 12] & 0xFFFF | pairs[bits & 0xFFF] << 16);
            d += 4;
        }
        int left = end - i;
        if (left > 0) {
            int bits = (src[i] & 0xFF) << 16 | (left == 2 ? (src[i + 1] & 0xFF) << 8 : 0);
            dst[d++] = alphabet[bits >>> 18];
            dst[d++] = alphabet[bits >>> 12 & 0x3F];
            if (left == 2) {
                dst[d++] = alphabet[bits >>> 6 & 0x3F];
            } else if (padded) {
                dst[d++] = '=';
            }
            if (padded) {
                dst[d++] = '=';
            }
        }
        return d - dstOff;
    }

    /**
     * Strictly decodes {@code text[from, text.length())}. Errors report the offset of the
     * offending character within the whole text.
     */
    public byte[] decode(String field, CharSequence text, int from) {
        int length = text.length() - from;
        if (length == 0) {
            throw new TokenFormatException(Reason.EMPTY, field, from, "nothing after the prefix");
        }
        int dataEnd = text.length();
        if (padded) {
            if (length % 4 != 0) {
                throw new TokenFormatException(Reason.BAD_BASE64, field, text.length(),
                        "length " + length + " is not a multiple of 4 (padding missing or extra characters)");
            }
            while (dataEnd > from && text.length() - dataEnd < 2 && text.charAt(dataEnd - 1) == '=') {
                dataEnd--;
            }
        }
        for (int i = from; i < dataEnd; i++) {
            char c = text.charAt(i);
            if (c >= 128 || values[c] < 0) {
                throw new TokenFormatException(Reason.BAD_BASE64, field, i, c == '=' && padded
                        ? "padding '=' before the end"
                        : "character " + describe(c) + " is not in the " + name + " alphabet");
            }
        }
        int tail = (dataEnd - from) % 4;
        if (tail == 1) {
            throw new TokenFormatException(Reason.BAD_BASE64, field, dataEnd - 1,
                    "one character over, which encodes no whole byte");
        }
        byte[] out = new byte[(dataEnd - from) / 4 * 3 + (tail == 0 ? 0 : tail - 1)];
        int o = 0;
        int i = from;
        for (int fullEnd = dataEnd - tail; i < fullEnd; i += 4) {
            int bits = values[text.charAt(i)] << 18 | values[text.charAt(i + 1)] << 12
                    | values[text.charAt(i + 2)] << 6 | values[text.charAt(i + 3)];
            out[o] = (byte) (bits >>> 16);
            out[o + 1] = (byte) (bits >>> 8);
            out[o + 2] = (byte) bits;
            o += 3;
        }
        if (tail == 2) {
            int bits = values[text.charAt(i)] << 6 | values[text.charAt(i + 1)];
            if ((bits & 0xF) != 0) {
                throw new TokenFormatException(Reason.BAD_BASE64, field, i + 1, "non-zero bits in the padding");
            }
            out[o] = (byte) (bits >>> 4);
        } else if (tail == 3) {
            int bits = values[text.charAt(i)] << 12 | values[text.charAt(i + 1)] << 6 | values[text.charAt(i + 2)];
            if ((bits & 0x3) != 0) {
                throw new TokenFormatException(Reason.BAD_BASE64, field, i + 2, "non-zero bits in the padding");
            }
            out[o] = (byte) (bits >>> 10);
            out[o + 1] = (byte) (bits >>> 2);
        }
        return out;
    }

    private static String describe(char c) {
        return c >= 0x21 && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
