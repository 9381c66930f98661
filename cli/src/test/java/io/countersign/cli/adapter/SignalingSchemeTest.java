package io.countersign.cli.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignalingSchemeTest extends AdapterCalls {
    private static final String APP_ID = AccessToken2SchemeTest.APP_ID;
    private static final String CERT = AccessToken2SchemeTest.CERT;

    /**
     * agora-token 2.0.6 {@code require("agora-token/src/SignalingToken").get(APP_ID, CERT,
     * "test_user", 3600)} in {@code node -e} with {@code Date} fixed at 1700000000000 ms
     * (agora-access-token 2.0.4 gives the same).
     */
    private static final String OFFICIAL = "1:970CA35de60c44645bbae8a215061b33:1700003600:75303e9d933399e311095f6db1a262fc";

    @Test
    void helloListsTheSchemeAndItsBuilder() {
        JsonNode hello = adapter.handle("{\"id\":\"h\",\"op\":\"hello\"}");
        assertTrue(hello.get("schemes").toString().contains("\"signaling\""));
        assertTrue(hello.get("builders").toString().contains("\"SignalingToken.get\""));
    }

    @Test
    void shouldBuildTheOfficialTokenWithTheFixedClock() {
        JsonNode built = adapter.handle(AccessToken2SchemeTest.buildRequest("SignalingToken.get",
                "\"account\":\"test_user\",\"validTimeInSeconds\":3600"));
        assertEquals(OFFICIAL, built.get("token").asText(), built.toString());
    }

    @Test
    void shouldDecodeWithoutTheAccountAndVerifyWithIt() {
        JsonNode content = adapter.handle("{\"id\":\"d\",\"op\":\"decode\",\"token\":\"" + OFFICIAL + "\"}").get("content");
        assertEquals(read("{\"scheme\":\"signaling\",\"appId\":\"" + APP_ID + "\",\"expiredTs\":1700003600,"
                + "\"signature\":\"75303e9d933399e311095f6db1a262fc\"}"), read(content.toString()));
        assertTrue(verify(OFFICIAL, CERT, "\"test_user\""));
        assertFalse(verify(OFFICIAL, CERT, "\"test_use\""));
        assertFalse(verify(OFFICIAL, CERT.toLowerCase(), "\"test_user\""));
        assertCode("bad-request", "{\"id\":\"v\",\"op\":\"verify\",\"token\":\"" + OFFICIAL + "\",\"secret\":\"" + CERT + "\"}");
    }

    @Test
    void shouldEncodeContentAndDecodeItBack() {
        String content = "{\"scheme\":\"signaling\",\"appId\":\"" + APP_ID + "\",\"account\":{\"hex\":\"ff3a\"},\"expiredTs\":0}";
        String token = adapter.handle("{\"id\":\"e\",\"op\":\"encode\",\"content\":" + content + ",\"secret\":\"" + CERT + "\"}")
                .get("token").asText();
        assertTrue(token.startsWith("1:" + APP_ID + ":0:"), token);
        assertTrue(verify(token, CERT, "{\"hex\":\"ff3a\"}"));
    }

    @Test
    void errorsCarryTheProtocolCodes() {
        assertCode("invalid-argument", AccessToken2SchemeTest.buildRequest("SignalingToken.get",
                "\"account\":\"a\",\"validTimeInSeconds\":4294967295"));
        assertCode("bad-request", AccessToken2SchemeTest.buildRequest("SignalingToken.get", "\"account\":\"a\""));
        assertCode("malformed", "{\"id\":\"x\",\"op\":\"decode\",\"token\":\"1:" + APP_ID + ":01:x\"}");
    }

    private boolean verify(String token, String secret, String accountJson) {
        JsonNode response = adapter.handle("{\"id\":\"v\",\"op\":\"verify\",\"token\":\"" + token + "\",\"secret\":\"" + secret
                + "\",\"account\":" + accountJson + "}");
        assertTrue(response.get("ok").asBoolean(), response.toString());
        return response.get("valid").asBoolean();
    }
}
