package io.countersign.cli.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessTokenSchemeTest extends AdapterCalls {
    static final String APP_ID = AccessToken2SchemeTest.APP_ID;
    static final String CERT = AccessToken2SchemeTest.CERT;
    static final String CHANNEL = "7d72365eb983485397e3e3f9d460bdda";

    /**
     * agora-token 2.0.6, {@code require("agora-token/src/RtcTokenBuilder").RtcTokenBuilder
     * .buildTokenWithUid(APP_ID, CERT, CHANNEL, 2882341273, 1, 1446455471)} in {@code node -e}
     * with {@code Date} fixed at 1700000000000 ms and {@code Math.random()} returning
     * (12345678 + 0.5) / 0xffffffff before the module loads: now 1700000000, salt 12345678.
     */
    static final String PUBLISHER = "006970CA35de60c44645bbae8a215061b33IACz1lkYlCX146jBjHhbnJgHYDhhfXHleFfRR5XU2Cy237dIfRBXoFHlIgBOYbwAgEJVZQQAAQCvKDdWAgCvKDdWAwCvKDdWBACvKDdW";
    /** As {@link #PUBLISHER}: {@code buildTokenWithAccount(APP_ID, CERT, CHANNEL, "0", 2, 1446455471)}. */
    private static final String ACCOUNT_ZERO = "006970CA35de60c44645bbae8a215061b33IAAGu5LONiG2yy+MP86nVgaY1zygkZGvbvGLZv9ddqAjrrdIfRAh39v0EABOYbwAgEJVZQEAAQCvKDdW";
    /** As {@link #PUBLISHER}, from {@code src/RtmTokenBuilder}: {@code buildToken(APP_ID, CERT, "test_user", 1, 1446455471)}. */
    private static final String RTM = "006970CA35de60c44645bbae8a215061b33IABkQLwcOSilpELl1XxUVRUiLQLGxu7l4lsc0ijiqW+te4b86ogAAAAAEABOYbwAgEJVZQEA6AOvKDdW";

    @Test
    void helloListsTheSchemeAndEveryBuilder() {
        JsonNode hello = adapter.handle("{\"id\":\"h\",\"op\":\"hello\"}");
        assertTrue(hello.get("schemes").toString().contains("\"006\""));
        for (String b : new String[] {"RtcTokenBuilder.buildTokenWithUid", "RtcTokenBuilder.buildTokenWithAccount",
                "RtmTokenBuilder.buildToken"}) {
            assertTrue(hello.get("builders").toString().contains("\"" + b + "\""), b);
        }
    }

    @Test
    void shouldBuildTheOfficialTokensWithTheFixedClockAndSalt() {
        assertEquals(PUBLISHER, token(AccessToken2SchemeTest.buildRequest("RtcTokenBuilder.buildTokenWithUid",
                "\"channelName\":\"" + CHANNEL + "\",\"uid\":2882341273,\"role\":1,\"privilegeExpiredTs\":1446455471")));
        assertEquals(ACCOUNT_ZERO, token(AccessToken2SchemeTest.buildRequest("RtcTokenBuilder.buildTokenWithAccount",
                "\"channelName\":\"" + CHANNEL + "\",\"account\":\"0\",\"role\":2,\"privilegeExpiredTs\":1446455471")));
        assertEquals(RTM, token(AccessToken2SchemeTest.buildRequest("RtmTokenBuilder.buildToken",
                "\"account\":\"test_user\",\"role\":1,\"privilegeExpiredTs\":1446455471")));
        assertEquals(RTM, token(AccessToken2SchemeTest.buildRequest("RtmTokenBuilder.buildToken",
                "\"account\":\"test_user\",\"privilegeExpiredTs\":1446455471")), "the RTM role is ignored");
    }

    @Test
    void shouldDecodeWithCrcsInPlaceOfChannelAndUid() {
        JsonNode content = adapter.handle("{\"id\":\"d\",\"op\":\"decode\",\"token\":\"" + PUBLISHER + "\"}").get("content");
        assertEquals(read("{\"scheme\":\"006\",\"appId\":\"" + APP_ID + "\",\"salt\":12345678,\"ts\":1700086400,"
                + "\"privileges\":{\"1\":1446455471,\"2\":1446455471,\"3\":1446455471,\"4\":1446455471},"
                + "\"signature\":\"b3d659189425f5e3a8c18c785b9c98076038617d71e57857d14795d4d82cb6df\","
                + "\"crcChannelName\":276646071,\"crcUid\":3847331927}"), read(content.toString()),
                "compared as parsed JSON, so number node types do not matter");
    }

    @Test
    void verifyNeedsTheChannelAndUid() {
        assertTrue(verify(PUBLISHER, CERT, "\"" + CHANNEL + "\"", "\"2882341273\""));
        assertTrue(verify(PUBLISHER, CERT, "\"" + CHANNEL + "\"", "2882341273"));
        assertFalse(verify(PUBLISHER, CERT, "\"" + CHANNEL + "\"", "0"));
        assertFalse(verify(PUBLISHER, CERT, "\"room\"", "\"2882341273\""));
        assertFalse(verify(PUBLISHER, CERT.replace('5', '4'), "\"" + CHANNEL + "\"", "\"2882341273\""));
        assertTrue(verify(RTM, CERT, "\"test_user\"", "\"\""));
        assertCode("bad-request", "{\"id\":\"v\",\"op\":\"verify\",\"token\":\"" + PUBLISHER + "\",\"secret\":\"" + CERT + "\"}");
    }

    @Test
    void shouldEncodeContentWithRawBytesAndDecodeItBack() {
        String content = "{\"scheme\":\"006\",\"appId\":\"" + APP_ID + "\",\"channelName\":{\"hex\":\"ff00\"},\"uid\":0,"
                + "\"salt\":4294967295,\"ts\":0,\"privileges\":{\"1000\":5,\"1\":6}}";
        String token = adapter.handle("{\"id\":\"e\",\"op\":\"encode\",\"content\":" + content + ",\"secret\":\"" + CERT + "\"}")
                .get("token").asText();
        JsonNode decoded = adapter.handle("{\"id\":\"d\",\"op\":\"decode\",\"token\":\"" + token + "\"}").get("content");
        assertEquals(4294967295L, decoded.get("salt").asLong());
        assertEquals(read("{\"1\":6,\"1000\":5}"), read(decoded.get("privileges").toString()));
        assertTrue(verify(token, CERT, "{\"hex\":\"ff00\"}", "\"\""));
        assertFalse(verify(token, CERT, "{\"hex\":\"ff01\"}", "\"\""));
    }

    @Test
    void errorsCarryTheProtocolCodes() {
        assertCode("invalid-argument", AccessToken2SchemeTest.buildRequest("RtcTokenBuilder.buildTokenWithUid",
                "\"channelName\":\"room\",\"uid\":4294967296,\"role\":1,\"privilegeExpiredTs\":600"));
        assertCode("invalid-argument", AccessToken2SchemeTest.buildRequest("RtcTokenBuilder.buildTokenWithUid",
                "\"channelName\":\"room\",\"uid\":1,\"role\":3,\"privilegeExpiredTs\":600"));
        assertCode("bad-request", AccessToken2SchemeTest.buildRequest("RtcTokenBuilder.buildTokenWithUid",
                "\"channelName\":\"room\",\"uid\":1,\"role\":1"));
        assertCode("malformed", "{\"id\":\"x\",\"op\":\"decode\",\"token\":\"006" + APP_ID + "AA\"}");
        assertCode("malformed", "{\"id\":\"x\",\"op\":\"verify\",\"token\":\"006short\",\"secret\":\"" + CERT
                + "\",\"channelName\":\"a\",\"uid\":\"\"}");
    }

    private boolean verify(String token, String secret, String channelJson, String uidJson) {
        JsonNode response = adapter.handle("{\"id\":\"v\",\"op\":\"verify\",\"token\":\"" + token + "\",\"secret\":\"" + secret
                + "\",\"channelName\":" + channelJson + ",\"uid\":" + uidJson + "}");
        assertTrue(response.get("ok").asBoolean(), response.toString());
        return response.get("valid").asBoolean();
    }
}
