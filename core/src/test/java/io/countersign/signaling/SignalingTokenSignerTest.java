package io.countersign.signaling;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignalingTokenSignerTest {
    private static final SignalingTokenContent TOKEN = new SignalingTokenContent(SignalingTokenTest.APP_ID, "test_user",
            1_700_003_600L);

    private final SignalingTokenSigner signer = new SignalingTokenSigner();

    @Test
    void shouldMatchTheOfficialBuilders() {
        assertEquals(SignalingTokenTest.OFFICIAL, signer.sign(TOKEN, SignalingTokenTest.CERT));
    }

    @Test
    void shouldWriteAtAnOffsetAndAgreeWithTheStringApiWhenReused() {
        byte[] out = new byte[256];
        Arrays.fill(out, (byte) 0x55);
        int length = signer.sign(TOKEN, SignalingTokenTest.CERT, out, 11);
        int again = signer.sign(TOKEN, SignalingTokenTest.CERT, out, 11);
        assertEquals(SignalingTokenTest.OFFICIAL.length(), length);
        assertEquals(length, again);
        assertEquals(SignalingTokenTest.OFFICIAL, new String(out, 11, length, StandardCharsets.US_ASCII));
        assertEquals(0x55, out[10]);
        assertEquals(0x55, out[11 + length]);
    }

    @Test
    void shouldRefuseABufferTooSmallWithoutWritingIntoIt() {
        byte[] out = new byte[40];
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> signer.sign(TOKEN, SignalingTokenTest.CERT, out, 0));
        assertTrue(e.getMessage().startsWith("out:"), e.getMessage());
        assertArrayEquals(new byte[40], out);
    }

    @Test
    void shouldWriteTheExpiryInShortestDecimal() {
        for (long ts : new long[] {0, 9, 10, 99, 100, 4_294_967_295L}) {
            String token = signer.sign(new SignalingTokenContent(SignalingTokenTest.APP_ID, "a", ts), SignalingTokenTest.CERT);
            assertEquals(Long.toString(ts), token.split(":")[2]);
            assertEquals(ts, SignalingTokenCodec.decode(token).expiredTs());
        }
    }

    @Test
    void shouldNotAllocateAfterWarmUp() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] out = new byte[256];
        for (int i = 0; i < 20_000; i++) {
            signer.sign(TOKEN, SignalingTokenTest.CERT, out, 0);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1_000; i++) {
            signer.sign(TOKEN, SignalingTokenTest.CERT, out, 0);
        }
        long perToken = (threads.getCurrentThreadAllocatedBytes() - before) / 1_000;
        assertTrue(perToken < 16, "allocated " + perToken + " bytes per token");
    }
}
