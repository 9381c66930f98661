package io.countersign.netless;

import io.countersign.codec.InvalidArgumentException;
import java.nio.charset.StandardCharsets;

/**
 * The two JavaScript string encodings a netless token is made of, with JavaScript's exact
 * output rather than the JDK's nearest equivalents:
 *
 * <ul>
 *   <li>{@code JSON.stringify(s)} (ECMAScript QuoteJSONString, well-formed since Node 12):
 *       escapes {@code "} and {@code \}, writes U+0008/09/0A/0C/0D as {@code \b \t \n \f \r} and
 *       every other code unit below U+0020 as <code>&#92;u00xx</code> in lower-case hex, escapes an
 *       unpaired surrogate as <code>&#92;udxxx</code>, and leaves everything else as it is: {@code /},
 *       DEL, U+2028/U+2029 and all non-ASCII text. The signature is over its UTF-8 bytes.</li>
 *   <li>{@code encodeURIComponent(s)}: leaves {@code A-Z a-z 0-9 - _ . ! ~ * ' ( )} and
 *       percent-encodes each UTF-8 byte of everything else in upper-case hex. JavaScript throws
 *       {@code URIError} for an unpaired surrogate; we throw {@link IllegalArgumentException}
 *       naming the field. ({@code java.net.URLEncoder} differs: space as {@code +}, and it
 *       escapes {@code ! ' ( ) ~}.)</li>
 * </ul>
 *
 * The {@code write} methods fill caller arrays and allocate nothing.
 */
