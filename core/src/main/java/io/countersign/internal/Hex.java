package io.countersign.internal;

import io.countersign.codec.InvalidArgumentException;

/** Lower-case hexadecimal, the form every official implementation prints signatures in. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    public static String encode(byte[] bytes, int off, int len) {
        char[] out = new char[len * 2];
        for (int i = 0; i < len; i++) {
            int b = bytes[off + i] & 0xFF;
            out[2 * i] = DIGITS[b >>> 4];
            out[2 * i + 1] = DIGITS[b & 0xF];
        }
        return new String(out);
    }

    public static String encode(byte[] bytes) {
        return encode(bytes, 0, bytes.length);
    }

    /** Decodes hex of either case; the message names {@code field} and the first bad character. */
    public static byte[] decode(String field, String hex) {
        Checks.notNull(field, hex);
        if ((hex.length() & 1) != 0) {
            throw new InvalidArgumentException(field, "hex must have an even number of digits, had " + hex.length());
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = digit(hex.charAt(2 * i));
            int lo = digit(hex.charAt(2 * i + 1));
            if (hi < 0 || lo < 0) {
                throw new InvalidArgumentException(field, "not a hex digit at index " + (hi < 0 ? 2 * i : 2 * i + 1));
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    /** The value of a hex digit, or -1. */
    public static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
