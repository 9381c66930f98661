package io.countersign.cli.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden keys from agora-token 2.0.6, {@code require("agora-token/src/DynamicKey5").<method>(APP_ID,
 * CERT, CHANNEL, 1446455472, 58964981, 2882341273, 1446455471[, permission])} in {@code node -e}
 * (agora-access-token 2.0.4 and agoraiotools 0.3.4 give the same keys).
 */
class DynamicKey5SchemeTest extends AdapterCalls {
    private static final String APP_ID = AccessToken2SchemeTest.APP_ID;
    private static final String CERT = AccessToken2SchemeTest.CERT;
    private static final String CHANNEL = AccessTokenSchemeTest.CHANNEL;
    private static final String ARGS = "\"channelName\":\"" + CHANNEL + "\",\"unixTs\":1446455472,\"randomInt\":58964981,"
            + "\"uid\":2882341273,\"expiredTs\":1446455471";

    private static final String PUBLIC_SHARING = "005AwAoADc0QTk5RTVEQjI4MDk0NUI0NzUwNTk0MUFDMjM4MDU2NzIwREY3QjAQAJcMo13mDERkW7roohUGGzOwKDdW9buDA68oN1YAAA==";
    private static final String RECORDING = "005AgAoADkyOUM5RTQ2MTg3QTAyMkJBQUIyNkI3QkYwMTg0MzhDNjc1Q0ZFMUEQAJcMo13mDERkW7roohUGGzOwKDdW9buDA68oN1YAAA==";
    private static final String MEDIA_CHANNEL = "005AQAoAEJERTJDRDdFNkZDNkU0ODYxNkYxQTYwOUVFNTM1M0U5ODNCQjFDNDQQAJcMo13mDERkW7roohUGGzOwKDdW9buDA68oN1YAAA==";
    /** generateInChannelPermissionKey with permission "3". */
    private static final String AUDIO_VIDEO_UPLOAD = "005BAAoADJERDA3QThENTE2NzJGNjQwMzY5NTFBNzE0QkI5NTc0N0Q1QjZGQjMQAJcMo13mDERkW7roohUGGzOwKDdW9buDA68oN1YBAAEAAQAz";

    /** A 005 build request: the generators take their timestamp and salt as arguments, so no now/salt. */
    private static String buildRequest(String builder, String args) {
        return "{\"id\":\"b\",\"op\":\"build\",\"builder\":\"" + builder + "\",\"args\":{\"appId\":\"" + APP_ID
                + "\",\"appCertificate\":\"" + CERT + "\"," + args + "}}";
    }

    @Test
    void helloListsTheSchemeAndEveryBuilder() {
        JsonNode hello = adapter.handle("{\"id\":\"h\",\"op\":\"hello\"}");
        assertTrue(hello.get("schemes").toString().contains("\"005\""));
        for (String b : new String[] {"generatePublicSharingKey", "generateRecordingKey", "generateMediaChannelKey",
                "generateInChannelPermissionKey"}) {
            assertTrue(hello.get("builders").toString().contains("\"DynamicKey5." + b + "\""), b);
        }
    }

    @Test
    void shouldBuildTheOfficialKeys() {
        assertEquals(PUBLIC_SHARING, token(buildRequest("DynamicKey5.generatePublicSharingKey", ARGS)));
        assertEquals(RECORDING, token(buildRequest("DynamicKey5.generateRecordingKey", ARGS)));
        assertEquals(MEDIA_CHANNEL, token(buildRequest("DynamicKey5.generateMediaChannelKey", ARGS)));
        assertEquals(AUDIO_VIDEO_UPLOAD, token(buildRequest("DynamicKey5.generateInChannelPermissionKey",
                ARGS + ",\"permission\":\"3\"")));
    }

