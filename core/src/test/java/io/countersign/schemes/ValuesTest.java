package io.countersign.schemes;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Values reads what any JSON library may hand it: every integer type, a BigInteger only while it fits a long. */
class ValuesTest {

    @Test
    void shouldReadEveryIntegerTypeAndABigIntegerThatFitsALong() {
        assertEquals(7, Values.integer(Map.of("n", (byte) 7), "", "n"));
        assertEquals(7, Values.integer(Map.of("n", (short) 7), "", "n"));
        assertEquals(7, Values.integer(Map.of("n", 7), "", "n"));
        assertEquals(Long.MIN_VALUE, Values.integer(Map.of("n", Long.MIN_VALUE), "", "n"));
        assertEquals(Long.MAX_VALUE, Values.integer(Map.of("n", BigInteger.valueOf(Long.MAX_VALUE)), "", "n"));
        assertEquals(Long.MIN_VALUE, Values.integer(Map.of("n", BigInteger.valueOf(Long.MIN_VALUE)), "", "n"));
    }

    @Test
    void shouldRefuseNumbersThatAreNotALongNamingTheField() {
        for (Object n : new Object[] {BigInteger.ONE.shiftLeft(63), BigInteger.ONE.shiftLeft(63).negate().subtract(BigInteger.ONE),
                1.5, "7", true}) {
            ArgumentShapeException e = assertThrows(ArgumentShapeException.class,
                    () -> Values.integer(Map.of("uid", n), "content", "uid"), String.valueOf(n));
            assertEquals("content.uid", e.field());
        }
    }
}
