package io.countersign.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.countersign.accesstoken.AccessTokenCodec;
import io.countersign.accesstoken.DecodedAccessToken;
import io.countersign.accesstoken2.AccessToken2;
import io.countersign.dynamickey5.DecodedDynamicKey5;
import io.countersign.dynamickey5.DynamicKey5Codec;
import io.countersign.netless.DecodedNetlessToken;
import io.countersign.netless.NetlessCodec;
import io.countersign.signaling.SignalingTokenCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static io.countersign.server.Fixtures.APP_ID;
import static io.countersign.server.Fixtures.CERT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** {@code /v1/tokens} for every builder the core has, {@code /v1/decode}, {@code /v1/builders}. */
class TokenRoutesTest {
    private static TokenServer server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        server = TokenServer.start(Fixtures.config().build());
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static final String RTM2_PERMISSIONS =
            "[{\"resourceType\":1,\"permissions\":[{\"permissionType\":1,\"resources\":[\"chat-room\"]}]}]";
    private static final String RTC_RTM = "\"channelName\":\"room\",\"rtcAccount\":\"alice\",\"rtcRole\":1,"
            + "\"rtcTokenExpire\":600,\"joinChannelPrivilegeExpire\":600,\"pubAudioPrivilegeExpire\":600,"
            + "\"pubVideoPrivilegeExpire\":600,\"pubDataStreamPrivilegeExpire\":600,\"rtmUserId\":\"alice-rtm\","
            + "\"rtmTokenExpire\":600";

    /** Arguments for every builder of PROTOCOL.md, less the App ID, certificate, clock and randomness the server adds. */
    static Map<String, String> args(long now) {
        Map<String, String> a = new LinkedHashMap<>();
        String privileges = "\"tokenExpire\":600,\"joinChannelPrivilegeExpire\":600,\"pubAudioPrivilegeExpire\":600,"
                + "\"pubVideoPrivilegeExpire\":600,\"pubDataStreamPrivilegeExpire\":600";
        a.put("RtcTokenBuilder2.buildTokenWithUid", "{\"channelName\":\"room\",\"uid\":42,\"role\":1,\"tokenExpire\":600,\"privilegeExpire\":600}");
        a.put("RtcTokenBuilder2.buildTokenWithUserAccount", "{\"channelName\":\"room\",\"account\":\"alice\",\"role\":2,\"tokenExpire\":600}");
        a.put("RtcTokenBuilder2.buildTokenWithUidAndPrivilege", "{\"channelName\":\"room\",\"uid\":42," + privileges + "}");
        a.put("RtcTokenBuilder2.buildTokenWithUserAccountAndPrivilege", "{\"channelName\":\"room\",\"account\":\"alice\"," + privileges + "}");
        a.put("RtcTokenBuilder2.buildTokenWithRtm", "{\"channelName\":\"room\",\"account\":\"alice\",\"role\":1,\"tokenExpire\":600,\"privilegeExpire\":600}");
        a.put("RtcTokenBuilder2.buildTokenWithRtm2", "{" + RTC_RTM + "}");
        a.put("RtmTokenBuilder2.buildToken", "{\"userId\":\"alice\",\"expire\":600}");
        a.put("RtmTokenBuilder2.buildTokenWithStreamChannel", "{\"userId\":\"alice\",\"channelName\":\"*\",\"expire\":600}");
        a.put("RtmTokenBuilder2.buildTokenWithPermissions", "{\"userId\":\"alice\",\"permissions\":" + RTM2_PERMISSIONS + ",\"expire\":600}");
        a.put("ChatTokenBuilder2.buildUserToken", "{\"userId\":\"alice\",\"expire\":600}");
        a.put("ChatTokenBuilder2.buildAppToken", "{\"expire\":600}");
        a.put("FpaTokenBuilder.buildToken", "{}");
        for (String b : new String[] {"EducationTokenBuilder2", "ApaasTokenBuilder"}) {
            a.put(b + ".buildRoomUserToken", "{\"roomUuid\":\"room-1\",\"userUuid\":\"user-1\",\"role\":1,\"expire\":600}");
            a.put(b + ".buildUserToken", "{\"userUuid\":\"user-1\",\"expire\":600}");
            a.put(b + ".buildAppToken", "{\"expire\":600}");
        }
        a.put("ConvoAITokenBuilder.buildToken", "{" + RTC_RTM + "}");
        a.put("SttTokenBuilder.buildToken", "{" + RTC_RTM + "}");
        a.put("RtcTokenBuilder.buildTokenWithUid", "{\"channelName\":\"room\",\"uid\":42,\"role\":1,\"privilegeExpiredTs\":" + (now + 600) + "}");
        a.put("RtcTokenBuilder.buildTokenWithAccount", "{\"channelName\":\"room\",\"account\":\"alice\",\"role\":1,\"privilegeExpiredTs\":" + (now + 600) + "}");
        a.put("RtmTokenBuilder.buildToken", "{\"account\":\"alice\",\"privilegeExpiredTs\":" + (now + 600) + "}");
        for (String k : new String[] {"generatePublicSharingKey", "generateRecordingKey", "generateMediaChannelKey"}) {
            a.put("DynamicKey5." + k, "{\"channelName\":\"room\",\"uid\":42,\"expiredTs\":" + (now + 600) + "}");
        }
        a.put("DynamicKey5.generateInChannelPermissionKey", "{\"channelName\":\"room\",\"uid\":42,\"expiredTs\":" + (now + 600)
                + ",\"permission\":\"3\"}");
        a.put("SignalingToken.get", "{\"account\":\"alice\",\"validTimeInSeconds\":600}");
        a.put("NetlessToken.sdkToken", "{\"lifespan\":600000,\"content\":{\"role\":\"0\"}}");
        a.put("NetlessToken.roomToken", "{\"lifespan\":600000,\"content\":{\"role\":\"1\",\"uuid\":\"room-uuid\"}}");
        a.put("NetlessToken.taskToken", "{\"lifespan\":600000,\"content\":{\"role\":\"2\",\"uuid\":\"task-uuid\"}}");
        return a;
    }

