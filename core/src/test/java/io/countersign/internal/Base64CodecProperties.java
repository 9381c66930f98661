package io.countersign.internal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Our base64 against java.util.Base64: the same text for any bytes at any offset, and back. */
class Base64CodecProperties {

    @Property(tries = 2_000)
    void shouldEncodeAsTheJdkDoes(@ForAll("bytes") byte[] data, @ForAll @IntRange(max = 5) int off,
                                  @ForAll @IntRange(max = 5) int dstOff) {
        check(Base64Codec.STANDARD, Base64.getEncoder(), data, off, dstOff);
        check(Base64Codec.URL_UNPADDED, Base64.getUrlEncoder().withoutPadding(), data, off, dstOff);
    }

    private static void check(Base64Codec codec, Base64.Encoder jdk, byte[] data, int off, int dstOff) {
        // The data sits at off inside a larger array, with bytes after it that must not leak in.
        byte[] src = new byte[off + data.length + 3];
        Arrays.fill(src, (byte) 0x5A);
        System.arraycopy(data, 0, src, off, data.length);
        String expected = jdk.encodeToString(data);
        assertEquals(expected.length(), codec.encodedLength(data.length));
        byte[] dst = new byte[dstOff + expected.length()];
        int n = codec.encode(src, off, data.length, dst, dstOff);
        assertEquals(expected, new String(dst, dstOff, n, StandardCharsets.US_ASCII));
        if (data.length > 0) { // an empty text is refused: there is no token without content
            assertArrayEquals(data, codec.decode("token", expected, 0));
        }
    }

    @Example
    void shouldRefuseAnOutputArrayTooSmallBeforeWritingToIt() {
        byte[] dst = new byte[7];
        assertThrows(IndexOutOfBoundsException.class, () -> Base64Codec.STANDARD.encode(new byte[6], 0, 6, dst, 0));
        assertArrayEquals(new byte[7], dst);
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    }
}
