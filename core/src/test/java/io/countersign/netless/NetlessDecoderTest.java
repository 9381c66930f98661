package io.countersign.netless;

import io.countersign.codec.DecodeLimits;
import io.countersign.codec.DecoderContract;
import io.countersign.codec.TokenFormatException;
import io.countersign.codec.TokenFormatException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetlessDecoderTest extends DecoderContract<DecodedNetlessToken> {
    private static final String SIG = "024c21133e8a12a6b33a43c2fd5a54a63063cd138cbdbf7f112e4d3d25fc7747";
    private static final String NONCE = NetlessTokenTest.NONCE;

    // netless-token 1.0.2, Date.now() = 1700000000000, uuid.v1() = NONCE:
    // roomToken("netless-ak", "netless-sk", 1, {role: "0", uuid: NetlessTokenTest.TRICKY})
    private static final String ROOM_TRICKY = "NETLESSROOM_YWs9bmV0bGVzcy1hayZleHBpcmVBdD0xNzAwMDAwMDAwMDAxJm5vbmNlPTZjODRmYjkwLTEyYzQtMTFlMS04NDBkLTdiMjVjNWVlNzc1YSZyb2xlPTAmc2lnPTBkZDNmMjNiMzkwNzNlZTFlZWI1NzRhZGRkODk4Y2Y1YzA5MzIwMWVkN2FjMDJjNzVjZjkyMzUxY2MxYWE1NDcmdXVpZD1xJTIyYiU1Q3MlMDglMEMlMEElMEQlMDklMDAlMUYlN0YlMjAlRTIlODAlQTglRTIlODAlQTkhJygpKn4tXy4lQzMlQTklRTQlQjglQUQlRjAlOUYlOTglODAlMjYlM0QlMkIlMkYlM0YlMjMlMjU";
    // sdkToken("netless-ak", "netless-sk", 600000, {role: "1"})
    private static final String SDK_TEN_MINUTES = "NETLESSSDK_YWs9bmV0bGVzcy1hayZleHBpcmVBdD0xNzAwMDAwNjAwMDAwJm5vbmNlPTZjODRmYjkwLTEyYzQtMTFlMS04NDBkLTdiMjVjNWVlNzc1YSZyb2xlPTEmc2lnPTI4YzhkMWFhYWRmZjcwMTA5OGE2MzlhNmI2ZjYyY2VmZTQ3MzEyODlmNDg1MDUyYjRlOGY4MGIzMTRhMmM0OTc";
    // taskToken("netless-ak", "netless-sk", 0, {role: "1", uuid: "task-uuid-1"})
    private static final String TASK = "NETLESSTASK_YWs9bmV0bGVzcy1hayZub25jZT02Yzg0ZmI5MC0xMmM0LTExZTEtODQwZC03YjI1YzVlZTc3NWEmcm9sZT0xJnNpZz02M2QxZDFjOWRiZTIwMmI1NzA0YTYzZjRjOTAyYmYwYzBjOTFmMjY1YWZiMTg1YWE4NjdkZWEyYjExOGVjMWVlJnV1aWQ9dGFzay11dWlkLTE";
    // sdkToken(NetlessTokenTest.TRICKY, "netless-sk", 0, {role: "2"}), uuid.v1() = "nonce \u2028\ud83d\ude00!'()*~"
    private static final String SDK_TRICKY = "NETLESSSDK_YWs9cSUyMmIlNUNzJTA4JTBDJTBBJTBEJTA5JTAwJTFGJTdGJTIwJUUyJTgwJUE4JUUyJTgwJUE5IScoKSp-LV8uJUMzJUE5JUU0JUI4JUFEJUYwJTlGJTk4JTgwJTI2JTNEJTJCJTJGJTNGJTIzJTI1Jm5vbmNlPW5vbmNlJTIwJUUyJTgwJUE4JUYwJTlGJTk4JTgwIScoKSp-JnJvbGU9MiZzaWc9YzU3MzA3Njg4Y2IwZTk1YjA0NDg4MjY3ODI3ODA4NWRmZjg3MjgyYjliNGRkODEwMWMwMWViOTEzZDk2NmRmMQ";
    // sdkToken("ak", "sk", 0, {role: "0", uuid: "x"}): the TypeScript types forbid it, JavaScript does not.
    private static final String SDK_WITH_UUID = "NETLESSSDK_YWs9YWsmbm9uY2U9NmM4NGZiOTAtMTJjNC0xMWUxLTg0MGQtN2IyNWM1ZWU3NzVhJnJvbGU9MCZzaWc9MGVlZGQ4MzBjMTQyNzAyNmVjYWNiNjRhMjcxMzg5MmE4ODYwNWVjYzUxYzJhNTVhNTliNGQ2ZGQ4MDdjMTJkNiZ1dWlkPXg";
    // sdkToken("ak", "sk", 0, {}): no role at all.
    private static final String OFFICIAL_NO_ROLE = "NETLESSSDK_YWs9YWsmbm9uY2U9NmM4NGZiOTAtMTJjNC0xMWUxLTg0MGQtN2IyNWM1ZWU3NzVhJnNpZz0zOTA5YzhlNDkxODQ1ODI0NjNiY2U3NDZmYzg4NTFjMDg5ODBiMGUxMmIyNTZkYWZjZTY2ZDI5NDQ4ZDhjYzZk";
    // sdkToken("ak", "sk", 0, {role: "7"})
    private static final String OFFICIAL_ROLE_7 = "NETLESSSDK_YWs9YWsmbm9uY2U9NmM4NGZiOTAtMTJjNC0xMWUxLTg0MGQtN2IyNWM1ZWU3NzVhJnJvbGU9NyZzaWc9ZWRhMTllNzNjNjA0NmQ2YzhhMGZhMjE3ZDJkMTI4YjZmNjkzODI2OTgyMzUyMzg4ZTJmODg2NDNjYzU5ZDE2Yw";
    // sdkToken("", "", 0, {role: "0"})
    private static final String OFFICIAL_EMPTY_AK = "NETLESSSDK_YWs9Jm5vbmNlPTZjODRmYjkwLTEyYzQtMTFlMS04NDBkLTdiMjVjNWVlNzc1YSZyb2xlPTAmc2lnPWUzM2NjOGMyNDA1MWVkMDc4ZjYwMDZkYjhmM2Q3NzNmNzRkMDkwY2RhMzVjMGFkMTNiNThmYTZkNDcwNGVhNTI";
    // sdkToken("ak", "sk", 9007199254740992 - 1700000000000, {role: "0"}): expireAt 2^53.
    private static final String OFFICIAL_UNSAFE_EXPIRY = "NETLESSSDK_YWs9YWsmZXhwaXJlQXQ9OTAwNzE5OTI1NDc0MDk5MiZub25jZT02Yzg0ZmI5MC0xMmM0LTExZTEtODQwZC03YjI1YzVlZTc3NWEmcm9sZT0wJnNpZz0wYjRiNzI4OGU2YTZkNDY4OTY4N2IzYjg4NGJmZWYzZmY1OWJkYzRhOGNjMWQ4ZDJkNjNiMmNjZmNiOTZjNTQ2";

    private final NetlessDecoder decoder = new NetlessDecoder();

    NetlessDecoderTest() {
        super(NetlessDecoder::new, SDK_TEN_MINUTES, "prefix",
                "NETLESS_YWs9", "netlesssdk_YWs9", "NETLESSSDK", "007eJx", "NETLESSROOM");
    }

    @Test
    void shouldDecodeAnOfficialTokenWithEveryAwkwardCharacter() {
        DecodedNetlessToken decoded = decoder.decode(ROOM_TRICKY);

        NetlessTokenContent expected = new NetlessTokenContent(TokenPrefix.ROOM, "netless-ak", NONCE, TokenRole.ADMIN,
                Optional.of(NetlessTokenTest.TRICKY), OptionalLong.of(NetlessTokenTest.NOW + 1));
        assertEquals(expected, decoded.content());
        assertEquals("0dd3f23b39073ee1eeb574addd898cf5c093201ed7ac02c75cf92351cc1aa547", decoded.sigHex());
        assertTrue(decoded.verify("netless-sk"));
        assertFalse(decoded.verify("netless-sk2"));
        assertFalse(decoded.verify(""));
        assertFalse(decoded.verify(null));
        assertFalse(decoded.isExpired(NetlessTokenTest.NOW));
        assertTrue(decoded.isExpired(NetlessTokenTest.NOW + 1));
    }

    @Test
    void officialTokensDecodeAndReencodeToTheSameText() {
        for (String token : List.of(ROOM_TRICKY, SDK_TEN_MINUTES, TASK, SDK_TRICKY, SDK_WITH_UUID)) {
            DecodedNetlessToken decoded = decoder.decode(token);
            String sk = token == SDK_WITH_UUID ? "sk" : "netless-sk";
            assertTrue(decoded.verify(sk), token);
            assertEquals(token, NetlessCodec.encode(decoded.content(), sk));
        }
        DecodedNetlessToken sdk = decoder.decode(SDK_TRICKY);
        assertEquals(NetlessTokenTest.TRICKY, sdk.content().ak());
        assertEquals("nonce \u2028\ud83d\ude00!'()*~", sdk.content().nonce());
        assertEquals(TokenPrefix.SDK, sdk.content().prefix());
        assertTrue(sdk.content().expireAt().isEmpty());
        assertFalse(sdk.isExpired(Long.MAX_VALUE));
    }

    @Test
    void uuidIsAllowedInAnyKindAsTheFormatAllows() {
        assertEquals(Optional.of("x"), decoder.decode(SDK_WITH_UUID).content().uuid());
    }

    @Test
    void officialTokensOutsideOurInputRulesAreRejected() {
        assertRejects(Reason.BAD_VALUE, "role", OFFICIAL_NO_ROLE);
        assertRejects(Reason.BAD_VALUE, "role", OFFICIAL_ROLE_7);
        assertRejects(Reason.BAD_VALUE, "ak", OFFICIAL_EMPTY_AK);
        assertRejects(Reason.BAD_VALUE, "expireAt", OFFICIAL_UNSAFE_EXPIRY);
    }

    @Test
    void shouldRejectNullAndEmptyPayload() {
        assertRejects(Reason.EMPTY, "token", "NETLESSTASK_");
    }

    @Test
    void shouldRejectAnythingButCanonicalUnpaddedBase64Url() {
        String text = SDK_TEN_MINUTES;
        assertEquals(Reason.BAD_BASE64, rejects(text + "=").reason());
        assertEquals(Reason.BAD_BASE64, rejects(text + "==").reason());
        TokenFormatException plus = rejects(text.substring(0, 20) + "+" + text.substring(21));
        assertEquals(20, plus.offset());
        assertEquals(Reason.BAD_BASE64, rejects(text.substring(0, 20) + "/" + text.substring(21)).reason());
        assertEquals(Reason.BAD_BASE64, rejects(text.substring(0, 20) + " " + text.substring(20)).reason());
        assertEquals(Reason.BAD_BASE64, rejects(text + "\n").reason());
        String body = text.substring("NETLESSSDK_".length());
        String oneOver = body.substring(0, body.length() / 4 * 4) + "A";
        assertEquals(Reason.BAD_BASE64, rejects("NETLESSSDK_" + oneOver).reason(), "4k+1 characters");
        // "YWs9YQ" is "ak=a"; "YWs9YR" has the same 6+6 bits with a non-zero unused tail.
        assertEquals(Reason.BAD_BASE64, rejects("NETLESSSDK_YWs9YR").reason());
    }

    @Test
    void shouldRejectUnknownRepeatedMisorderedAndMissingKeys() {
        String tail = "&nonce=n&role=0&sig=" + SIG;
        assertQuery(Reason.BAD_VALUE, "query", "ak=a&extra=1" + tail);
        assertQuery(Reason.BAD_VALUE, "query", "AK=a" + tail);
        assertQuery(Reason.BAD_VALUE, "ak", "ak=a&ak=b" + tail);
        assertQuery(Reason.BAD_VALUE, "ak", "nonce=n&ak=a&role=0&sig=" + SIG);
        assertQuery(Reason.BAD_VALUE, "expireAt", "ak=a&nonce=n&expireAt=1&role=0&sig=" + SIG);
        assertQuery(Reason.BAD_VALUE, "sig", "ak=a&nonce=n&role=0&uuid=u&sig=" + SIG);
        assertQuery(Reason.BAD_VALUE, "sig", "ak=a&nonce=n&role=0");
        assertQuery(Reason.BAD_VALUE, "nonce", "ak=a&role=0&sig=" + SIG);
        assertQuery(Reason.BAD_VALUE, "ak", "nonce=n&role=0&sig=" + SIG);
        assertQuery(Reason.BAD_VALUE, "query", "ak=a&&nonce=n&role=0&sig=" + SIG);
        assertQuery(Reason.BAD_VALUE, "query", "ak=a" + tail + "&");
        assertQuery(Reason.BAD_VALUE, "query", "ak" + tail);
        TokenFormatException e = assertQuery(Reason.BAD_VALUE, "query", "ak=a&bogus" + tail);
        assertEquals(5, e.offset());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a%2f|lower-case hex",
            "a%41|'A' escaped needlessly",
            "a%7E|'~' escaped needlessly",
            "a%2|'%' cut short",
            "a%|'%' at the end",
            "a%GG|not hex",
            "a b|raw space",
            "a+b|raw plus (form encoding)",
            "a/b|raw slash",
            "a=b|raw equals",
            "%C3|truncated UTF-8",
            "%C0%80|overlong UTF-8",
            "%ED%A0%80|UTF-8 of a surrogate",
            "%F4%90%80%80|beyond U+10FFFF",
            "%FF|never UTF-8"})
    void shouldRejectValuesEncodeUriComponentCannotWrite(String ak, String why) {
        assertQuery(Reason.BAD_VALUE, "ak", "ak=" + ak + "&nonce=n&role=0&sig=" + SIG);
    }

    @Test
    void shouldRejectRawNonAsciiBytesInTheQuery() {
        byte[] query = ("ak=\u00e9&nonce=n&role=0&sig=" + SIG).getBytes(StandardCharsets.UTF_8);
        TokenFormatException e = rejects("NETLESSSDK_" + Base64.getUrlEncoder().withoutPadding().encodeToString(query));
        assertEquals("ak", e.field());
        assertEquals(3, e.offset());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "role|ak=a&nonce=n&role=3&sig=SIG",
            "role|ak=a&nonce=n&role=01&sig=SIG",
            "role|ak=a&nonce=n&role=&sig=SIG",
            "sig|ak=a&nonce=n&role=0&sig=024C21133E8A12A6B33A43C2FD5A54A63063CD138CBDBF7F112E4D3D25FC7747",
            "sig|ak=a&nonce=n&role=0&sig=024c",
            "sig|ak=a&nonce=n&role=0&sig=SIG00",
            "sig|ak=a&nonce=n&role=0&sig=",
            "expireAt|ak=a&expireAt=&nonce=n&role=0&sig=SIG",
            "expireAt|ak=a&expireAt=01700000000000&nonce=n&role=0&sig=SIG",
            "expireAt|ak=a&expireAt=-1&nonce=n&role=0&sig=SIG",
            "expireAt|ak=a&expireAt=1e%2B21&nonce=n&role=0&sig=SIG",
            "expireAt|ak=a&expireAt=1700000000000.5&nonce=n&role=0&sig=SIG",
            "expireAt|ak=a&expireAt=9007199254740992&nonce=n&role=0&sig=SIG",
            "expireAt|ak=a&expireAt=99999999999999999999&nonce=n&role=0&sig=SIG",
            "ak|ak=&nonce=n&role=0&sig=SIG",
            "nonce|ak=a&nonce=&role=0&sig=SIG"})
    void shouldRejectFieldValuesOutsideTheFormat(String field, String query) {
        assertQuery(Reason.BAD_VALUE, field, query.replace("SIG", SIG));
    }

    @Test
    void shouldAcceptTheSmallestAndLargestExpiry() {
        String q = "ak=a&expireAt=%s&nonce=n&role=2&sig=" + SIG + "&uuid=";
        assertEquals(0, decoder.decode(token(String.format(q, "0"))).content().expireAt().getAsLong());
        assertEquals(NetlessTokenContent.MAX_EXPIRE_AT,
                decoder.decode(token(String.format(q, "9007199254740991"))).content().expireAt().getAsLong());
        assertEquals(Optional.of(""), decoder.decode(token(String.format(q, "1"))).content().uuid());
    }

    @Test
    void shouldRejectTokensOverTheLengthLimit() {
        NetlessDecoder small = new NetlessDecoder(DecodeLimits.builder().maxTokenLength(64).build());
        TokenFormatException e = assertThrows(TokenFormatException.class, () -> small.decode(SDK_TEN_MINUTES));
        assertEquals(Reason.TOO_LARGE, e.reason());
    }

    @Test
    void verifyOfAMalformedTokenThrowsAndOfAWrongSecretIsFalse() {
        assertThrows(TokenFormatException.class, () -> NetlessCodec.verify("NETLESSSDK_!", "sk"));
        assertTrue(NetlessCodec.verify(TASK, "netless-sk"));
        assertFalse(NetlessCodec.verify(TASK, "netless-sK"));
    }

    static String token(String query) {
        return "NETLESSSDK_" + Base64.getUrlEncoder().withoutPadding().encodeToString(query.getBytes(StandardCharsets.UTF_8));
    }

    private TokenFormatException assertQuery(Reason reason, String field, String query) {
        return assertRejects(reason, field, token(query));
    }

    private TokenFormatException assertRejects(Reason reason, String field, String token) {
        TokenFormatException e = rejects(token);
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        return e;
    }

    private TokenFormatException rejects(String token) {
        return assertThrows(TokenFormatException.class, () -> decoder.decode(token));
    }

    @Override
    protected DecodedNetlessToken codecDecode(String token, DecodeLimits limits) {
        return NetlessCodec.decode(token, limits);
    }
}
