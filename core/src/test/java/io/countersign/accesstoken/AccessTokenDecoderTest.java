package io.countersign.accesstoken;

import io.countersign.codec.DecodeLimits;
import io.countersign.codec.DecoderContract;
import io.countersign.codec.TokenFormatException;
import io.countersign.codec.TokenFormatException.Reason;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessTokenDecoderTest extends DecoderContract<DecodedAccessToken> {
    private static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    private static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";
    private static final String CHANNEL = "7d72365eb983485397e3e3f9d460bdda";

    /**
     * agora-token 2.0.6 {@code RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, CHANNEL, 2882341273,
     * 1, 1446455471)} from {@code agora-token/src/RtcTokenBuilder}, with {@code Date} fixed at
     * 1700000000000 ms and {@code Math.random()} returning (12345678 + 0.5) / 0xffffffff before
     * the module loads (agora-access-token 2.0.4 and agoraiotools 0.3.4 give the same token).
     */
    static final String OFFICIAL = "006970CA35de60c44645bbae8a215061b33IACz1lkYlCX146jBjHhbnJgHYDhhfXHleFfRR5XU2Cy237dIfRBXoFHlIgBOYbwAgEJVZQQAAQCvKDdWAgCvKDdWAwCvKDdWBACvKDdW";

    private final AccessTokenDecoder decoder = new AccessTokenDecoder();

    AccessTokenDecoderTest() {
        super(AccessTokenDecoder::new, OFFICIAL, "version", "007" + OFFICIAL.substring(3), "06");
    }

    @Test
    void shouldDecodeAnOfficialToken() {
        DecodedAccessToken d = decoder.decode(OFFICIAL);
        assertEquals(APP_ID, d.appId());
        assertEquals(12345678, d.salt());
        assertEquals(1700000000L + 86400, d.ts());
        assertEquals(Map.of(1, 1446455471L, 2, 1446455471L, 3, 1446455471L, 4, 1446455471L), d.privileges().toMap());
        assertEquals(AccessTokenProperties.crc32(io.countersign.codec.ByteString.utf8(CHANNEL)), d.crcChannelName());
        assertEquals(AccessTokenProperties.crc32(io.countersign.codec.ByteString.utf8("2882341273")), d.crcUid());
        assertEquals(1446455471L, d.expireOf(AccessToken.JOIN_CHANNEL));
        assertEquals(-1, d.expireOf(AccessToken.RTM_LOGIN));
        assertTrue(d.verify(CERT, CHANNEL, "2882341273"));
        assertTrue(AccessTokenCodec.verify(OFFICIAL, CERT, CHANNEL, 2882341273L));
    }

    @Test
    void verifyFailsForAnotherChannelUidOrCertificate() {
        assertFalse(AccessTokenCodec.verify(OFFICIAL, CERT, CHANNEL + "x", "2882341273"));
        assertFalse(AccessTokenCodec.verify(OFFICIAL, CERT, CHANNEL, "2882341274"));
        assertFalse(AccessTokenCodec.verify(OFFICIAL, CERT, CHANNEL, 0));
        assertFalse(AccessTokenCodec.verify(OFFICIAL, "5cfd2fd1755d40ecb72977518be15d3b", CHANNEL, "2882341273"));
        // A certificate that is not 32 hex characters is a caller error, not a mismatch.
        assertThrows(IllegalArgumentException.class, () -> AccessTokenCodec.verify(OFFICIAL, "not a certificate", CHANNEL, "2882341273"));
    }

    @Test
    void shouldRejectAShortOrNonHexAppId() {
        TokenFormatException e = reject("006970CA35de60c4464");
        assertEquals(Reason.TRUNCATED, e.reason());
        assertEquals("appId", e.field());
        e = reject("006970CA35de60c44645bbae8a215061bXX" + OFFICIAL.substring(35));
        assertEquals(Reason.BAD_VALUE, e.reason());
        assertEquals(33, e.offset());
    }

    @Test
    void shouldRejectNothingAfterTheAppId() {
        assertEquals(Reason.EMPTY, reject(OFFICIAL.substring(0, 35)).reason());
    }

    @Test
    void shouldRejectLenientBase64() {
        assertEquals(Reason.BAD_BASE64, reject(OFFICIAL + "\n").reason());
        assertEquals(Reason.BAD_BASE64, reject(OFFICIAL.substring(0, 40) + " " + OFFICIAL.substring(41)).reason());
        assertEquals(Reason.BAD_BASE64, reject(OFFICIAL.substring(0, OFFICIAL.length() - 4)
                + OFFICIAL.substring(OFFICIAL.length() - 4).replace('W', '_')).reason());
        String unpadded = token(content(31, message(1, 2, new int[] {1}, new long[] {3}), new byte[0]));
        assertTrue(unpadded.endsWith("="));
        assertEquals(Reason.BAD_BASE64, reject(unpadded.replace("=", "")).reason());
    }

    @Test
    void shouldRejectTrailingBytesAfterTheMessage() {
        TokenFormatException e = reject(token(content(32, message(1, 2, new int[] {1}, new long[] {3}), new byte[] {0})));
        assertEquals(Reason.TRAILING_BYTES, e.reason());
        assertEquals("message", e.field());
    }

    @Test
    void shouldRejectBytesAfterTheLastPrivilegeInsideTheMessage() {
        byte[] message = message(1, 2, new int[] {1}, new long[] {3});
        byte[] longer = java.util.Arrays.copyOf(message, message.length + 1);
        TokenFormatException e = reject(token(content(32, longer, new byte[0])));
        assertEquals(Reason.TRAILING_BYTES, e.reason());
        assertEquals("message.privileges[0]", e.field());
    }

    @Test
    void shouldRejectAPrivilegeCountRunningPastTheMessage() {
        byte[] message = message(1, 2, new int[] {1}, new long[] {3});
        message[8] = 2;
        TokenFormatException e = reject(token(content(32, message, new byte[0])));
        assertEquals(Reason.TRUNCATED, e.reason());
        assertEquals("message.privileges[1].id", e.field());
    }

    @Test
    void shouldRejectARepeatedPrivilegeId() {
        TokenFormatException e = reject(token(content(32, message(1, 2, new int[] {1, 1}, new long[] {3, 4}), new byte[0])));
        assertEquals(Reason.BAD_VALUE, e.reason());
        assertEquals("message.privileges[1].id", e.field());
    }

    @Test
    void shouldRejectAMessageLengthRunningPastTheEnd() {
        byte[] content = content(32, message(1, 2, new int[0], new long[0]), new byte[0]);
        content[2 + 32 + 8] = (byte) 0xFF;
        TokenFormatException e = reject(token(content));
        assertEquals(Reason.TRUNCATED, e.reason());
        assertEquals("message", e.field());
    }

    @Test
    void shouldDecodeAnyPrivilegeOrderAndVerifyTheBytesAsSigned() {
        // The official Java builder sorts privilege ids as signed shorts, so 40000 comes before 1.
        DecodedAccessToken d = decoder.decode(token(content(32, message(1, 2, new int[] {40000, 1}, new long[] {5, 6}),
                new byte[0])));
        assertEquals(Map.of(1, 6L, 40000, 5L), d.privileges().toMap());
        assertEquals(6 + 6 + 10, d.message().length());
    }

    /**
     * io.agora:authentication 2.1.3 (the official Java): {@code new AccessToken(APP_ID, CERT,
     * "room", "42")} with {@code message.salt = 5; message.ts = 6;} privileges {@code (short) 40000
     * -> 7} and {@code (short) 1 -> 8} put into its {@code TreeMap<Short, Integer>}, then
     * {@code build()}: the signed-short order packs 40000 first.
     */
    @Test
    void shouldVerifyTheOfficialJavaPrivilegeOrder() {
        String official = "006970CA35de60c44645bbae8a215061b33IAC3WSmSn5OfQd68iERsJ+4Vz5kqvaL140eroB9kt7kefptRn3KIsCQyFgAFAAAABgAAAAIAQJwHAAAAAQAIAAAA";
        DecodedAccessToken d = decoder.decode(official);
        assertEquals(Map.of(1, 8L, 40000, 7L), d.privileges().toMap());
        assertTrue(d.verify(CERT, "room", "42"));
    }

    @Test
    void shouldDecodeAWrongSizedSignatureButNeverVerifyIt() {
        DecodedAccessToken d = decoder.decode(token(content(31, message(1, 2, new int[0], new long[0]), new byte[0])));
        assertEquals(31, d.signature().length());
        assertFalse(d.verify(CERT, "", ""));
    }

    private TokenFormatException reject(String token) {
        return assertThrows(TokenFormatException.class, () -> decoder.decode(token));
    }

    static String token(byte[] content) {
        return "006" + APP_ID + Base64.getEncoder().encodeToString(content);
    }

    static byte[] content(int signatureLength, byte[] message, byte[] trailing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u16(out, signatureLength);
        out.write(new byte[signatureLength], 0, signatureLength);
        u32(out, 7);
        u32(out, 8);
        u16(out, message.length);
        out.write(message, 0, message.length);
        out.write(trailing, 0, trailing.length);
        return out.toByteArray();
    }

    static byte[] message(long salt, long ts, int[] ids, long[] values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u32(out, salt);
        u32(out, ts);
        u16(out, ids.length);
        for (int i = 0; i < ids.length; i++) {
            u16(out, ids[i]);
            u32(out, values[i]);
        }
        return out.toByteArray();
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
    }

    private static void u32(ByteArrayOutputStream out, long v) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (v >>> (8 * i)));
        }
    }

    @Override
    protected DecodedAccessToken codecDecode(String token, DecodeLimits limits) {
        return AccessTokenCodec.decode(token, limits);
    }
}
