package io.countersign.netless;

import io.countersign.netless.NetlessToken.RoomTokenTags;
import io.countersign.netless.NetlessToken.SdkTokenTags;
import io.countersign.netless.NetlessToken.TaskTokenTags;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden tokens from the official npm package netless-token 1.0.2 (dist/index.js), run by hand
 * in Node v20.20.2 with {@code Date.now} returning 1700000000000 and the uuid module's {@code v1}
 * (the package's nonce source) replaced, through the require cache, by a function returning
 * {@link #NONCE} (or the nonce named in the test). Each comment gives the exact call.
 */
class NetlessTokenTest {
    static final long NOW = 1_700_000_000_000L;
    static final String NONCE = "6c84fb90-12c4-11e1-840d-7b25c5ee775a";
    /** Every character where JSON.stringify / encodeURIComponent differ from the JDK's defaults. */
    static final String TRICKY = "q\"b\\s\b\f\n\r\t\u0000\u001f\u007f \u2028\u2029!'()*~-_.\u00e9\u4e2d\ud83d\ude00&=+/?#%";

    private final NetlessToken builder = new NetlessToken(Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC),
            NonceSource.fixed(NONCE));

    @Test
    void sdkTokenThatNeverExpires() {
        // netless-token 1.0.2: sdkToken("netless-ak", "netless-sk", 0, {role: "0"})
        assertEquals("NETLESSSDK_YWs9bmV0bGVzcy1hayZub25jZT02Yzg0ZmI5MC0xMmM0LTExZTEtODQwZC03YjI1YzVlZTc3NWEmcm9sZT0wJnNpZz0wMjRjMjExMzNlOGExMmE2YjMzYTQzYzJmZDVhNTRhNjMwNjNjZDEzOGNiZGJmN2YxMTJlNGQzZDI1ZmM3NzQ3",
                builder.sdkToken("netless-ak", "netless-sk", 0, new SdkTokenTags(TokenRole.ADMIN)));
    }

    @Test
    void sdkTokenWithLifespan() {
        // netless-token 1.0.2: sdkToken("netless-ak", "netless-sk", 600000, {role: "1"})
        assertEquals("NETLESSSDK_YWs9bmV0bGVzcy1hayZleHBpcmVBdD0xNzAwMDAwNjAwMDAwJm5vbmNlPTZjODRmYjkwLTEyYzQtMTFlMS04NDBkLTdiMjVjNWVlNzc1YSZyb2xlPTEmc2lnPTI4YzhkMWFhYWRmZjcwMTA5OGE2MzlhNmI2ZjYyY2VmZTQ3MzEyODlmNDg1MDUyYjRlOGY4MGIzMTRhMmM0OTc",
                builder.sdkToken("netless-ak", "netless-sk", 600_000, new SdkTokenTags(TokenRole.WRITER)));
    }

    @Test
    void roomTokenWithUuidAndLifespan() {
        // netless-token 1.0.2: roomToken("netless-ak", "netless-sk", 3600000, {role: "2", uuid: "d4ea9f9026a511ebb2e2c7b4a6e4bbb1"})
        assertEquals("NETLESSROOM_YWs9bmV0bGVzcy1hayZleHBpcmVBdD0xNzAwMDAzNjAwMDAwJm5vbmNlPTZjODRmYjkwLTEyYzQtMTFlMS04NDBkLTdiMjVjNWVlNzc1YSZyb2xlPTImc2lnPTVmNjhlMGQ5YWE3YWJiODFiZjBlYTNiZmM1NGY4MTk3NDU1MTIyMGVmN2MyY2FlYzhmMGZkNzk0Y2NkYjA5YjQmdXVpZD1kNGVhOWY5MDI2YTUxMWViYjJlMmM3YjRhNmU0YmJiMQ",
                builder.roomToken("netless-ak", "netless-sk", 3_600_000,
                        new RoomTokenTags(TokenRole.READER, "d4ea9f9026a511ebb2e2c7b4a6e4bbb1")));
    }

    @Test
    void taskTokenThatNeverExpires() {
        // netless-token 1.0.2: taskToken("netless-ak", "netless-sk", 0, {role: "1", uuid: "task-uuid-1"})
        assertEquals("NETLESSTASK_YWs9bmV0bGVzcy1hayZub25jZT02Yzg0ZmI5MC0xMmM0LTExZTEtODQwZC03YjI1YzVlZTc3NWEmcm9sZT0xJnNpZz02M2QxZDFjOWRiZTIwMmI1NzA0YTYzZjRjOTAyYmYwYzBjOTFmMjY1YWZiMTg1YWE4NjdkZWEyYjExOGVjMWVlJnV1aWQ9dGFzay11dWlkLTE",
                builder.taskToken("netless-ak", "netless-sk", 0, new TaskTokenTags(TokenRole.WRITER, "task-uuid-1")));
    }

    @Test
    void roomTokenWithEveryAwkwardCharacterInTheUuid() {
        // netless-token 1.0.2: roomToken("netless-ak", "netless-sk", 1, {role: "0", uuid: TRICKY}),
        // TRICKY being the same JavaScript string: control characters, quote, backslash, DEL,
        // space, U+2028/U+2029, !'()*~, non-ASCII, an emoji and URL delimiters.
        assertEquals("NETLESSROOM_YWs9bmV0bGVzcy1hayZleHBpcmVBdD0xNzAwMDAwMDAwMDAxJm5vbmNlPTZjODRmYjkwLTEyYzQtMTFlMS04NDBkLTdiMjVjNWVlNzc1YSZyb2xlPTAmc2lnPTBkZDNmMjNiMzkwNzNlZTFlZWI1NzRhZGRkODk4Y2Y1YzA5MzIwMWVkN2FjMDJjNzVjZjkyMzUxY2MxYWE1NDcmdXVpZD1xJTIyYiU1Q3MlMDglMEMlMEElMEQlMDklMDAlMUYlN0YlMjAlRTIlODAlQTglRTIlODAlQTkhJygpKn4tXy4lQzMlQTklRTQlQjglQUQlRjAlOUYlOTglODAlMjYlM0QlMkIlMkYlM0YlMjMlMjU",
                builder.roomToken("netless-ak", "netless-sk", 1, new RoomTokenTags(TokenRole.ADMIN, TRICKY)));
    }

    @Test
    void sdkTokenWithAwkwardAkAndNonce() {
        // netless-token 1.0.2: sdkToken(TRICKY, "netless-sk", 0, {role: "2"}) with uuid.v1() returning
        // "nonce \u2028\ud83d\ude00!'()*~"
        NetlessToken b = new NetlessToken(Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC),
                NonceSource.fixed("nonce \u2028\ud83d\ude00!'()*~"));
        assertEquals("NETLESSSDK_YWs9cSUyMmIlNUNzJTA4JTBDJTBBJTBEJTA5JTAwJTFGJTdGJTIwJUUyJTgwJUE4JUUyJTgwJUE5IScoKSp-LV8uJUMzJUE5JUU0JUI4JUFEJUYwJTlGJTk4JTgwJTI2JTNEJTJCJTJGJTNGJTIzJTI1Jm5vbmNlPW5vbmNlJTIwJUUyJTgwJUE4JUYwJTlGJTk4JTgwIScoKSp-JnJvbGU9MiZzaWc9YzU3MzA3Njg4Y2IwZTk1YjA0NDg4MjY3ODI3ODA4NWRmZjg3MjgyYjliNGRkODEwMWMwMWViOTEzZDk2NmRmMQ",
                b.sdkToken(TRICKY, "netless-sk", 0, new SdkTokenTags(TokenRole.READER)));
    }

    @Test
    void roomTokenWithAnEmptyUuidKeepsTheKey() {
        // netless-token 1.0.2: roomToken("ak", "sk", 0, {role: "1", uuid: ""})
        assertEquals("NETLESSROOM_YWs9YWsmbm9uY2U9NmM4NGZiOTAtMTJjNC0xMWUxLTg0MGQtN2IyNWM1ZWU3NzVhJnJvbGU9MSZzaWc9MDYwZjAyYmVmOTgzNDc4ZDI4ODE5MzY2Mjg3NGM2NDBhY2MxYTYyZmQ4ZmRjODQ5NWJlMjk0ODFjYWQ2NjYzZCZ1dWlkPQ",
                builder.roomToken("ak", "sk", 0, new RoomTokenTags(TokenRole.WRITER, "")));
    }

    @Test
    void secretIsUsedAsItsUtf8Bytes() {
        // netless-token 1.0.2: sdkToken("ak", "s\u00e9\u00a9ret\ud83d\udd11", 0, {role: "0"})
        assertEquals("NETLESSSDK_YWs9YWsmbm9uY2U9NmM4NGZiOTAtMTJjNC0xMWUxLTg0MGQtN2IyNWM1ZWU3NzVhJnJvbGU9MCZzaWc9NmM3NDM1YWU5OGQ5NjMyMDA0NWU2OWQ3Y2U4NTA1ZDQzMDUxMGJmZTBlYmJlZDI3Yzc2ZWRjMWU1MzY5MzJhNw",
                builder.sdkToken("ak", "s\u00e9\u00a9ret\ud83d\udd11", 0, new SdkTokenTags(TokenRole.ADMIN)));
    }

    @Test
    void secretLongerThanOneHmacBlockIsHashedFirst() {
        // netless-token 1.0.2: sdkToken("ak", "k".repeat(100), 0, {role: "0"})
        assertEquals("NETLESSSDK_YWs9YWsmbm9uY2U9NmM4NGZiOTAtMTJjNC0xMWUxLTg0MGQtN2IyNWM1ZWU3NzVhJnJvbGU9MCZzaWc9MmM0NjQxMjRlNmE4NjA2NjNkMGVmYzg1YTU2NWEyNTcxMjZkMTQ0ZGU0NDBlYTM1MzcyMWNmZmY2MmI5NzUxMA",
                builder.sdkToken("ak", "k".repeat(100), 0, new SdkTokenTags(TokenRole.ADMIN)));
    }

    @Test
    void expireAtUpToNumberMaxSafeInteger() {
        // netless-token 1.0.2: taskToken("ak", "sk", 9007199254740991 - 1700000000000, {role: "2", uuid: "u"})
        assertEquals("NETLESSTASK_YWs9YWsmZXhwaXJlQXQ9OTAwNzE5OTI1NDc0MDk5MSZub25jZT02Yzg0ZmI5MC0xMmM0LTExZTEtODQwZC03YjI1YzVlZTc3NWEmcm9sZT0yJnNpZz00YjZjODg1ODJhMzU1OTViOTU4YzY4M2MzMWY2ZmViYWE5MjhlYzQ5YjhiNTFmNzc3MjRhZmVlMmYwMDczNmNmJnV1aWQ9dQ",
                builder.taskToken("ak", "sk", NetlessTokenContent.MAX_EXPIRE_AT - NOW, new TaskTokenTags(TokenRole.READER, "u")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.taskToken("ak", "sk", NetlessTokenContent.MAX_EXPIRE_AT - NOW + 1, new TaskTokenTags(TokenRole.READER)));
        assertTrue(e.getMessage().startsWith("lifespan:"), e.getMessage());
    }

    @Test
    void unpairedSurrogatesAreRefusedWhereJavaScriptThrowsUriError() {
        // netless-token 1.0.2: roomToken("ak", "sk", 0, {role: "1", uuid: "a\ud800b"}) and
        // sdkToken("\udc00", "sk", 0, {role: "1"}) both throw "URIError: URI malformed".
        IllegalArgumentException uuid = assertThrows(IllegalArgumentException.class,
                () -> builder.roomToken("ak", "sk", 0, new RoomTokenTags(TokenRole.WRITER, "a\ud800b")));
        assertTrue(uuid.getMessage().startsWith("content.uuid: unpaired surrogate at index 1"), uuid.getMessage());
        IllegalArgumentException ak = assertThrows(IllegalArgumentException.class,
                () -> builder.sdkToken("\udc00", "sk", 0, new SdkTokenTags(TokenRole.WRITER)));
        assertTrue(ak.getMessage().startsWith("ak: unpaired surrogate at index 0"), ak.getMessage());
    }

    @Test
    void inputRulesNameTheFieldAndNeverShowTheSecret() {
        SdkTokenTags admin = new SdkTokenTags(TokenRole.ADMIN);
        assertMessage("ak: must not be empty", () -> builder.sdkToken("", "sk", 0, admin));
        assertMessage("ak: must not be null", () -> builder.sdkToken(null, "sk", 0, admin));
        assertMessage("sk: must not be null", () -> builder.sdkToken("ak", null, 0, admin));
        assertMessage("sk: must be non-empty", () -> builder.sdkToken("ak", "", 0, admin));
        String secret = "top-secret\ud800";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder.sdkToken("ak", secret, 0, admin));
        assertFalse(e.getMessage().contains("top-secret"), e.getMessage());
        assertMessage("lifespan: must be 0", () -> builder.sdkToken("ak", "sk", -5, admin));
        assertMessage("content: must not be null", () -> builder.sdkToken("ak", "sk", 0, null));
        assertMessage("content.role: must not be null", () -> new SdkTokenTags(null));
        assertMessage("nonce: must not be empty", () -> new NetlessToken(Clock.systemUTC(), () -> "")
                .sdkToken("ak", "sk", 0, admin));
        assertMessage("lifespan: now + lifespan", () -> new NetlessToken(
                Clock.fixed(Instant.ofEpochMilli(-1), ZoneOffset.UTC), NonceSource.fixed(NONCE)).sdkToken("ak", "sk", 1, admin));
    }

    @Test
    void clockIsReadOnlyForAPositiveLifespanAndOneNoncePerToken() {
        AtomicInteger clockReads = new AtomicInteger();
        AtomicInteger nonces = new AtomicInteger();
        Clock counting = new ReadingClock(() -> {
            clockReads.incrementAndGet();
            return NOW;
        });
        NetlessToken b = new NetlessToken(counting, () -> "n" + nonces.incrementAndGet());
        b.sdkToken("ak", "sk", 0, new SdkTokenTags(TokenRole.ADMIN));
        assertEquals(0, clockReads.get());
        String token = b.roomToken("ak", "sk", 5, new RoomTokenTags(TokenRole.ADMIN));
        assertEquals(1, clockReads.get());
        assertEquals(2, nonces.get());
        DecodedNetlessToken decoded = NetlessCodec.decode(token);
        assertEquals("n2", decoded.content().nonce());
        assertEquals(NOW + 5, decoded.content().expireAt().getAsLong());
        assertTrue(decoded.content().uuid().isEmpty());
    }

    @Test
    void defaultBuilderDrawsDistinctVersionOneNonces() {
        NetlessToken b = new NetlessToken();
        String one = NetlessCodec.decode(b.sdkToken("ak", "sk", 0, new SdkTokenTags(TokenRole.ADMIN))).content().nonce();
        String two = NetlessCodec.decode(b.sdkToken("ak", "sk", 0, new SdkTokenTags(TokenRole.ADMIN))).content().nonce();
        assertTrue(one.matches("[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), one);
        assertFalse(one.equals(two));
    }

    private static void assertMessage(String start, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
