package io.countersign.codec;

import io.countersign.codec.TokenFormatException.Reason;

/**
 * Standard base64 (RFC 4648 section 4, with padding) into caller arrays, and a strict decoder.
 * The decoder accepts exactly one text per byte string: padding required, no whitespace, and
 * the unused low bits of the last character must be zero (RFC 4648 section 3.5 lets a decoder
 * reject them; we do, so that a token has one canonical text and any changed character is
 * either rejected or changes the decoded bytes).
 */
public final class Base64Codec {
    private static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUES[ALPHABET[i]] = i;
        }
    }

    private Base64Codec() {
    }

    public static int encodedLength(int length) {
        return (length + 2) / 3 * 4;
    }

    /** Encodes {@code src[off, off+len)} into {@code dst} at {@code dstOff}; returns chars written. */
    public static int encode(byte[] src, int off, int len, byte[] dst, int dstOff) {
        int d = dstOff;
        int end = off + len;
        int i = off;
        for (; i + 3 <= end; i += 3) {
            int bits = (src[i] & 0xFF) << 16 | (src[i + 1] & 0xFF) << 8 | (src[i + 2] & 0xFF);
            dst[d] = ALPHABET[bits >>> 18];
            dst[d + 1] = ALPHABET[bits >>> 12 & 0x3F];
            dst[d + 2] = ALPHABET[bits >>> 6 & 0x3F];
            dst[d + 3] = ALPHABET[bits & 0x3F];
            d += 4;
        }
        int left = end - i;
        if (left > 0) {
            int bits = (src[i] & 0xFF) << 16 | (left == 2 ? (src[i + 1] & 0xFF) << 8 : 0);
            dst[d] = ALPHABET[bits >>> 18];
            dst[d + 1] = ALPHABET[bits >>> 12 & 0x3F];
            dst[d + 2] = left == 2 ? ALPHABET[bits >>> 6 & 0x3F] : (byte) '=';
            dst[d + 3] = '=';
            d += 4;
        }
        return d - dstOff;
    }

    /**
     * Strictly decodes {@code text[from, text.length())}. Errors report the offset of the
     * offending character within the whole text.
     */
    public static byte[] decode(String field, CharSequence text, int from) {
        int length = text.length() - from;
        if (length == 0) {
            throw new TokenFormatException(Reason.EMPTY, field, from, "nothing after the prefix");
        }
        if (length % 4 != 0) {
            throw new TokenFormatException(Reason.BAD_BASE64, field, text.length(),
                    "length " + length + " is not a multiple of 4 (padding missing or extra characters)");
        }
        int padding = text.charAt(text.length() - 1) == '=' ? (text.charAt(text.length() - 2) == '=' ? 2 : 1) : 0;
        byte[] out = new byte[length / 4 * 3 - padding];
        int o = 0;
        int dataEnd = text.length() - padding;
        int bits = 0;
        int count = 0;
        for (int i = from; i < dataEnd; i++) {
            char c = text.charAt(i);
            int v = c < 128 ? VALUES[c] : -1;
            if (v < 0) {
                throw new TokenFormatException(Reason.BAD_BASE64, field, i,
                        c == '=' ? "padding '=' before the end" : "character " + describe(c) + " is not in the base64 alphabet");
            }
            bits = bits << 6 | v;
            if (++count == 4) {
                out[o] = (byte) (bits >>> 16);
                out[o + 1] = (byte) (bits >>> 8);
                out[o + 2] = (byte) bits;
                o += 3;
                bits = 0;
                count = 0;
            }
        }
        if (padding == 2) {
            if ((bits & 0xF) != 0) {
                throw new TokenFormatException(Reason.BAD_BASE64, field, dataEnd - 1, "non-zero bits in the padding");
            }
            out[o] = (byte) (bits >>> 4);
        } else if (padding == 1) {
            if ((bits & 0x3) != 0) {
                throw new TokenFormatException(Reason.BAD_BASE64, field, dataEnd - 1, "non-zero bits in the padding");
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
