package io.countersign.dynamickey5;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden keys from the official Node packages: each was produced by agora-token 2.0.6 with
 * {@code require("agora-token/src/DynamicKey5").<method>(APP_ID, CERT, CHANNEL, 1446455472,
 * 58964981, 2882341273, 1446455471[, permission])} in {@code node -e}; agora-access-token 2.0.4
 * and agoraiotools 0.3.4 give identical keys, and io.agora:authentication 2.1.3 the same media
 * channel and in-channel ("3") keys.
 */
class DynamicKey5Test {
    static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";
    static final String CHANNEL = "7d72365eb983485397e3e3f9d460bdda";
    private static final int TS = 1446455472;
    private static final int RANDOM = 58964981;
    private static final long UID = 2882341273L;
    private static final int EXPIRED = 1446455471;

    private static final String PUBLIC_SHARING = "005AwAoADc0QTk5RTVEQjI4MDk0NUI0NzUwNTk0MUFDMjM4MDU2NzIwREY3QjAQAJcMo13mDERkW7roohUGGzOwKDdW9buDA68oN1YAAA==";
    private static final String RECORDING = "005AgAoADkyOUM5RTQ2MTg3QTAyMkJBQUIyNkI3QkYwMTg0MzhDNjc1Q0ZFMUEQAJcMo13mDERkW7roohUGGzOwKDdW9buDA68oN1YAAA==";
    static final String MEDIA_CHANNEL = "005AQAoAEJERTJDRDdFNkZDNkU0ODYxNkYxQTYwOUVFNTM1M0U5ODNCQjFDNDQQAJcMo13mDERkW7roohUGGzOwKDdW9buDA68oN1YAAA==";
    /** generateMediaChannelKey with uid 0. */
    private static final String MEDIA_CHANNEL_UID_0 = "005AQAoADFGRTJBQzRCQzQ2ODU4OTIzNDBFODQwQkJBQTI3NUM1NEU4NDJDRjUQAJcMo13mDERkW7roohUGGzOwKDdW9buDA68oN1YAAA==";
    /** generateInChannelPermissionKey with noUpload ("0"). */
    private static final String NO_UPLOAD = "005BAAoADgyNEQxNDE4M0FGRDkyOEQ4REFFMUU1OTg5NTg2MzA3MTEyNjRGNzQQAJcMo13mDERkW7roohUGGzOwKDdW9buDA68oN1YBAAEAAQAw";
    /** generateInChannelPermissionKey with audioVideoUpload ("3"). */
    static final String AUDIO_VIDEO_UPLOAD = "005BAAoADJERDA3QThENTE2NzJGNjQwMzY5NTFBNzE0QkI5NTc0N0Q1QjZGQjMQAJcMo13mDERkW7roohUGGzOwKDdW9buDA68oN1YBAAEAAQAz";
    /** agora-token 2.0.6 {@code generateMediaChannelKey(APP_ID, CERT, "频道 é", 1700000000, 12345678, 0, 1700000600)}. */
    private static final String UNICODE = "005AQAoADg1MjkzNUM0ODRFQTFCMkM0Rjk5Q0VDQjRDOENGMjI5MjJCOURFMjYQAJcMo13mDERkW7roohUGGzMA8VNlTmG8AFjzU2UAAA==";

    @Test
    void shouldMatchTheOfficialBuildersForEveryService() {
        assertEquals(PUBLIC_SHARING, DynamicKey5.generatePublicSharingKey(APP_ID, CERT, CHANNEL, TS, RANDOM, UID, EXPIRED));
        assertEquals(RECORDING, DynamicKey5.generateRecordingKey(APP_ID, CERT, CHANNEL, TS, RANDOM, UID, EXPIRED));
        assertEquals(MEDIA_CHANNEL, DynamicKey5.generateMediaChannelKey(APP_ID, CERT, CHANNEL, TS, RANDOM, UID, EXPIRED));
        assertEquals(MEDIA_CHANNEL_UID_0, DynamicKey5.generateMediaChannelKey(APP_ID, CERT, CHANNEL, TS, RANDOM, 0, EXPIRED));
        assertEquals(NO_UPLOAD, DynamicKey5.generateInChannelPermissionKey(APP_ID, CERT, CHANNEL, TS, RANDOM, UID, EXPIRED,
                DynamicKey5.noUpload));
        assertEquals(AUDIO_VIDEO_UPLOAD, DynamicKey5.generateInChannelPermissionKey(APP_ID, CERT, CHANNEL, TS, RANDOM, UID,
                EXPIRED, DynamicKey5.audioVideoUpload));
        assertEquals(UNICODE, DynamicKey5.generateMediaChannelKey(APP_ID, CERT, "\u9891\u9053 \u00e9", 1_700_000_000L,
                12_345_678L, 0, 1_700_000_600L));
    }

