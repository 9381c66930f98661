package io.countersign.cli.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetlessSchemeTest extends AdapterCalls {
    static final String NONCE = "6c84fb90-12c4-11e1-840d-7b25c5ee775a";
    // netless-token 1.0.2 in Node v20.20.2, Date.now() = 1700000000000, uuid.v1() = NONCE:
    // roomToken("netless-ak", "netless-sk", 3600000, {role: "2", uuid: "d4ea9f9026a511ebb2e2c7b4a6e4bbb1"})
    static final String ROOM_TOKEN = "NETLESSROOM_YWs9bmV0bGVzcy1hayZleHBpcmVBdD0xNzAwMDAzNjAwMDAwJm5vbmNlPTZjODRmYjkwLTEyYzQtMTFlMS04NDBkLTdiMjVjNWVlNzc1YSZyb2xlPTImc2lnPTVmNjhlMGQ5YWE3YWJiODFiZjBlYTNiZmM1NGY4MTk3NDU1MTIyMGVmN2MyY2FlYzhmMGZkNzk0Y2NkYjA5YjQmdXVpZD1kNGVhOWY5MDI2YTUxMWViYjJlMmM3YjRhNmU0YmJiMQ";
    // sdkToken("netless-ak", "netless-sk", 0, {role: "0"}) with the same stubs
    static final String SDK_TOKEN = "NETLESSSDK_YWs9bmV0bGVzcy1hayZub25jZT02Yzg0ZmI5MC0xMmM0LTExZTEtODQwZC03YjI1YzVlZTc3NWEmcm9sZT0wJnNpZz0wMjRjMjExMzNlOGExMmE2YjMzYTQzYzJmZDVhNTRhNjMwNjNjZDEzOGNiZGJmN2YxMTJlNGQzZDI1ZmM3NzQ3";

    static String buildRequest(String builder, String lifespan, String content) {
        return "{\"id\":\"b\",\"op\":\"build\",\"builder\":\"" + builder + "\",\"args\":{\"ak\":\"netless-ak\","
                + "\"sk\":\"netless-sk\",\"lifespan\":" + lifespan + ",\"content\":" + content + "},"
                + "\"nowMs\":1700000000000,\"nonce\":\"" + NONCE + "\"}";
    }

    @Test
    void helloListsTheSchemeAndEveryBuilder() {
        JsonNode hello = adapter.handle("{\"id\":\"h\",\"op\":\"hello\"}");
        assertTrue(hello.get("schemes").toString().contains("\"netless\""));
        for (String b : new String[] {"NetlessToken.sdkToken", "NetlessToken.roomToken", "NetlessToken.taskToken"}) {
            assertTrue(hello.get("builders").toString().contains(b), b);
        }
    }

    @Test
    void shouldBuildTheOfficialTokensWithTheFixedClockAndNonce() {
        assertEquals(ROOM_TOKEN, adapter.handle(buildRequest("NetlessToken.roomToken", "3600000",
                "{\"role\":\"2\",\"uuid\":\"d4ea9f9026a511ebb2e2c7b4a6e4bbb1\"}")).get("token").asText());
        assertEquals(SDK_TOKEN, adapter.handle(buildRequest("NetlessToken.sdkToken", "0", "{\"role\":\"0\"}"))
                .get("token").asText());
    }

    @Test
    void shouldDecodeAndVerify() {
        JsonNode content = adapter.handle("{\"id\":\"d\",\"op\":\"decode\",\"token\":\"" + ROOM_TOKEN + "\"}").get("content");
        assertEquals(read("{\"scheme\":\"netless\",\"prefix\":\"NETLESSROOM_\",\"ak\":\"netless-ak\",\"nonce\":\"" + NONCE + "\","
                + "\"role\":\"2\",\"uuid\":\"d4ea9f9026a511ebb2e2c7b4a6e4bbb1\",\"expireAt\":\"1700003600000\","
                + "\"sig\":\"5f68e0d9aa7abb81bf0ea3bfc54f81974551220ef7c2caec8f0fd794ccdb09b4\"}"), content);
        JsonNode sdk = adapter.handle("{\"id\":\"d\",\"op\":\"decode\",\"token\":\"" + SDK_TOKEN + "\"}").get("content");
        assertFalse(sdk.has("uuid"));
        assertFalse(sdk.has("expireAt"));
        assertTrue(verify(ROOM_TOKEN, "netless-sk"));
        assertFalse(verify(ROOM_TOKEN, "netless-sK"));
    }

    @Test
    void shouldEncodeContentAndDecodeItBack() {
        String content = "{\"scheme\":\"netless\",\"prefix\":\"NETLESSTASK_\",\"ak\":\"a k\\u2028\",\"nonce\":\"n!'()*~\","
                + "\"role\":\"1\",\"uuid\":\"\\ud83d\\ude00\\n\",\"expireAt\":\"9007199254740991\"}";
        JsonNode encoded = adapter.handle("{\"id\":\"e\",\"op\":\"encode\",\"content\":" + content + ",\"secret\":\"s\"}");
        JsonNode decoded = adapter.handle("{\"id\":\"d\",\"op\":\"decode\",\"token\":\"" + encoded.get("token").asText() + "\"}")
                .get("content");
        ((ObjectNode) decoded).remove("sig");
        assertEquals(read(content), decoded);
        assertTrue(verify(encoded.get("token").asText(), "s"));
        // Encoding the decoded content of an official token gives the official token back.
        ObjectNode official = (ObjectNode) adapter.handle("{\"id\":\"d\",\"op\":\"decode\",\"token\":\"" + ROOM_TOKEN + "\"}")
                .get("content");
        assertEquals(ROOM_TOKEN, adapter.handle("{\"id\":\"e\",\"op\":\"encode\",\"content\":" + official
                + ",\"secret\":\"netless-sk\"}").get("token").asText());
    }

    @Test
    void errorsCarryTheProtocolCodes() {
        assertCode("invalid-argument", buildRequest("NetlessToken.roomToken", "0", "{\"role\":\"3\"}"));
        assertCode("invalid-argument", buildRequest("NetlessToken.roomToken", "0", "{}"));
        assertCode("invalid-argument", buildRequest("NetlessToken.roomToken", "-1", "{\"role\":\"1\"}"));
        assertCode("invalid-argument", buildRequest("NetlessToken.roomToken", "0", "{\"role\":\"1\",\"uuid\":\"\\ud800\"}"));
        assertCode("invalid-argument", buildRequest("NetlessToken.sdkToken", "0", "{\"role\":\"1\",\"uuid\":\"x\"}"));
        assertCode("invalid-argument", buildRequest("NetlessToken.taskToken", "0", "{\"role\":\"1\",\"extra\":\"x\"}"));
        assertCode("invalid-argument", buildRequest("NetlessToken.taskToken", "9007199254740991", "{\"role\":\"1\"}"));
        assertCode("bad-request", buildRequest("NetlessToken.roomToken", "0", "{\"role\":1}"));
        assertCode("bad-request", buildRequest("NetlessToken.roomToken", "0", "{\"role\":\"1\"}").replace(",\"nonce\":\"" + NONCE + "\"", ""));
        assertCode("bad-request", buildRequest("NetlessToken.roomToken", "\"0\"", "{\"role\":\"1\"}"));
        assertCode("invalid-argument", "{\"id\":\"e\",\"op\":\"encode\",\"content\":{\"scheme\":\"netless\",\"prefix\":\"NETLESSSDK_\","
                + "\"ak\":\"a\",\"nonce\":\"n\",\"role\":\"0\",\"expireAt\":\"0123\"},\"secret\":\"s\"}");
        assertCode("invalid-argument", "{\"id\":\"e\",\"op\":\"encode\",\"content\":{\"scheme\":\"netless\",\"prefix\":\"NETLESS_\","
                + "\"ak\":\"a\",\"nonce\":\"n\",\"role\":\"0\"},\"secret\":\"s\"}");
        assertCode("malformed", "{\"id\":\"x\",\"op\":\"decode\",\"token\":\"" + ROOM_TOKEN + "=\"}");
        assertCode("malformed", "{\"id\":\"x\",\"op\":\"verify\",\"token\":\"NETLESSSDK_\",\"secret\":\"s\"}");
    }

    @Test
    void aBadSecretIsNamedButNeverEchoed() {
        String secret = "hunter2\\udfff";
        JsonNode response = adapter.handle(buildRequest("NetlessToken.sdkToken", "0", "{\"role\":\"0\"}")
                .replace("netless-sk", secret));
        assertEquals("invalid-argument", response.get("error").get("code").asText());
        assertTrue(response.toString().contains("sk"));
        assertFalse(response.toString().contains("hunter2"));
    }

    private boolean verify(String token, String secret) {
        return adapter.handle("{\"id\":\"v\",\"op\":\"verify\",\"token\":\"" + token + "\",\"secret\":\"" + secret + "\"}")
                .get("valid").asBoolean();
    }
}