    static ObjectNode call(String builder, String args) {
        try {
            ObjectNode call = Http.JSON.createObjectNode();
            call.put("builder", builder);
            call.set("args", Http.JSON.readTree(args));
            return call;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyBuilderIssuesATokenTheCoreVerifies() {
        JsonNode builders = Http.json(http.get("/v1/builders")).get("builders");
        long now = System.currentTimeMillis() / 1000;
        Map<String, String> args = args(now);
        Set<String> seen = new HashSet<>();
        for (JsonNode b : builders) {
            String builder = b.get("builder").textValue();
            String scheme = b.get("scheme").textValue();
            assertTrue(b.get("available").booleanValue(), builder);
            String a = args.get(builder);
            if (a == null) {
                fail("no test arguments for " + builder + ": add them to args()");
            }
            HttpResponse<String> r = http.post("/v1/tokens", call(builder, a).toString());
            assertEquals(200, r.statusCode(), builder + ": " + r.body());
            JsonNode body = Http.json(r);
            assertEquals(builder, body.get("builder").textValue());
            assertEquals(scheme, body.get("scheme").textValue());
            verify(scheme, builder, body.get("token").textValue(), now);
            seen.add(builder);
        }
        assertEquals(args.keySet(), seen, "every builder listed and tested");
    }

    private static void verify(String scheme, String builder, String token, long now) {
        switch (scheme) {
            case "007" -> {
                AccessToken2 t = TokenServerTest.verified007(token, builder.startsWith("FpaTokenBuilder") ? 86400 : 600);
                assertFalse(t.services().isEmpty(), builder);
            }
            case "006" -> {
                DecodedAccessToken d = AccessTokenCodec.decode(token);
                String uid = builder.endsWith("WithUid") ? "42" : "alice";
                String channel = builder.startsWith("RtmTokenBuilder") ? "alice" : "room";
                assertTrue(d.verify(CERT, builder.startsWith("RtmTokenBuilder") ? channel : "room",
                        builder.startsWith("RtmTokenBuilder") ? "" : uid), builder);
                assertEquals(APP_ID, d.appId());
                assertTrue(Math.abs(d.ts() - (now + 86_400)) <= 5, "006 ts is now + 24 h, as the official builders write it");
            }
            case "005" -> {
                DecodedDynamicKey5 d = DynamicKey5Codec.decode(token);
                assertTrue(d.verify(CERT, "room", 42), builder);
                assertTrue(Math.abs(d.unixTs() - now) <= 5, "unixTs is the server's clock");
                assertEquals(now + 600, d.expiredTs());
            }
            case "signaling" -> {
                assertTrue(SignalingTokenCodec.decode(token).verify(CERT, "alice"), builder);
                assertTrue(Math.abs(SignalingTokenCodec.decode(token).expiredTs() - (now + 600)) <= 5);
            }
            case "netless" -> {
                DecodedNetlessToken d = NetlessCodec.decode(token);
                assertTrue(d.verify(Fixtures.NETLESS_SK), builder);
                assertFalse(d.verify("another-sk"), builder);
                assertEquals(Fixtures.NETLESS_AK, d.content().ak());
                long expireAt = d.content().expireAt().orElseThrow();
                assertTrue(Math.abs(expireAt - (now * 1000 + 600_000)) <= 5000, "expires a lifespan from now");
            }
            default -> fail("unknown scheme " + scheme);
        }
    }

    @Test
    void tokensRefusesSecretsClockRandomnessAndForeignAppIds() {
        String[][] cases = {
                {"RtcTokenBuilder2.buildTokenWithUid", "{\"appCertificate\":\"" + CERT + "\",\"channelName\":\"room\",\"uid\":1,\"role\":1,\"tokenExpire\":600}", "args.appCertificate"},
                {"RtcTokenBuilder2.buildTokenWithUid", "{\"appId\":\"00000000000000000000000000000000\",\"channelName\":\"room\",\"uid\":1,\"role\":1,\"tokenExpire\":600}", "args.appId"},
                {"NetlessToken.sdkToken", "{\"sk\":\"x\",\"lifespan\":1000,\"content\":{\"role\":\"0\"}}", "args.sk"},
                {"NetlessToken.sdkToken", "{\"ak\":\"someone-else\",\"lifespan\":1000,\"content\":{\"role\":\"0\"}}", "args.ak"},
                {"DynamicKey5.generateMediaChannelKey", "{\"channelName\":\"room\",\"uid\":1,\"expiredTs\":1,\"unixTs\":1}", "args.unixTs"},
                {"DynamicKey5.generateMediaChannelKey", "{\"channelName\":\"room\",\"uid\":1,\"expiredTs\":1,\"randomInt\":1}", "args.randomInt"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = http.post("/v1/tokens", call(c[0], c[1]).toString());
            assertEquals(400, r.statusCode(), c[1]);
            JsonNode error = Http.json(r).get("error");
            assertEquals(c[2], error.get("field").textValue(), r.body());
            assertEquals("invalid-argument", error.get("code").textValue());
            assertFalse(r.body().contains(CERT), "the certificate is never echoed");
        }
        // Repeating the configured App ID is fine.
        HttpResponse<String> r = http.post("/v1/tokens", call("RtcTokenBuilder2.buildTokenWithUid",
                "{\"appId\":\"" + APP_ID + "\",\"channelName\":\"room\",\"uid\":1,\"role\":1,\"tokenExpire\":600}").toString());
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void tokensAppliesAgorasRulesAndTheLifetimeCap() {
        long now = System.currentTimeMillis() / 1000;
        String[][] cases = {
                {"RtcTokenBuilder2.buildTokenWithUid", "{\"channelName\":\"a/b\",\"uid\":1,\"role\":1,\"tokenExpire\":600}", "args.channelName"},
                {"RtcTokenBuilder2.buildTokenWithUid", "{\"channelName\":\"room\",\"uid\":1,\"role\":1,\"tokenExpire\":0}", "args.tokenExpire"},
                {"RtcTokenBuilder2.buildTokenWithUid", "{\"channelName\":\"room\",\"uid\":1,\"role\":1,\"tokenExpire\":86401}", "args.tokenExpire"},
                {"RtcTokenBuilder2.buildTokenWithUid", "{\"channelName\":\"room\",\"uid\":1,\"role\":1,\"tokenExpire\":600,\"privilegeExpire\":86401}", "args.privilegeExpire"},
                {"RtcTokenBuilder2.buildTokenWithUid", "{\"channelName\":\"room\",\"uid\":4294967296,\"role\":1,\"tokenExpire\":600}", "args.uid"},
                {"RtcTokenBuilder2.buildTokenWithUid", "{\"channelName\":\"room\",\"uid\":1,\"role\":3,\"tokenExpire\":600}", "role"},
                {"RtcTokenBuilder2.buildTokenWithUserAccount", "{\"channelName\":\"room\",\"account\":\"" + "a".repeat(256) + "\",\"role\":1,\"tokenExpire\":600}", "args.account"},
                {"RtmTokenBuilder2.buildToken", "{\"userId\":\" alice\",\"expire\":600}", "args.userId"},
                {"RtcTokenBuilder.buildTokenWithUid", "{\"channelName\":\"room\",\"uid\":1,\"role\":1,\"privilegeExpiredTs\":0}", "args.privilegeExpiredTs"},
                {"RtcTokenBuilder.buildTokenWithUid", "{\"channelName\":\"room\",\"uid\":1,\"role\":1,\"privilegeExpiredTs\":" + (now + 90_000) + "}", "args.privilegeExpiredTs"},
                {"DynamicKey5.generateMediaChannelKey", "{\"channelName\":\"room\",\"uid\":1,\"expiredTs\":0}", "args.expiredTs"},
                {"NetlessToken.sdkToken", "{\"lifespan\":0,\"content\":{\"role\":\"0\"}}", "args.lifespan"},
                {"SignalingToken.get", "{\"account\":\"alice\",\"validTimeInSeconds\":0}", "args.validTimeInSeconds"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = http.post("/v1/tokens", call(c[0], c[1]).toString());
            assertEquals(400, r.statusCode(), c[1] + " -> " + r.body());
            assertEquals(c[2], Http.json(r).get("error").get("field").textValue(), r.body());
        }
    }

    @Test
    void tokensRefusesMalformedRequests() {
        String[][] cases = {
                {"{\"args\":{}}", "builder", "bad-request"},
                {"{\"builder\":\"NoSuchBuilder.build\",\"args\":{}}", "builder", "unsupported"},
                {"{\"builder\":\"RtcTokenBuilder2.buildTokenWithUid\",\"args\":[]}", "args", "bad-request"},
                {"{\"builder\":\"RtcTokenBuilder2.buildTokenWithUid\",\"args\":{\"channelName\":\"room\"}}", null, "bad-request"},
                {"{\"builder\":\"RtcTokenBuilder2.buildTokenWithUid\",\"args\":{\"channelName\":\"room\",\"uid\":\"1\",\"role\":1,\"tokenExpire\":1}}", null, "bad-request"},
                {"{", "body", "bad-request"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = http.post("/v1/tokens", c[0]);
            assertEquals(400, r.statusCode(), c[0]);
            JsonNode error = Http.json(r).get("error");
            assertEquals(c[2], error.get("code").textValue(), r.body());
            if (c[1] != null) {
                assertEquals(c[1], error.get("field").textValue(), r.body());
            }
        }
    }

    @Test
    void decodeGivesProtocolContentWithoutASecret() {
        String token = Http.json(http.post("/fetch_rtc_token", "{\"uid\":42,\"ChannelName\":\"room\",\"role\":1}"))
                .get("token").textValue();
        HttpResponse<String> r = http.post("/v1/decode", "{\"token\":\"" + token + "\"}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode content = Http.json(r).get("content");
        assertEquals("007", content.get("scheme").textValue());
        assertEquals(APP_ID, content.get("appId").textValue());
        assertEquals(3600, content.get("expire").intValue());
        JsonNode rtc = content.get("services").get(0);
        assertEquals(1, rtc.get("type").intValue());
        assertEquals("room", rtc.get("channelName").textValue());
        assertEquals("42", rtc.get("uid").textValue());

        String netless = Http.json(http.post("/v1/tokens", call("NetlessToken.roomToken",
                "{\"lifespan\":1000,\"content\":{\"role\":\"1\",\"uuid\":\"u\"}}").toString())).get("token").textValue();
        content = Http.json(http.post("/v1/decode", "{\"token\":\"" + netless + "\"}")).get("content");
        assertEquals("netless", content.get("scheme").textValue());
        assertEquals("NETLESSROOM_", content.get("prefix").textValue());

        for (String bad : new String[] {"007eJx!!!", "hello", token.substring(0, token.length() - 4)}) {
            HttpResponse<String> e = http.post("/v1/decode", "{\"token\":\"" + bad + "\"}");
            assertEquals(400, e.statusCode(), bad);
            assertEquals("malformed", Http.json(e).get("error").get("code").textValue(), e.body());
            assertEquals("token", Http.json(e).get("error").get("field").textValue(), e.body());
        }
    }
}