    @Test
    void shouldAgreeBetweenTheIntAndLongOverloads() {
        assertEquals(MEDIA_CHANNEL, DynamicKey5.generateMediaChannelKey(APP_ID, CERT, CHANNEL, (long) TS, RANDOM, UID, EXPIRED));
        // A negative int packs its unsigned bits, as the official Java does with putInt.
        assertEquals(DynamicKey5.generateRecordingKey(APP_ID, CERT, CHANNEL, 0xFFFF_FFFFL, 0x8000_0000L, UID, 0xFFFF_FFFEL),
                DynamicKey5.generateRecordingKey(APP_ID, CERT, CHANNEL, -1, Integer.MIN_VALUE, UID, -2));
    }

    @Test
    void shouldIgnoreTheCaseOfAppIdAndCertificate() {
        assertEquals(MEDIA_CHANNEL, DynamicKey5.generateMediaChannelKey(APP_ID.toLowerCase(), CERT.toUpperCase(), CHANNEL, TS,
                RANDOM, UID, EXPIRED));
    }

    @Test
    void shouldDecodeAndVerifyOfficialKeys() {
        DecodedDynamicKey5 d = DynamicKey5Codec.decode(AUDIO_VIDEO_UPLOAD);
        assertEquals(DynamicKey5.IN_CHANNEL_PERMISSION, d.serviceType());
        assertEquals(APP_ID.toLowerCase(), d.appId());
        assertEquals(TS, d.unixTs());
        assertEquals(RANDOM, d.salt());
        assertEquals(EXPIRED, d.expiredTs());
        assertEquals("3", d.extra().get(1).utf8String());
        assertEquals("2DD07A8D51672F64036951A714BB95747D5B6FB3", d.signature());
        assertTrue(d.verify(CERT, CHANNEL, UID));
        assertFalse(d.verify(CERT, CHANNEL, 0));
        assertFalse(d.verify(CERT, CHANNEL + " ", UID));
        assertTrue(DynamicKey5Codec.verify(UNICODE, CERT, "\u9891\u9053 \u00e9", 0));
    }

    @Test
    void shouldRejectBadInputsNamingTheField() {
        assertField("appId", () -> DynamicKey5.generateMediaChannelKey("970CA35de60c44645bbae8a215061b3g", CERT, CHANNEL,
                TS, RANDOM, UID, EXPIRED));
        assertField("appCertificate", () -> DynamicKey5.generateMediaChannelKey(APP_ID, "", CHANNEL, TS, RANDOM, UID, EXPIRED));
        assertField("uid", () -> DynamicKey5.generateMediaChannelKey(APP_ID, CERT, CHANNEL, TS, RANDOM, 1L << 32, EXPIRED));
        assertField("uid", () -> DynamicKey5.generateMediaChannelKey(APP_ID, CERT, CHANNEL, TS, RANDOM, -1L, EXPIRED));
        assertField("randomInt", () -> DynamicKey5.generateMediaChannelKey(APP_ID, CERT, CHANNEL, 1L, -1L, UID, 2L));
        assertField("unixTs", () -> DynamicKey5.generateMediaChannelKey(APP_ID, CERT, CHANNEL, 1L << 32, 1L, UID, 2L));
        assertField("channelName", () -> DynamicKey5.generateMediaChannelKey(APP_ID, CERT, null, TS, RANDOM, UID, EXPIRED));
        assertField("channelName", () -> DynamicKey5.generateMediaChannelKey(APP_ID, CERT, "c".repeat(65_536), TS, RANDOM,
                UID, EXPIRED));
        assertField("permission", () -> DynamicKey5.generateInChannelPermissionKey(APP_ID, CERT, CHANNEL, TS, RANDOM, UID,
                EXPIRED, null));
    }

    @Test
    void shouldAcceptChannelNamesPastTheOfficialNodeAndJavaBuffer() {
        // Node and Java pack into a fixed 1024-byte buffer and fail past 984 bytes of channel name;
        // Python and the format itself allow up to 65535.
        String key = DynamicKey5.generateMediaChannelKey(APP_ID, CERT, "c".repeat(65_535), TS, RANDOM, UID, EXPIRED);
        assertTrue(DynamicKey5Codec.verify(key, CERT, "c".repeat(65_535), UID));
    }

    static void assertField(String field, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(field + ":"), e.getMessage());
    }
}
