package io.countersign.dynamickey5;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamicKey5SignerTest {
    private static final String APP_ID = DynamicKey5Test.APP_ID;
    private static final String CERT = DynamicKey5Test.CERT;

    /**
     * agora-token 2.0.6 (agora-access-token 2.0.4 and agoraiotools 0.3.4 alike): in node,
     * {@code require("agora-token/src/DynamicKey5").generateDynamicKey(APP_ID, CERT, "频道 é",
     * 4294967295, 0, 4294967295, 0, {65535: "", 2: "b", 1: "用户"}, 65535)}.
     */
    private static final String EXPLICIT = "005//8oADhBOTYwMTNGODdCNjI5OTI4QzVDRTY4OUY0RTAxQjM1RjAxQTRBMUUQAJcMo13mDERkW7roohUGGzP/////AAAAAAAAAAADAAEABgDnlKjmiLcCAAEAYv//AAA=";
    private static final DynamicKey5Content EXPLICIT_CONTENT = new DynamicKey5Content(65535, APP_ID, 0xFFFF_FFFFL, 0,
            "\u9891\u9053 \u00e9", 0xFFFF_FFFFL, 0, Map.of(65535, "", 2, "b", 1, "\u7528\u6237"));
    private static final DynamicKey5Content MEDIA = new DynamicKey5Content(DynamicKey5.MEDIA_CHANNEL_SERVICE, APP_ID,
            1446455472L, 58964981L, DynamicKey5Test.CHANNEL, 2882341273L, 1446455471L, Map.of());

    private final DynamicKey5Signer signer = new DynamicKey5Signer();

    @Test
    void shouldMatchTheOfficialNodeBuilderForExplicitContent() {
        assertEquals(EXPLICIT, signer.sign(EXPLICIT_CONTENT, CERT));
        assertEquals(DynamicKey5Test.MEDIA_CHANNEL, signer.sign(MEDIA, CERT));
    }

    @Test
    void shouldKeepTheAppIdInLowerCase() {
        assertEquals(APP_ID.toLowerCase(), MEDIA.appId());
    }

    @Test
    void shouldWriteAtAnOffsetAndAgreeWithTheStringApiWhenReused() {
        byte[] out = new byte[1024];
        Arrays.fill(out, (byte) 0x55);

        int length = signer.sign(EXPLICIT_CONTENT, CERT, out, 11);
        int again = signer.sign(EXPLICIT_CONTENT, CERT, out, 11);

        assertEquals(EXPLICIT.length(), length);
        assertEquals(length, again);
        assertEquals(EXPLICIT, new String(out, 11, length, StandardCharsets.US_ASCII));
        assertEquals(0x55, out[10]);
        assertEquals(0x55, out[11 + length]);
    }

    @Test
    void shouldRefuseABufferTooSmallWithoutWritingIntoIt() {
        byte[] out = new byte[40];
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> signer.sign(MEDIA, CERT, out, 0));
        assertTrue(e.getMessage().startsWith("out:"), e.getMessage());
        assertArrayEquals(new byte[40], out);
    }

    @Test
    void shouldRejectABadCertificateWithoutShowingIt() {
        String secret = "0123456789abcdef0123456789abcdeX";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> signer.sign(MEDIA, secret));
        assertTrue(e.getMessage().startsWith("appCertificate:"), e.getMessage());
        assertFalse(e.getMessage().contains("0123456789"));
    }

    @Test
    void shouldRejectBadContentNamingTheField() {
        DynamicKey5Test.assertField("serviceType", () -> new DynamicKey5Content(65536, APP_ID, 1, 2, "c", 3, 4, Map.of()));
        DynamicKey5Test.assertField("extra key", () -> new DynamicKey5Content(1, APP_ID, 1, 2, "c", 3, 4, Map.of(-1, "x")));
        DynamicKey5Test.assertField("extra[7]", () -> new DynamicKey5Content(1, APP_ID, 1, 2, "c", 3, 4,
                Map.of(7, "x".repeat(65_536))));
        DynamicKey5Test.assertField("expiredTs", () -> new DynamicKey5Content(1, APP_ID, 1, 2, "c", 3, -4, Map.of()));
    }

    @Test
    void shouldNotAllocateAfterWarmUp() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] out = new byte[512];
        for (int i = 0; i < 20_000; i++) {
            signer.sign(MEDIA, CERT, out, 0);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1_000; i++) {
            signer.sign(MEDIA, CERT, out, 0);
        }
        long perKey = (threads.getCurrentThreadAllocatedBytes() - before) / 1_000;
        assertTrue(perKey < 16, "allocated " + perKey + " bytes per key");
    }
}
