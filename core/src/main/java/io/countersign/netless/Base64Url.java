package io.countersign.netless;

import io.countersign.codec.TokenFormatException;
import io.countersign.codec.TokenFormatException.Reason;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * base64url without padding (RFC 4648 section 5), the form netless-token writes: Node's
 * {@code toString("base64")} with {@code +} to {@code -}, {@code /} to {@code _} and the
 * trailing {@code =} removed. The decoder is strict in the way {@code codec.Base64Codec} is:
 * one text per byte string, so no {@code =}, no standard-alphabet characters, no length of the
 * form 4k+1, and the unused low bits of the last character must be zero.
 */
final class Base64Url {
    private static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".getBytes(StandardCharsets.US_ASCII);
    private static final int[] VALUES = new int[128];

    static {
        Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUES[ALPHABET[i]] = i;
        }
    }

    private Base64Url() {
    }

    static int encodedLength(int length) {
        return length / 3 * 4 + (length % 3 == 0 ? 0 : length % 3 + 1);
    }

    /** Encodes {@code src[off, off+len)} into {@code dst} at {@code dstOff}; returns chars written. */
    static int encode(byte[] src, int off, int len, byte[] dst, int dstOff) {
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
            dst[d++] = ALPHABET[bits >>> 18];
            dst[d++] = ALPHABET[bits >>> 12 & 0x3F];
            if (left == 2) {
                dst[d++] = ALPHABET[bits >>> 6 & 0x3F];
            }
        }
        return d - dstOff;
    }

    /**
     * Strictly decodes {@code text[from, text.length())}. Errors report the offset of the
     * offending character within the whole text.
     */
    static byte[] decode(String field, CharSequence text, int from) {
        int length = text.length() - from;
        if (length == 0) {
            throw new TokenFormatException(Reason.EMPTY, field, from, "nothing after the prefix");
        }
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128 || VALUES[c] < 0) {
                throw new TokenFormatException(Reason.BAD_BASE64, field, i, "character " + describe(c)
                        + " is not in the base64url alphabet" + (c == '=' ? " (netless tokens carry no padding)" : ""));
            }
        }
        int tail = length % 4;
        if (tail == 1) {
            throw new TokenFormatException(Reason.BAD_BASE64, field, text.length() - 1,
                    "length " + length + " leaves one character over, which encodes no whole byte");
        }
        byte[] out = new byte[length / 4 * 3 + (tail == 0 ? 0 : tail - 1)];
        int o = 0;
        int i = from;
        int fullEnd = text.length() - tail;
        for (; i < fullEnd; i += 4) {
            int bits = VALUES[text.charAt(i)] << 18 | VALUES[text.charAt(i + 1)] << 12
                    | VALUES[text.charAt(i + 2)] << 6 | VALUES[text.charAt(i + 3)];
            out[o] = (byte) (bits >>> 16);
            out[o + 1] = (byte) (bits >>> 8);
            out[o + 2] = (byte) bits;
            o += 3;
        }
        if (tail == 2) {
            int bits = VALUES[text.charAt(i)] << 6 | VALUES[text.charAt(i + 1)];
            if ((bits & 0xF) != 0) {
                throw new TokenFormatException(Reason.BAD_BASE64, field, i + 1, "non-zero unused bits in the last character");
            }
            out[o] = (byte) (bits >>> 4);
        } else if (tail == 3) {
            int bits = VALUES[text.charAt(i)] << 12 | VALUES[text.charAt(i + 1)] << 6 | VALUES[text.charAt(i + 2)];
            if ((bits & 0x3) != 0) {
                throw new TokenFormatException(Reason.BAD_BASE64, field, i + 2, "non-zero unused bits in the last character");
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