final class JsStrings {
    private static final byte[] HEX_LOWER = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX_UPPER = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** ASCII characters encodeURIComponent leaves as they are (ECMAScript uriUnescaped). */
    private static final boolean[] URI_UNRESERVED = new boolean[128];

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            URI_UNRESERVED[c] = true;
            URI_UNRESERVED[c + ('a' - 'A')] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            URI_UNRESERVED[c] = true;
        }
        for (char c : "-_.!~*'()".toCharArray()) {
            URI_UNRESERVED[c] = true;
        }
    }

    private JsStrings() {
    }

    /** Whether encodeURIComponent leaves this character unescaped. */
    public static boolean isUriUnreserved(int c) {
        return c >= 0 && c < 128 && URI_UNRESERVED[c];
    }

    /** The index of the first unpaired surrogate in {@code s}, or -1 if it is well-formed UTF-16. */
    public static int firstUnpairedSurrogate(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- JSON.stringify

    /** {@code JSON.stringify(s)}: the quoted JSON string literal. */
    public static String jsonStringify(String s) {
        byte[] out = new byte[jsonUtf8Length(s)];
        writeJsonUtf8(s, out, 0);
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Length in bytes of the UTF-8 form of {@code JSON.stringify(s)}, quotes included. */
    public static int jsonUtf8Length(String s) {
        long n = 2;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20) {
                n += shortEscape(c) != 0 ? 2 : 6;
            } else if (c == '"' || c == '\\') {
                n += 2;
            } else if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    n += 4;
                    i++;
                } else {
                    n += 6;
                }
            } else {
                n += 3;
            }
        }
        return checkedLength(n);
    }

    /**
     * Writes the UTF-8 bytes of {@code JSON.stringify(s)} into {@code dst} from {@code off};
     * returns the count, {@link #jsonUtf8Length(String)}. Never fails on content.
     */
    public static int writeJsonUtf8(String s, byte[] dst, int off) {
        int d = off;
        dst[d++] = '"';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20) {
                byte e = shortEscape(c);
                dst[d++] = '\\';
                if (e != 0) {
                    dst[d++] = e;
                } else {
                    d = writeUnicodeEscape(c, dst, d);
                }
            } else if (c == '"' || c == '\\') {
                dst[d++] = '\\';
                dst[d++] = (byte) c;
            } else if (c < 0x80) {
                dst[d++] = (byte) c;
            } else if (c < 0x800) {
                dst[d++] = (byte) (0xC0 | c >>> 6);
                dst[d++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    d = writeUtf8CodePoint(Character.toCodePoint(c, s.charAt(++i)), dst, d);
                } else {
                    dst[d++] = '\\';
                    d = writeUnicodeEscape(c, dst, d);
                }
            } else {
                d = writeUtf8CodePoint(c, dst, d);
            }
        }
        dst[d++] = '"';
        return d - off;
    }

    /** The one-letter escape JSON.stringify uses for {@code c}, or 0 if it writes <code>&#92;u00xx</code>. */
    private static byte shortEscape(char c) {
        switch (c) {
            case '\b': return 'b';
            case '\t': return 't';
            case '\n': return 'n';
            case '\f': return 'f';
            case '\r': return 'r';
            default: return 0;
        }
    }

    /** {@code uXXXX} in lower-case hex (the backslash is written by the caller). */
    private static int writeUnicodeEscape(char c, byte[] dst, int d) {
        dst[d] = 'u';
        dst[d + 1] = HEX_LOWER[c >>> 12];
        dst[d + 2] = HEX_LOWER[c >>> 8 & 0xF];
        dst[d + 3] = HEX_LOWER[c >>> 4 & 0xF];
        dst[d + 4] = HEX_LOWER[c & 0xF];
        return d + 5;
    }

    // ---------------------------------------------------------------- encodeURIComponent

    /** {@code encodeURIComponent(s)}; an unpaired surrogate throws {@link IllegalArgumentException} naming {@code field}. */
    public static String encodeURIComponent(String field, String s) {
        byte[] out = new byte[uriComponentLength(field, s)];
        writeUriComponent(s, out, 0);
        return new String(out, StandardCharsets.US_ASCII);
    }

    /**
     * Length of {@code encodeURIComponent(s)}. Throws {@link IllegalArgumentException} naming
     * {@code field} where JavaScript throws URIError (an unpaired surrogate), so a caller that
     * sizes its buffer with this has also validated the input.
     */
    public static int uriComponentLength(String field, String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += URI_UNRESERVED[c] ? 1 : 3;
            } else if (c < 0x800) {
                n += 6;
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    n += 12;
                    i++;
                } else {
                    throw new InvalidArgumentException(field, "unpaired surrogate at index " + i
                            + " (JavaScript's encodeURIComponent throws URIError on it)");
                }
            } else {
                n += 9;
            }
        }
        return checkedLength(n);
    }

    /**
     * Writes {@code encodeURIComponent(s)} as ASCII bytes into {@code dst} from {@code off};
     * returns the count. {@code s} must have passed {@link #uriComponentLength(String, String)};
     * an unpaired surrogate here is a caller bug and throws {@link IllegalArgumentException}.
     */
    public static int writeUriComponent(String s, byte[] dst, int off) {
        int d = off;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (URI_UNRESERVED[c]) {
                    dst[d++] = (byte) c;
                } else {
                    d = writePercent(c, dst, d);
                }
            } else if (c < 0x800) {
                d = writePercent(0xC0 | c >>> 6, dst, d);
                d = writePercent(0x80 | c & 0x3F, dst, d);
            } else {
                int cp = c;
                if (Character.isSurrogate(c)) {
                    if (!(Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))) {
                        throw new IllegalArgumentException("unpaired surrogate at index " + i);
                    }
                    cp = Character.toCodePoint(c, s.charAt(++i));
                    d = writePercent(0xF0 | cp >>> 18, dst, d);
                    d = writePercent(0x80 | cp >>> 12 & 0x3F, dst, d);
                } else {
                    d = writePercent(0xE0 | cp >>> 12, dst, d);
                }
                d = writePercent(0x80 | cp >>> 6 & 0x3F, dst, d);
                d = writePercent(0x80 | cp & 0x3F, dst, d);
            }
        }
        return d - off;
    }

    private static int writePercent(int b, byte[] dst, int d) {
        dst[d] = '%';
        dst[d + 1] = HEX_UPPER[b >>> 4 & 0xF];
        dst[d + 2] = HEX_UPPER[b & 0xF];
        return d + 3;
    }

    // ---------------------------------------------------------------- UTF-8

    /** Length of the UTF-8 form of a well-formed {@code s} (see {@link #firstUnpairedSurrogate}). */
    static int utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return checkedLength(n);
    }

    /** Writes the UTF-8 form of a well-formed {@code s}; returns the count. */
    static int writeUtf8(String s, byte[] dst, int off) {
        int d = off;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                dst[d++] = (byte) c;
            } else if (Character.isHighSurrogate(c)) {
                d = writeUtf8CodePoint(Character.toCodePoint(c, s.charAt(++i)), dst, d);
            } else {
                d = writeUtf8CodePoint(c, dst, d);
            }
        }
        return d - off;
    }

    private static int writeUtf8CodePoint(int cp, byte[] dst, int d) {
        if (cp < 0x80) {
            dst[d] = (byte) cp;
            return d + 1;
        }
        if (cp < 0x800) {
            dst[d] = (byte) (0xC0 | cp >>> 6);
            dst[d + 1] = (byte) (0x80 | cp & 0x3F);
            return d + 2;
        }
        if (cp < 0x10000) {
            dst[d] = (byte) (0xE0 | cp >>> 12);
            dst[d + 1] = (byte) (0x80 | cp >>> 6 & 0x3F);
            dst[d + 2] = (byte) (0x80 | cp & 0x3F);
            return d + 3;
        }
        dst[d] = (byte) (0xF0 | cp >>> 18);
        dst[d + 1] = (byte) (0x80 | cp >>> 12 & 0x3F);
        dst[d + 2] = (byte) (0x80 | cp >>> 6 & 0x3F);
        dst[d + 3] = (byte) (0x80 | cp & 0x3F);
        return d + 4;
    }

    /** Encoded forms grow up to 9x; refuse what would not fit an array rather than overflow. */
    private static int checkedLength(long n) {
        if (n > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("string too long to encode: " + n + " bytes");
        }
        return (int) n;
    }
}
