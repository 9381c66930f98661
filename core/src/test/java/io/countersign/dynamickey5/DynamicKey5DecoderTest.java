package io.countersign.dynamickey5;

import io.countersign.codec.DecodeLimits;
import io.countersign.codec.ByteString;
import io.countersign.codec.DecoderContract;
import io.countersign.codec.TokenFormatException;
import io.countersign.codec.TokenFormatException.Reason;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamicKey5DecoderTest extends DecoderContract<DecodedDynamicKey5> {
    private static final String OFFICIAL = DynamicKey5Test.AUDIO_VIDEO_UPLOAD;

    private final DynamicKey5Decoder decoder = new DynamicKey5Decoder();

    DynamicKey5DecoderTest() {
        super(DynamicKey5Decoder::new, OFFICIAL, "version", "006" + OFFICIAL.substring(3), "05");
    }

    @Test
    void shouldRejectAnEmptyKey() {
        assertEquals(Reason.EMPTY, reject("005").reason());
    }

    @Test
    void shouldRejectLenientBase64() {
        assertEquals(Reason.BAD_BASE64, reject(OFFICIAL + "\n").reason());
        assertEquals(Reason.BAD_BASE64, reject(OFFICIAL.substring(0, OFFICIAL.length() - 1)).reason());
        assertEquals(Reason.BAD_BASE64, reject(OFFICIAL.substring(0, 10) + "-" + OFFICIAL.substring(11)).reason());
    }

    @Test
    void shouldRejectALowerCaseOrShortSignature() {
        byte[] content = content();
        content[4] = 'a';
        TokenFormatException e = reject(key(content));
        assertEquals(Reason.BAD_VALUE, e.reason());
        assertEquals("signature", e.field());
        assertEquals(4, e.offset());

        content = content();
        content[2] = 39;
        e = reject(key(content));
        assertEquals(Reason.BAD_VALUE, e.reason());
        assertEquals("signature", e.field());
    }

    @Test
    void shouldRejectAnAppIdThatIsNot16Bytes() {
        byte[] content = content();
        content[2 + 2 + 40] = 15;
        TokenFormatException e = reject(key(content));
        assertEquals(Reason.BAD_VALUE, e.reason());
        assertEquals("appId", e.field());
    }

    @Test
    void shouldRejectTrailingBytes() {
        byte[] content = java.util.Arrays.copyOf(content(), content().length + 1);
        TokenFormatException e = reject(key(content));
        assertEquals(Reason.TRAILING_BYTES, e.reason());
        assertEquals("extra[0]", e.field());
    }

    @Test
    void shouldRejectARepeatedExtraKey() {
        byte[] content = content();
        int count = content.length - 7;
        byte[] twice = java.util.Arrays.copyOf(content, content.length + 5);
        twice[count] = 2;
        System.arraycopy(content, count + 2, twice, content.length, 5);
        TokenFormatException e = reject(key(twice));
        assertEquals(Reason.BAD_VALUE, e.reason());
        assertEquals("extra[1].key", e.field());
    }

    @Test
    void shouldRejectAnExtraCountRunningPastTheEnd() {
        byte[] content = content();
        content[content.length - 7] = 2;
        TokenFormatException e = reject(key(content));
        assertEquals(Reason.TRUNCATED, e.reason());
        assertEquals("extra[1].key", e.field());
    }

    /**
     * io.agora:authentication 2.1.3 (the official Java): {@code DynamicKey5.generateDynamicKey(APP_ID,
     * CERT, "room", 1, 2, 3L, 4, extra, (short) 4)} with {@code extra} a {@code TreeMap<Short, String>}
     * of {@code (short) 40000 -> "x"} and {@code (short) 1 -> "3"}: the signed-short order packs
     * 40000 first, and the key must still verify.
     */
    @Test
    void shouldVerifyTheOfficialJavaExtraOrder() {
        String official = "005BAAoADY2M0E0OEM4ODA1ODQ0RUNGRjdEN0I3QjE4QzYwN0NGMjAxQjE5MDUQAJcMo13mDERkW7roohUGGzMBAAAAAgAAAAQAAAACAECcAQB4AQABADM=";
        DecodedDynamicKey5 d = decoder.decode(official);
        assertEquals(Map.of(1, ByteString.utf8("3"), 40000, ByteString.utf8("x")), d.extra());
        assertTrue(d.verify(DynamicKey5Test.CERT, "room", 3));
    }

    private TokenFormatException reject(String key) {
        return assertThrows(TokenFormatException.class, () -> decoder.decode(key));
    }

    /** The official in-channel key's content: ..., u16 1 (count), u16 1 (key), u16 1, "3". */
    private static byte[] content() {
        return Base64.getDecoder().decode(OFFICIAL.substring(3));
    }

    private static String key(byte[] content) {
        return "005" + Base64.getEncoder().encodeToString(content);
    }

    @Override
    protected DecodedDynamicKey5 codecDecode(String token, DecodeLimits limits) {
        return DynamicKey5Codec.decode(token, limits);
    }
}