    @Test
    void shouldDecodeWithoutChannelAndUid() {
        JsonNode content = adapter.handle("{\"id\":\"d\",\"op\":\"decode\",\"token\":\"" + AUDIO_VIDEO_UPLOAD + "\"}")
                .get("content");
        assertEquals(read("{\"scheme\":\"005\",\"serviceType\":4,\"appId\":\"" + APP_ID.toLowerCase()
                + "\",\"unixTs\":1446455472,\"salt\":58964981,\"expiredTs\":1446455471,\"extra\":{\"1\":\"3\"},"
                + "\"signature\":\"2DD07A8D51672F64036951A714BB95747D5B6FB3\"}"), read(content.toString()));
    }

    @Test
    void verifyNeedsTheChannelAndUid() {
        assertTrue(verify(MEDIA_CHANNEL, CERT, "\"" + CHANNEL + "\"", "2882341273"));
        assertTrue(verify(MEDIA_CHANNEL, CERT.toLowerCase(), "\"" + CHANNEL + "\"", "\"2882341273\""));
        assertFalse(verify(MEDIA_CHANNEL, CERT, "\"" + CHANNEL + "\"", "0"));
        assertFalse(verify(MEDIA_CHANNEL, CERT, "\"room\"", "2882341273"));
        assertFalse(verify(MEDIA_CHANNEL, CERT.replace('5', '4'), "\"" + CHANNEL + "\"", "2882341273"));
        assertCode("bad-request", "{\"id\":\"v\",\"op\":\"verify\",\"token\":\"" + MEDIA_CHANNEL + "\",\"secret\":\"" + CERT
                + "\",\"channelName\":\"" + CHANNEL + "\"}");
        assertCode("invalid-argument", "{\"id\":\"v\",\"op\":\"verify\",\"token\":\"" + MEDIA_CHANNEL + "\",\"secret\":\""
                + CERT + "\",\"channelName\":\"" + CHANNEL + "\",\"uid\":\"-1\"}");
    }

    @Test
    void shouldEncodeContentAndDecodeItBack() {
        String content = "{\"scheme\":\"005\",\"serviceType\":65535,\"appId\":\"" + APP_ID.toLowerCase() + "\","
                + "\"unixTs\":4294967295,\"salt\":0,\"channelName\":{\"hex\":\"ff\"},\"uid\":7,\"expiredTs\":0,"
                + "\"extra\":{\"2\":\"b\",\"1\":{\"hex\":\"c3\"}}}";
        String token = adapter.handle("{\"id\":\"e\",\"op\":\"encode\",\"content\":" + content + ",\"secret\":\"" + CERT + "\"}")
                .get("token").asText();
        JsonNode decoded = adapter.handle("{\"id\":\"d\",\"op\":\"decode\",\"token\":\"" + token + "\"}").get("content");
        assertEquals(read("{\"1\":{\"hex\":\"c3\"},\"2\":\"b\"}"), decoded.get("extra"));
        assertEquals(65535, decoded.get("serviceType").asInt());
        assertTrue(verify(token, CERT, "{\"hex\":\"ff\"}", "7"));
    }

    @Test
    void errorsCarryTheProtocolCodes() {
        assertCode("invalid-argument", buildRequest("DynamicKey5.generateMediaChannelKey",
                ARGS.replace("2882341273", "4294967296")));
        assertCode("bad-request", buildRequest("DynamicKey5.generateInChannelPermissionKey", ARGS));
        assertCode("malformed", "{\"id\":\"x\",\"op\":\"decode\",\"token\":\"005AQAo\"}");
    }

    private boolean verify(String token, String secret, String channelJson, String uidJson) {
        JsonNode response = adapter.handle("{\"id\":\"v\",\"op\":\"verify\",\"token\":\"" + token + "\",\"secret\":\"" + secret
                + "\",\"channelName\":" + channelJson + ",\"uid\":" + uidJson + "}");
        assertTrue(response.get("ok").asBoolean(), response.toString());
        return response.get("valid").asBoolean();
    }
}
