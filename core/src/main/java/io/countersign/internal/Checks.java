package io.countersign.internal;

import io.countersign.codec.ByteString;
import io.countersign.codec.InvalidArgumentException;

/**
 * Input rules shared by every builder and encoder. Each failure is an
 * {@link IllegalArgumentException} whose message names the field and the rule. Secrets are
 * checked by {@link #hex32Secret}, whose message never repeats the value.
 */
public final class Checks {
    public static final long U32_MAX = 0xFFFF_FFFFL;
    public static final int U16_MAX = 0xFFFF;

    private Checks() {
    }

    /** An Agora App ID: exactly 32 hexadecimal characters (either case, as the official builders accept). */
    public static String hex32(String field, String value) {
        if (!isHex32(value)) {
            throw new InvalidArgumentException(field, "must be 32 hexadecimal characters, was "
                    + (value == null ? "null" : "\"" + printable(value) + "\" (" + value.length() + " chars)"));
        }
        return value;
    }

    /** A secret (App Certificate): 32 hexadecimal characters. The message never shows the value. */
    public static String hex32Secret(String field, String value) {
        if (!isHex32(value)) {
            throw new InvalidArgumentException(field, "must be 32 hexadecimal characters (value not shown"
                    + (value == null ? ", was null)" : ", had " + value.length() + " chars)"));
        }
        return value;
    }

    public static boolean isHex32(String value) {
        if (value == null || value.length() != 32) {
            return false;
        }
        for (int i = 0; i < 32; i++) {
            if (Hex.digit(value.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether text is 1..maxDigits ASCII decimal digits (no sign, no space): what Long.parseLong then reads. */
    public static boolean isDecimal(String text, int maxDigits) {
        if (text.isEmpty() || text.length() > maxDigits) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    public static long u32(String field, long value) {
        if (value < 0 || value > U32_MAX) {
            throw new InvalidArgumentException(field, "must be within 0..4294967295 (u32), was " + value);
        }
        return value;
    }

    public static int u16(String field, int value) {
        if (value < 0 || value > U16_MAX) {
            throw new InvalidArgumentException(field, "must be within 0..65535 (u16), was " + value);
        }
        return value;
    }

    public static int i16(String field, int value) {
        if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
            throw new InvalidArgumentException(field, "must be within -32768..32767 (int16), was " + value);
        }
        return value;
    }

    public static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new InvalidArgumentException(field, "must not be null");
        }
        return value;
    }

    /** A byte string packed behind a u16 length prefix. */
    public static ByteString u16Length(String field, ByteString value) {
        notNull(field, value);
        if (value.length() > U16_MAX) {
            throw new InvalidArgumentException(field, "must be at most 65535 bytes (u16 length prefix), was "
                    + value.length() + " bytes");
        }
        return value;
    }

    private static String printable(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        StringBuilder sb = new StringBuilder(shown.length());
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            sb.append(c < 0x20 || c == 0x7F ? '?' : c);
        }
        return sb.toString();
    }
}
