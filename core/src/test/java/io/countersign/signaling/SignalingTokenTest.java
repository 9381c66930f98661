package io.countersign.signaling;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden tokens from the official Node packages: agora-token 2.0.6
 * {@code require("agora-token/src/SignalingToken")} in {@code node -e} with {@code Date} fixed at
 * 1700000000000 ms; agora-access-token 2.0.4 gives the same, as do agoraiotools 0.3.4
 * {@code generateSignalingToken(account, appId, cert, expiredTs)} and io.agora:authentication
 * 2.1.3 {@code SignalingToken.getToken(appId, cert, account, expiredTs)} with the absolute expiry.
 */
class SignalingTokenTest {
    static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";

    /** {@code SignalingToken.get(APP_ID, CERT, "test_user", 3600)}. */
    static final String OFFICIAL = "1:970CA35de60c44645bbae8a215061b33:1700003600:75303e9d933399e311095f6db1a262fc";
    /** {@code SignalingToken.get1DayToken(APP_ID, CERT, "test_user")}. */
    private static final String ONE_DAY = "1:970CA35de60c44645bbae8a215061b33:1700086400:fcc69e5446c9fa88eb1e693f478c1bfa";
    /** {@code SignalingToken.get(APP_ID, CERT, "用户é", 600)}. */
    private static final String UNICODE = "1:970CA35de60c44645bbae8a215061b33:1700000600:aa9f5122d1ce9e05a125dd1fd88e0ec6";
    /** {@code SignalingToken.get(APP_ID, CERT, "", 0)}. */
    private static final String EMPTY = "1:970CA35de60c44645bbae8a215061b33:1700000000:8be853e0ff582393d855e414c464500b";

    private final SignalingToken builder = new SignalingToken(Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC));

    @Test
    void shouldMatchTheOfficialNodeGet() {
        assertEquals(OFFICIAL, builder.get(APP_ID, CERT, "test_user", 3600));
        assertEquals(ONE_DAY, builder.get1DayToken(APP_ID, CERT, "test_user"));
        assertEquals(UNICODE, builder.get(APP_ID, CERT, "\u7528\u6237\u00e9", 600));
        assertEquals(EMPTY, builder.get(APP_ID, CERT, "", 0));
    }

    @Test
    void shouldMatchTheOfficialJavaGetTokenWithAnAbsoluteExpiry() {
        assertEquals(OFFICIAL, SignalingToken.getToken(APP_ID, CERT, "test_user", 1_700_003_600L));
    }

    @Test
    void shouldDecodeAndVerifyOfficialTokens() {
        DecodedSignalingToken d = SignalingTokenCodec.decode(OFFICIAL);
        assertEquals(APP_ID, d.appId());
        assertEquals(1_700_003_600L, d.expiredTs());
        assertEquals("75303e9d933399e311095f6db1a262fc", d.signature());
        assertTrue(d.verify(CERT, "test_user"));
        assertFalse(d.verify(CERT, "test_user "));
        assertFalse(d.verify(CERT.toLowerCase(), "test_user"));
        assertThrows(IllegalArgumentException.class, () -> d.verify("nope", "test_user"));
        assertFalse(d.isExpired(1_700_003_599L));
        assertTrue(d.isExpired(1_700_003_600L));
        assertTrue(SignalingTokenCodec.verify(UNICODE, CERT, "\u7528\u6237\u00e9"));
    }

    @Test
    void shouldRejectBadInputsNamingTheField() {
        assertField("appId", () -> SignalingToken.getToken("970CA35de60c44645bbae8a215061b3:", CERT, "a", 1));
        assertField("appCertificate", () -> SignalingToken.getToken(APP_ID, "", "a", 1));
        assertField("account", () -> SignalingToken.getToken(APP_ID, CERT, null, 1));
        assertField("account", () -> SignalingToken.getToken(APP_ID, CERT, "\uDC00", 1));
        assertField("expiredTsInSeconds", () -> SignalingToken.getToken(APP_ID, CERT, "a", -1));
        assertField("validTimeInSeconds", () -> builder.get(APP_ID, CERT, "a", -1_700_000_001L));
        assertField("validTimeInSeconds", () -> builder.get(APP_ID, CERT, "a", 0xFFFF_FFFFL));
    }

    @Test
    void shouldNotShowTheCertificateInErrors() {
        String secret = "0123456789abcdef0123456789abcdeX";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SignalingToken.getToken(APP_ID, secret, "a", 1));
        assertFalse(e.getMessage().contains("0123456789"));
    }

    static void assertField(String field, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(field + ":"), e.getMessage());
    }
}
