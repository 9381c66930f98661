package io.countersign.codec;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ByteStringTest {
    private final byte[] source = {1, 2, 3, 4};

    @Test
    void copiesTheRangeGiven() {
        assertArrayEquals(new byte[] {2, 3}, ByteString.copyOf(source, 1, 2).toByteArray());
        assertSame(ByteString.EMPTY, ByteString.copyOf(source, 4, 0));
    }

    @Test
    void refusesARangePastTheEndInsteadOfPaddingIt() {
        assertThrows(IndexOutOfBoundsException.class, () -> ByteString.copyOf(source, 2, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> ByteString.copyOf(source, 5, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> ByteString.copyOf(source, -1, 1));
    }
}
