package io.countersign.internal;

import io.countersign.codec.TokenFormatException;
import io.countersign.codec.TokenFormatException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Strict decoding: each refusal names the offset of the character at fault (in the whole text) and why. */
class Base64CodecTest {
    @Test
    void shouldDecodeAfterThePrefix() {
        assertArrayEquals("ab".getBytes(), Base64Codec.STANDARD.decode("token", "007YWI=", 3));
        assertArrayEquals("abc".getBytes(), Base64Codec.STANDARD.decode("token", "007YWJj", 3));
        assertArrayEquals("a".getBytes(), Base64Codec.URL_UNPADDED.decode("token", "xYQ", 1));
    }

    /** A refusal: the codec, the text, where decoding starts, and the reason, offset and words expected. */
    static Stream<Arguments> refusals() {
        Base64Codec std = Base64Codec.STANDARD;
        Base64Codec url = Base64Codec.URL_UNPADDED;
        return Stream.of(
                // A character outside the alphabet, named and located in the whole text.
                Arguments.of(std, "007YW\u0080j", 3, Reason.BAD_BASE64, 5, "character U+0080 is not in the base64 alphabet"),
                Arguments.of(std, "007YW\u007Fj", 3, Reason.BAD_BASE64, 5, "U+007F"),
                Arguments.of(std, "007Y-Jj", 3, Reason.BAD_BASE64, 4, "character '-' is not in the base64 alphabet"),
                Arguments.of(url, "x+YQ", 1, Reason.BAD_BASE64, 1, "character '+' is not in the base64url alphabet"),
                Arguments.of(url, "xYQ=", 1, Reason.BAD_BASE64, 3, "character '=' is not in the base64url alphabet"),
                // Padding in the middle is not padding missing.
                Arguments.of(std, "007Y===", 3, Reason.BAD_BASE64, 4, "padding '=' before the end"),
                Arguments.of(std, "007YW=jYWJj", 3, Reason.BAD_BASE64, 5, "padding '=' before the end"),
                Arguments.of(std, "007YWI", 3, Reason.BAD_BASE64, 6, "length 3 is not a multiple of 4"),
                Arguments.of(std, "007", 3, Reason.EMPTY, 3, "nothing after the prefix"),
                // Bits that encode no byte.
                Arguments.of(url, "xYWJjZ", 1, Reason.BAD_BASE64, 5, "one character over"),
                Arguments.of(std, "007YWJ=", 3, Reason.BAD_BASE64, 5, "non-zero bits in the padding"),
                Arguments.of(std, "007YR==", 3, Reason.BAD_BASE64, 4, "non-zero bits in the padding"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void shouldNameWhatIsWrongAndWhere(Base64Codec codec, String text, int from, Reason reason, int offset, String words) {
        TokenFormatException e = assertThrows(TokenFormatException.class, () -> codec.decode("token", text, from));
        assertEquals("token", e.field());
        assertEquals(reason, e.reason(), text);
        assertEquals(offset, e.offset(), text);
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }
}
