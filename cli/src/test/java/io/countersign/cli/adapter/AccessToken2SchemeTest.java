package io.countersign.cli.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessToken2SchemeTest extends AdapterCalls {
    static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";

    static String buildRequest(String builder, String args) {
        return "{\"id\":\"b\",\"op\":\"build\",\"builder\":\"" + builder + "\",\"args\":{\"appId\":\"" + APP_ID
                + "\",\"appCertificate\":\"" + CERT + "\"" + (args.isEmpty() ? "" : "," + args)
                + "},\"now\":1700000000,\"salt\":12345678}";
    }

    @Test
    void helloListsTheSchemeAndEveryBuilder() {
        JsonNode hello = adapter.handle("{\"id\":\"h\",\"op\":\"hello\"}");
        assertTrue(hello.get("ok").asBoolean());
        assertEquals("007", hello.get("schemes").get(0).asText());
        assertTrue(hello.get("builders").toString().contains("RtcTokenBuilder2.buildTokenWithRtm2"));
        assertTrue(hello.get("builders").toString().contains("SttTokenBuilder.buildToken"));
    }

    @Test
    void shouldBuildDecodeAndVerifyWithTheFixedClockAndSalt() {
        JsonNode built = adapter.handle(buildRequest("RtcTokenBuilder2.buildTokenWithUid",
                "\"channelName\":\"room\",\"uid\":0,\"role\":2,\"tokenExpire\":600,\"privilegeExpire\":300"));
        String token = built.get("token").asText();

        JsonNode content = adapter.handle("{\"id\":\"d\",\"op\":\"decode\",\"token\":\"" + token + "\"}").get("content");
        assertEquals(1700000000L, content.get("issueTs").asLong());
        assertEquals(12345678L, content.get("salt").asLong());
        JsonNode rtc = content.get("services").get(0);
        assertEquals("", rtc.get("uid").asText(), "uid 0 packs as the empty string");
        assertEquals("{\"1\":300}", rtc.get("privileges").toString(), "a subscriber only joins");
        assertTrue(verify(token, CERT));
        assertFalse(verify(token, CERT.replace('5', '4')));
    }

    @Test
    void shouldEncodeContentWithRawBytesAndDecodeItBack() {
        String content = "{\"scheme\":\"007\",\"appId\":\"" + APP_ID + "\",\"issueTs\":1,\"expire\":2,\"salt\":3,\"services\":["
                + "{\"type\":8,\"privileges\":{\"1\":5},\"userId\":{\"hex\":\"ff00\"},\"permissions\":"
                + "[{\"resourceType\":1,\"permissions\":[{\"permissionType\":0,\"resources\":[\"a*\",\"\u6f22\"]}]}]},"
                + "{\"type\":7,\"privileges\":{},\"roomUuid\":\"r\",\"userUuid\":\"u\",\"role\":-1}]}";
        JsonNode encoded = adapter.handle("{\"id\":\"e\",\"op\":\"encode\",\"content\":" + content + ",\"secret\":\"" + CERT + "\"}");
        JsonNode decoded = adapter.handle("{\"id\":\"d\",\"op\":\"decode\",\"token\":\"" + encoded.get("token").asText() + "\"}")
                .get("content");

        ObjectNode expected = (ObjectNode) read(content);
        // Packed by type: APaaS (7) before RTM2 (8).
        expected.set("services", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(expected.get("services").get(1)).add(expected.get("services").get(0)));
        ((ObjectNode) decoded).remove("signature");
        assertEquals(expected, read(decoded.toString()), "compared as parsed JSON, so number node types do not matter");
    }

    @Test
    void errorsCarryTheProtocolCodes() {
        assertCode("invalid-argument", buildRequest("RtcTokenBuilder2.buildTokenWithUid",
                "\"channelName\":\"room\",\"uid\":4294967296,\"role\":1,\"tokenExpire\":600,\"privilegeExpire\":600"));
        assertCode("invalid-argument", buildRequest("RtcTokenBuilder2.buildTokenWithUid",
                "\"channelName\":\"room\",\"uid\":1,\"role\":3,\"tokenExpire\":600,\"privilegeExpire\":600"));
        assertCode("bad-request", buildRequest("RtcTokenBuilder2.buildTokenWithUid", "\"channelName\":\"room\""));
        assertCode("bad-request", buildRequest("RtcTokenBuilder2.buildTokenWithUid",
                "\"channelName\":7,\"uid\":1,\"role\":1,\"tokenExpire\":600,\"privilegeExpire\":600"));
        assertCode("unsupported", buildRequest("NoSuchBuilder.build", ""));
        assertCode("unsupported", "{\"id\":\"x\",\"op\":\"fly\"}");
        assertCode("malformed", "{\"id\":\"x\",\"op\":\"decode\",\"token\":\"007eJ\"}");
        assertCode("malformed", "{\"id\":\"x\",\"op\":\"decode\",\"token\":\"hello\"}");
        assertCode("bad-request", "[1,2]");
        assertCode("bad-request", "{\"op\":\"hello\"}");
    }

    @Test
    void aBadCertificateIsNamedButNeverEchoed() {
        String secret = "0123456789abcdef0123456789abcdez";
        JsonNode response = adapter.handle(buildRequest("FpaTokenBuilder.buildToken", "").replace(CERT, secret));
        assertEquals("invalid-argument", response.get("error").get("code").asText());
        assertTrue(response.toString().contains("appCertificate"));
        assertFalse(response.toString().contains(secret));
    }

    @Test
    void oneBadLineNeverStopsTheLoop() throws Exception {
        String input = "not json\n{\"id\":\"1\",\"op\":\"hello\"}\n\n{\"id\":\"2\",\"op\":\"verify\"}\n{\"id\":\"3\",\"op\":\"hello\"}\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        adapter.run(new BufferedReader(new StringReader(input)), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(5, lines.length);
        assertEquals("bad-request", read(lines[0]).get("error").get("code").asText());
        assertEquals("1", read(lines[1]).get("id").asText());
        assertEquals("bad-request", read(lines[3]).get("error").get("code").asText());
        assertEquals("3", read(lines[4]).get("id").asText());
    }

    private boolean verify(String token, String secret) {
        return adapter.handle("{\"id\":\"v\",\"op\":\"verify\",\"token\":\"" + token + "\",\"secret\":\"" + secret + "\"}")
                .get("valid").asBoolean();
    }
}
