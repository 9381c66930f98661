package io.countersign.internal;

import io.countersign.codec.TokenFormatException;
import io.countersign.codec.TokenFormatException.Reason;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Strict decoding: each refusal names the offset of the character at fault (in the whole text) and why. */
class Base64CodecTest {
    private static TokenFormatException refused(Base64Codec codec, String text, int from) {
        TokenFormatException e = assertThrows(TokenFormatException.class, () -> codec.decode("token", text, from));
        assertEquals("token", e.field());
        return e;
    }

    private static void assertRefused(Base64Codec codec, String text, int from, Reason reason, int offset, String words) {
        TokenFormatException e = refused(codec, text, from);
        assertEquals(reason, e.reason(), text);
        assertEquals(offset, e.offset(), text);
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    @Test
    void shouldDecodeAfterThePrefix() {
        assertArrayEquals("ab".getBytes(), Base64Codec.STANDARD.decode("token", "007YWI=", 3));
        assertArrayEquals("abc".getBytes(), Base64Codec.STANDARD.decode("token", "007YWJj", 3));
        assertArrayEquals("a".getBytes(), Base64Codec.URL_UNPADDED.decode("token", "xYQ", 1));
    }

    @Test
    void shouldNameTheCharacterAndWhereItIs() {
        assertRefused(Base64Codec.STANDARD, "007YW\u0080j", 3, Reason.BAD_BASE64, 5, "character U+0080 is not in the base64 alphabet");
        assertRefused(Base64Codec.STANDARD, "007YW\u007Fj", 3, Reason.BAD_BASE64, 5, "U+007F");
        assertRefused(Base64Codec.STANDARD, "007Y-Jj", 3, Reason.BAD_BASE64, 4, "character '-' is not in the base64 alphabet");
        assertRefused(Base64Codec.URL_UNPADDED, "x+YQ", 1, Reason.BAD_BASE64, 1, "character '+' is not in the base64url alphabet");
        assertRefused(Base64Codec.URL_UNPADDED, "xYQ=", 1, Reason.BAD_BASE64, 3, "character '=' is not in the base64url alphabet");
    }

    @Test
    void shouldTellPaddingInTheMiddleFromMissingPadding() {
        assertRefused(Base64Codec.STANDARD, "007Y===", 3, Reason.BAD_BASE64, 4, "padding '=' before the end");
        assertRefused(Base64Codec.STANDARD, "007YW=jYWJj", 3, Reason.BAD_BASE64, 5, "padding '=' before the end");
        assertRefused(Base64Codec.STANDARD, "007YWI", 3, Reason.BAD_BASE64, 6, "length 3 is not a multiple of 4");
        assertRefused(Base64Codec.STANDARD, "007", 3, Reason.EMPTY, 3, "nothing after the prefix");
    }

    @Test
    void shouldRefuseBitsThatEncodeNoByte() {
        assertRefused(Base64Codec.URL_UNPADDED, "xYWJjZ", 1, Reason.BAD_BASE64, 5, "one character over");
        assertRefused(Base64Codec.STANDARD, "007YWJ=", 3, Reason.BAD_BASE64, 5, "non-zero bits in the padding");
        assertRefused(Base64Codec.STANDARD, "007YR==", 3, Reason.BAD_BASE64, 4, "non-zero bits in the padding");
    }
}
