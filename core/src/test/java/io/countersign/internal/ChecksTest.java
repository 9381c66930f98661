package io.countersign.internal;

import io.countersign.codec.InvalidArgumentException;
import io.countersign.codec.TokenFormatException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The messages of argument and packing errors: they name the field, show safe text, and never a secret. */
class ChecksTest {
    @Test
    void shouldNameANullAppIdAndShowTheValueOfABadOneSafely() {
        InvalidArgumentException none = assertThrows(InvalidArgumentException.class, () -> Checks.hex32("appId", null));
        assertEquals("appId", none.field());
        assertTrue(none.rule().endsWith("was null"), none.rule());

        InvalidArgumentException forty = assertThrows(InvalidArgumentException.class, () -> Checks.hex32("appId", "a b".repeat(13) + "c"));
        assertTrue(forty.rule().contains("\"" + "a b".repeat(13) + "c\" (40 chars)"), "40 characters are shown whole, spaces kept: " + forty.rule());

        String hostile = "970C\nA35\u001B[31m" + "x".repeat(60);
        InvalidArgumentException bad = assertThrows(InvalidArgumentException.class, () -> Checks.hex32("appId", hostile));
        assertTrue(bad.rule().contains("\"970C?A35?[31m" + "x".repeat(27) + "...\""), bad.rule());
        assertTrue(bad.rule().endsWith("(" + hostile.length() + " chars)"), bad.rule());
    }

    @Test
    void shouldNeverShowACertificate() {
        String secret = "5CFd2fd1755d40ecb72977518be15d3bX"; // 33 characters
        InvalidArgumentException bad = assertThrows(InvalidArgumentException.class, () -> Checks.hex32Secret("appCertificate", secret));
        assertEquals("appCertificate", bad.field());
        assertFalse(bad.getMessage().contains("5CFd2f"), bad.getMessage());
        assertTrue(bad.rule().contains("had 33 chars"), bad.rule());
        InvalidArgumentException none = assertThrows(InvalidArgumentException.class, () -> Checks.hex32Secret("appCertificate", null));
        assertTrue(none.rule().contains("was null"), none.rule());
        assertEquals(secret.substring(0, 32), Checks.hex32Secret("appCertificate", secret.substring(0, 32)));
    }

    /** '/' and ':' sit either side of the digits in ASCII; Unicode digits such as '\u0663' are not decimal here. */
    @Test
    void shouldTakeOnlyOneToMaxAsciiDigitsAsDecimal() {
        assertTrue(Checks.isDecimal("0", 1));
        assertTrue(Checks.isDecimal("0123456789", 10));
        assertFalse(Checks.isDecimal("", 10));
        assertFalse(Checks.isDecimal("12345678901", 10));
        for (String bad : new String[] {"1/", "1:", "/", ":", "-1", "+1", " 1", "1 ", "\u0663", "1e3"}) {
            assertFalse(Checks.isDecimal(bad, 10), bad);
        }
    }

    @Test
    void shouldAcceptExactlyTheInt16AndU16Ranges() {
        assertEquals(-32768, Checks.i16("role", -32768));
        assertEquals(32767, Checks.i16("role", 32767));
        assertThrows(InvalidArgumentException.class, () -> Checks.i16("role", -32769));
        assertThrows(InvalidArgumentException.class, () -> Checks.i16("role", 32768));
        assertEquals(65535, Checks.u16("count", 65535));
        assertThrows(InvalidArgumentException.class, () -> Checks.u16("count", 65536));
        assertThrows(InvalidArgumentException.class, () -> Checks.u16("count", -1));
    }

    @Test
    void shouldNameTheFirstCharacterThatIsNotAHexDigit() {
        org.junit.jupiter.api.Assertions.assertArrayEquals(new byte[] {(byte) 0xAB, 0x0f}, Hex.decode("salt.hex", "Ab0F"));
        InvalidArgumentException high = assertThrows(InvalidArgumentException.class, () -> Hex.decode("salt.hex", "abg0"));
        assertEquals("salt.hex", high.field());
        assertTrue(high.rule().endsWith("not a hex digit at index 2"), high.rule());
        InvalidArgumentException low = assertThrows(InvalidArgumentException.class, () -> Hex.decode("salt.hex", "ab0/"));
        assertTrue(low.rule().endsWith("not a hex digit at index 3"), low.rule());
        InvalidArgumentException odd = assertThrows(InvalidArgumentException.class, () -> Hex.decode("salt.hex", "abc"));
        assertTrue(odd.rule().contains("even number of digits, had 3"), odd.rule());
    }

    @Test
    void shouldSayHowManyBytesAFieldNeedsAndHowManyAreLeft() {
        PackedReader short3 = new PackedReader(new byte[] {9, 9, 9, 9, 1, 2, 3}, 4, 7);
        TokenFormatException e = assertThrows(TokenFormatException.class, () -> short3.readU32("expire"));
        assertEquals("expire", e.field());
        assertEquals(4, e.offset());
        assertTrue(e.getMessage().contains("needs 4 bytes, 3 left"), e.getMessage());

        PackedReader extra = new PackedReader(new byte[] {1, 0, 7, 7}, 0, 4);
        extra.readU16("count");
        TokenFormatException trailing = assertThrows(TokenFormatException.class, () -> extra.requireEnd("services"));
        assertEquals(TokenFormatException.Reason.TRAILING_BYTES, trailing.reason());
        assertTrue(trailing.getMessage().contains("2 bytes left after the last field"), trailing.getMessage());
    }
}
