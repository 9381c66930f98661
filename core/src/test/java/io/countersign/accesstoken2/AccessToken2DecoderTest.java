package io.countersign.accesstoken2;

import io.countersign.codec.DecodeLimits;
import io.countersign.codec.DecoderContract;
import io.countersign.codec.TokenFormatException;
import io.countersign.codec.TokenFormatException.Reason;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessToken2DecoderTest extends DecoderContract<DecodedAccessToken2> {
    private static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    private static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";

    /**
     * Produced by the official npm package agora-token 2.0.6:
     * RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, "7d72365eb983485397e3e3f9d460bdda", 2882341273,
     * RtcRole.PUBLISHER, 600, 600) with Date.prototype.getTime stubbed to 1700000000000 and
     * Math.random stubbed so that the salt is 12345678.
     */
    static final String OFFICIAL_NODE_RTC = "007eJxTYChzm9Bz4OE9jaaWjd3zvhmv45+kkK+5myNk3sPzu+LzIxYqMFiaGzg7GpumpJoZJJuYmJmYJiUlplokGhmaGpgZJhkbM3wMTo1gYmDwS9zDwMjAyMDCwMgA4jOBSWYwyQImFRjMU8yNjM1MU5MsLYxNLEyNLc1TjVON0yxTTMwMklJSErkYjCwsjIxNDI3MjQHiYyi2";

    private final AccessToken2Decoder decoder = new AccessToken2Decoder();

    AccessToken2DecoderTest() {
        super(AccessToken2Decoder::new, OFFICIAL_NODE_RTC, "version", "006" + OFFICIAL_NODE_RTC.substring(3), "07");
    }

    @Test
    void shouldDecodeAndVerifyTheOfficialNodeToken() {
        DecodedAccessToken2 decoded = decoder.decode(OFFICIAL_NODE_RTC);

        AccessToken2 token = decoded.token();
        assertEquals(APP_ID, token.appId());
        assertEquals(1700000000L, token.issueTs());
        assertEquals(600L, token.expire());
        assertEquals(12345678L, token.salt());
        Service.Rtc rtc = (Service.Rtc) token.services().get(0);
        assertEquals("7d72365eb983485397e3e3f9d460bdda", rtc.channelName().utf8String());
        assertEquals("2882341273", rtc.uid().utf8String());
        assertEquals(600L, rtc.privileges().get(Service.Rtc.PUBLISH_DATA_STREAM));
        assertTrue(decoded.verify(CERT));
        assertFalse(decoded.verify(CERT.replace('5', '6')));
    }

    @Test
    void ourBuilderSignsTheSamePayloadAsTheOfficialNodeBuilder() {
        String ours = new RtcTokenBuilder2(java.time.Clock.fixed(java.time.Instant.ofEpochSecond(1700000000L), java.time.ZoneOffset.UTC),
                io.countersign.codec.SaltSource.fixed(12345678))
                .buildTokenWithUid(APP_ID, CERT, "7d72365eb983485397e3e3f9d460bdda", 2882341273L,
                        RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600);
        // Node's zlib emits other bytes for the same input; the inflated payload must be identical.
        assertEquals(Base64.getEncoder().encodeToString(AccessToken2Properties.inflate(OFFICIAL_NODE_RTC)),
                Base64.getEncoder().encodeToString(AccessToken2Properties.inflate(ours)));
    }

    @Test
    void decodeRejectsAnEmptyPayload() {
        assertReason(Reason.EMPTY, "007");
        assertReason(Reason.EMPTY, "007" + Base64.getEncoder().encodeToString(AccessToken2Properties.deflate(new byte[0])));
    }

    @Test
    void decodeRejectsWhitespaceAndCharactersOutsideTheAlphabet() {
        assertReason(Reason.BAD_BASE64, OFFICIAL_NODE_RTC.substring(0, 10) + " " + OFFICIAL_NODE_RTC.substring(11));
        assertReason(Reason.BAD_BASE64, OFFICIAL_NODE_RTC.substring(0, 10) + "-" + OFFICIAL_NODE_RTC.substring(11));
        assertReason(Reason.BAD_BASE64, OFFICIAL_NODE_RTC + "\n");
    }

    @Test
    void decodeRejectsMissingOrMisplacedPadding() {
        String padded = "007" + Base64.getEncoder().encodeToString(new byte[]{1, 2, 3, 4});
        assertTrue(padded.endsWith("=="));
        assertReason(Reason.BAD_BASE64, padded.replace("=", ""));
        assertReason(Reason.BAD_BASE64, padded.substring(0, 6) + "=" + padded.substring(7));
    }

    /**
     * Documented decision: the unused low bits of the last base64 character must be zero, so a
     * token has exactly one text; "...AB=" and "...AC=" are not the same token (RFC 4648 3.5).
     */
    @Test
    void decodeRejectsNonZeroPaddingBits() {
        String token = OFFICIAL_NODE_RTC;
        assertFalse(token.endsWith("="));
        byte[] bytes = Base64.getDecoder().decode(token.substring(3));
        String padded = "007" + Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(bytes, bytes.length - 1));
        assertTrue(padded.endsWith("="), "needs a padded variant for this test");
        int last = padded.indexOf('=') - 1;
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        char changed = alphabet.charAt(alphabet.indexOf(padded.charAt(last)) ^ 1);
        TokenFormatException e = assertThrows(TokenFormatException.class,
                () -> decoder.decode(padded.substring(0, last) + changed + padded.substring(last + 1)));
        assertEquals(Reason.BAD_BASE64, e.reason());
        assertTrue(e.getMessage().contains("padding"), e.getMessage());
    }

    @Test
    void decodeRejectsACorruptOrTruncatedZlibStream() {
        byte[] compressed = Base64.getDecoder().decode(OFFICIAL_NODE_RTC.substring(3));
        byte[] badChecksum = compressed.clone();
        badChecksum[badChecksum.length - 1] ^= 1;
        assertReason(Reason.BAD_ZLIB, "007" + Base64.getEncoder().encodeToString(badChecksum));
        byte[] cut = java.util.Arrays.copyOf(compressed, compressed.length - 6);
        assertReason(Reason.BAD_ZLIB, "007" + Base64.getEncoder().encodeToString(cut));
        byte[] extra = java.util.Arrays.copyOf(compressed, compressed.length + 3);
        assertReason(Reason.BAD_ZLIB, "007" + Base64.getEncoder().encodeToString(extra));
        assertReason(Reason.BAD_ZLIB, "007" + Base64.getEncoder().encodeToString("not zlib at all".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void decodeRejectsTrailingBytesAfterTheLastService() {
        byte[] payload = AccessToken2Properties.inflate(OFFICIAL_NODE_RTC);
        byte[] longer = java.util.Arrays.copyOf(payload, payload.length + 2);
        assertReason(Reason.TRAILING_BYTES, deflated(longer));
    }

    @Test
    void decodeRejectsAHugeLengthPrefixWithoutAllocatingIt() {
        // signature length 65535 with 3 bytes behind it
        assertReason(Reason.TRUNCATED, deflated(new byte[]{(byte) 0xFF, (byte) 0xFF, 1, 2, 3}));
    }

    @Test
    void decodeStopsAZlibBombAtTheLimit() {
        byte[] zeros = new byte[8 << 20];
        TokenFormatException e = assertThrows(TokenFormatException.class, () -> decoder.decode(deflated(zeros)));
        assertEquals(Reason.TOO_LARGE, e.reason());

        AccessToken2Decoder strict = new AccessToken2Decoder(DecodeLimits.builder().maxInflatedLength(64).build());
        assertEquals(Reason.TOO_LARGE, assertThrows(TokenFormatException.class, () -> strict.decode(OFFICIAL_NODE_RTC)).reason());
    }

    @Test
    void decodeKeepsUnknownServicesRawAndStillVerifies() throws Exception {
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        writeString(info, APP_ID.getBytes(StandardCharsets.US_ASCII));
        writeU32(info, 1700000000L);
        writeU32(info, 3600);
        writeU32(info, 42);
        writeU16(info, 3);
        // a Chat service, then an unknown type 77 with bytes we do not understand, then another Chat
        writeU16(info, 5);
        writeU16(info, 1);
        writeU16(info, 1);
        writeU32(info, 3600);
        writeString(info, "alice".getBytes(StandardCharsets.UTF_8));
        int unknownAt = info.size();
        writeU16(info, 77);
        info.write(new byte[]{9, 8, 7, 6, 5});
        writeU16(info, 5);
        writeU16(info, 0);
        writeString(info, "bob".getBytes(StandardCharsets.UTF_8));
        byte[] signingInfo = info.toByteArray();

        // The signature computed independently of our signer, with javax.crypto.Mac.
        byte[] key = hmac(u32(1700000000L), CERT.getBytes(StandardCharsets.US_ASCII));
        key = hmac(u32(42), key);
        byte[] signature = hmac(key, signingInfo);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        writeString(payload, signature);
        payload.write(signingInfo);

        DecodedAccessToken2 decoded = decoder.decode(deflated(payload.toByteArray()));

        assertEquals(1, decoded.token().services().size());
        assertEquals("alice", ((Service.Chat) decoded.token().services().get(0)).userId().utf8String());
        assertEquals(io.countersign.internal.Hex.encode(signingInfo, unknownAt, signingInfo.length - unknownAt), decoded.unparsed().hex());
        assertTrue(decoded.verify(CERT));
    }

    @Test
    void decodeRejectsAnAppIdThatIsNotHex() {
        byte[] payload = AccessToken2Properties.inflate(OFFICIAL_NODE_RTC);
        payload[2 + 32 + 2] = 'z';
        assertReason(Reason.BAD_VALUE, deflated(payload));
    }

    private void assertReason(Reason reason, String token) {
        TokenFormatException e = assertThrows(TokenFormatException.class, () -> decoder.decode(token));
        assertEquals(reason, e.reason(), e.getMessage());
    }

    private static String deflated(byte[] payload) {
        return "007" + Base64.getEncoder().encodeToString(AccessToken2Properties.deflate(payload));
    }

    private static byte[] hmac(byte[] key, byte[] message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message);
    }

    private static byte[] u32(long value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).array();
    }

    private static void writeU16(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
    }

    private static void writeU32(ByteArrayOutputStream out, long value) {
        out.writeBytes(u32(value));
    }

    private static void writeString(ByteArrayOutputStream out, byte[] bytes) {
        writeU16(out, bytes.length);
        out.writeBytes(bytes);
    }

    @Override
    protected DecodedAccessToken2 codecDecode(String token, DecodeLimits limits) {
        return AccessToken2Codec.decode(token, limits);
    }
}
