package io.countersign.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.countersign.accesstoken2.AccessToken2;
import io.countersign.accesstoken2.AccessToken2Codec;
import io.countersign.accesstoken2.DecodedAccessToken2;
import io.countersign.accesstoken2.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import static io.countersign.server.Fixtures.APP_ID;
import static io.countersign.server.Fixtures.CERT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Agora sample route, the community routes, health and metrics, over real HTTP. */
class TokenServerTest {
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

    /** Decodes and verifies with the core, and checks what every token of this server has in common. */
    static AccessToken2 verified007(String token, long expire) {
        DecodedAccessToken2 decoded = AccessToken2Codec.decode(token);
        assertTrue(decoded.verify(CERT), "signed with the configured certificate");
        assertFalse(decoded.verify("00000000000000000000000000000000"), "not with another");
        AccessToken2 t = decoded.token();
        assertEquals(APP_ID, t.appId());
        assertEquals(expire, t.expire());
        long now = System.currentTimeMillis() / 1000;
        assertTrue(Math.abs(t.issueTs() - now) <= 5, "issued now by the real clock, was " + t.issueTs());
        assertTrue(t.salt() >= 1 && t.salt() <= 99_999_999, "a salt as the official builders draw it");
        return t;
    }

    static Service.Rtc rtc(AccessToken2 t) {
        return assertInstanceOf(Service.Rtc.class, t.services().get(0));
    }

    static final Map<Integer, Long> PUBLISHER = Map.of(1, 3600L, 2, 3600L, 3, 3600L, 4, 3600L);

    @Test
    void fetchRtcTokenAnswersAsTheGoSampleDoes() {
        HttpResponse<String> r = http.post("/fetch_rtc_token", "{\"uid\":2882341273,\"ChannelName\":\"room\",\"role\":1}");
        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
        JsonNode body = Http.json(r);
        // Go marshals its map[string]string with sorted keys, the status as a string.
        assertEquals(List.of("code", "token"), fieldNames(body));
        assertEquals("200", body.get("code").textValue());
        AccessToken2 t = verified007(body.get("token").textValue(), 3600);
        Service.Rtc rtc = rtc(t);
        assertEquals("room", rtc.channelName().utf8String());
        assertEquals("2882341273", rtc.uid().utf8String());
        assertEquals(PUBLISHER, rtc.privileges().toMap());
        assertTrue(server.tokensIssued(SampleRoutes.KIND) >= 1);
    }

    @Test
    void fetchRtcTokenMatchesKeysIgnoringCaseAndDefaultsAsGoZeroValues() {
        // encoding/json matches "channelName" to the tag "ChannelName"; no uid is 0 (any uid), no role joins only.
        HttpResponse<String> r = http.post("/fetch_rtc_token", "{\"channelName\":\"Room 1\"}");
        assertEquals(200, r.statusCode(), r.body());
        Service.Rtc rtc = rtc(verified007(Http.json(r).get("token").textValue(), 3600));
        assertEquals("Room 1", rtc.channelName().utf8String());
        assertEquals("", rtc.uid().utf8String());
        assertEquals(Map.of(1, 3600L), rtc.privileges().toMap());
    }

    @Test
    void fetchRtcTokenRefusesWhatAgorasRulesForbidNamingTheField() {
        String[][] cases = {
                {"{\"uid\":1,\"role\":1}", "ChannelName"},
                {"{\"uid\":1,\"ChannelName\":\"" + "a".repeat(65) + "\",\"role\":1}", "ChannelName"},
                {"{\"uid\":1,\"ChannelName\":\"caf\u00e9\",\"role\":1}", "ChannelName"},
                {"{\"uid\":1,\"ChannelName\":\"a/b\",\"role\":1}", "ChannelName"},
                {"{\"uid\":1,\"ChannelName\":\"\",\"role\":1}", "ChannelName"},
                {"{\"uid\":1,\"ChannelName\":7,\"role\":1}", "ChannelName"},
                {"{\"uid\":-1,\"ChannelName\":\"room\",\"role\":1}", "uid"},
                {"{\"uid\":4294967296,\"ChannelName\":\"room\",\"role\":1}", "uid"},
                {"{\"uid\":\"42\",\"ChannelName\":\"room\",\"role\":1}", "uid"},
                {"{\"uid\":1.5,\"ChannelName\":\"room\",\"role\":1}", "uid"},
                {"{\"uid\":1,\"ChannelName\":\"room\",\"role\":3}", "role"},
                {"{\"uid\":1,\"ChannelName\":\"room\",\"role\":\"host\"}", "role"},
                {"not json", "body"},
                {"[1,2]", "body"},
                {"{\"uid\":1,\"uid\":2,\"ChannelName\":\"room\"}", "body"},
                {"{\"ChannelName\":\"room\"} {}", "body"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = http.post("/fetch_rtc_token", c[0]);
            assertEquals(400, r.statusCode(), c[0]);
            JsonNode body = Http.json(r);
            assertEquals("400", body.get("code").textValue(), c[0]);
            assertEquals(c[1], body.get("field").textValue(), c[0]);
            assertTrue(body.get("token").textValue().startsWith("Bad request. "), body.toString());
        }
    }

    @Test
    void channelNameOfSixtyFourBytesOfEveryAllowedCharacterIsAccepted() {
        String all = "abcxyzABCXYZ0189 !#$%&()+-:;<=.>?@[]^_{}|~,";
        String name = (all + "a".repeat(64)).substring(0, 64);
        HttpResponse<String> r = http.post("/fetch_rtc_token", Http.JSON.createObjectNode()
                .put("uid", 4294967295L).put("ChannelName", name).put("role", 2).toString());
        assertEquals(200, r.statusCode(), r.body());
        Service.Rtc rtc = rtc(verified007(Http.json(r).get("token").textValue(), 3600));
        assertEquals(name, rtc.channelName().utf8String());
        assertEquals("4294967295", rtc.uid().utf8String());
    }

    @Test
    void pingAnswersPong() {
        HttpResponse<String> r = http.get("/ping");
        assertEquals(200, r.statusCode());
        assertEquals("{\"message\":\"pong\"}", r.body());
    }

    @Test
    void rtcRouteAnswersTheCommunityServiceShape() {
        HttpResponse<String> r = http.get("/rtc/room/publisher/uid/42/?expiry=600");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = Http.json(r);
        assertEquals(List.of("rtcToken"), fieldNames(body));
        Service.Rtc rtc = rtc(verified007(body.get("rtcToken").textValue(), 600));
        assertEquals("42", rtc.uid().utf8String());
        assertEquals(Map.of(1, 600L, 2, 600L, 3, 600L, 4, 600L), rtc.privileges().toMap());

        // No trailing slash, a user account, a subscriber, an encoded space, the default expiry.
        r = http.get("/rtc/my%20room/subscriber/userAccount/alice");
        assertEquals(200, r.statusCode(), r.body());
        rtc = rtc(verified007(Http.json(r).get("rtcToken").textValue(), 3600));
        assertEquals("my room", rtc.channelName().utf8String());
        assertEquals("alice", rtc.uid().utf8String());
        assertEquals(Map.of(1, 3600L), rtc.privileges().toMap());

        r = http.get("/rtc/room/audience/uid/0/");
        assertEquals("", rtc(verified007(Http.json(r).get("rtcToken").textValue(), 3600)).uid().utf8String());
    }

    @Test
    void rtcRouteRefusesBadParametersInTheCommunityErrorShape() {
        String[][] cases = {
                {"/rtc/room/host/uid/42/", "role"},
                {"/rtc/room/publisher/account/42/", "tokenType"},
                {"/rtc/room/publisher/uid/abc/", "uid"},
                {"/rtc/room/publisher/uid/4294967296/", "uid"},
                {"/rtc/room/publisher/uid/42/?expiry=0", "expiry"},
                {"/rtc/room/publisher/uid/42/?expiry=86401", "expiry"},
                {"/rtc/room/publisher/uid/42/?expiry=ten", "expiry"},
                {"/rtc/a%2Fb/publisher/uid/42/", "channelName"},
                {"/rtc/" + "c".repeat(65) + "/publisher/uid/42/", "channelName"},
                {"/rtc/caf%C3%A9/publisher/uid/42/", "channelName"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = http.get(c[0]);
            assertEquals(400, r.statusCode(), c[0]);
            JsonNode body = Http.json(r);
            assertEquals(List.of("field", "message", "status"), fieldNames(body), c[0]);
            assertEquals(c[1], body.get("field").textValue(), c[0]);
            assertEquals(400, body.get("status").intValue());
            assertTrue(body.get("message").textValue().startsWith("Error Generating RTC token: "), body.toString());
        }
    }

    @Test
    void rtmRouteSignsAnRtmLogin() {
        HttpResponse<String> r = http.get("/rtm/alice/?expiry=900");
        assertEquals(200, r.statusCode(), r.body());
        AccessToken2 t = verified007(Http.json(r).get("rtmToken").textValue(), 900);
        Service.Rtm rtm = assertInstanceOf(Service.Rtm.class, t.services().get(0));
        assertEquals("alice", rtm.userId().utf8String());
        assertEquals(Map.of(1, 900L), rtm.privileges().toMap());
        assertEquals(1, t.services().size());

        for (String bad : List.of("/rtm/0/", "/rtm/%20alice/", "/rtm/" + "u".repeat(65) + "/")) {
            HttpResponse<String> e = http.get(bad);
            assertEquals(400, e.statusCode(), bad);
            assertEquals("uid", Http.json(e).get("field").textValue());
        }
    }

    @Test
    void rteRouteSignsBothAndTheRtmTokenJoinsTheStreamChannel() {
        HttpResponse<String> r = http.get("/rte/room/publisher/uid/42/");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = Http.json(r);
        assertEquals(List.of("rtcToken", "rtmToken"), fieldNames(body));
        assertEquals("42", rtc(verified007(body.get("rtcToken").textValue(), 3600)).uid().utf8String());
        AccessToken2 rtm = verified007(body.get("rtmToken").textValue(), 3600);
        Service.Rtc stream = rtc(rtm);
        assertEquals("room", stream.channelName().utf8String());
        assertEquals("42", stream.uid().utf8String());
        assertEquals(Map.of(1, 3600L, 4, 3600L), stream.privileges().toMap());
        assertEquals("42", assertInstanceOf(Service.Rtm.class, rtm.services().get(1)).userId().utf8String());

        r = http.get("/rte/room/subscriber/userAccount/alice/bob?expiry=60");
        assertEquals(200, r.statusCode(), r.body());
        body = Http.json(r);
        assertEquals("alice", rtc(verified007(body.get("rtcToken").textValue(), 60)).uid().utf8String());
        assertEquals("bob", assertInstanceOf(Service.Rtm.class,
                verified007(body.get("rtmToken").textValue(), 60).services().get(1)).userId().utf8String());

        HttpResponse<String> e = http.get("/rte/room/publisher/uid/0/");
        assertEquals(400, e.statusCode());
        assertEquals("rtmuid", Http.json(e).get("field").textValue());
        assertTrue(Http.json(e).get("message").textValue().startsWith("Error Generating RTC and RTM token: "));
    }

    @Test
    void chatRoutesSignChatTokens() {
        AccessToken2 app = verified007(Http.json(http.get("/chat/app/?expiry=120")).get("chatToken").textValue(), 120);
        Service.Chat chat = assertInstanceOf(Service.Chat.class, app.services().get(0));
        assertEquals(Map.of(2, 120L), chat.privileges().toMap());
        AccessToken2 user = verified007(Http.json(http.get("/chat/account/alice")).get("chatToken").textValue(), 3600);
        chat = assertInstanceOf(Service.Chat.class, user.services().get(0));
        assertEquals("alice", chat.userId().utf8String());
        assertEquals(Map.of(1, 3600L), chat.privileges().toMap());
    }

    @Test
    void getTokenAnswersTheDocumentedShapeForEachTokenType() {
        HttpResponse<String> r = http.post("/getToken",
                "{\"tokenType\":\"rtc\",\"channel\":\"room\",\"role\":\"publisher\",\"uid\":\"42\",\"expire\":600}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of("token"), fieldNames(Http.json(r)));
        Service.Rtc rtc = rtc(verified007(Http.json(r).get("token").textValue(), 600));
        assertEquals("42", rtc.uid().utf8String());
        assertEquals(4, rtc.privileges().size());

        r = http.post("/getToken", "{\"tokenType\":\"rtc\",\"channel\":\"room\",\"uid\":\"user123\"}");
        rtc = rtc(verified007(Http.json(r).get("token").textValue(), 3600));
        assertEquals("user123", rtc.uid().utf8String());
        assertEquals(Map.of(1, 3600L), rtc.privileges().toMap());

        r = http.post("/getToken", "{\"tokenType\":\"rtm\",\"uid\":\"alice\",\"channel\":\"*\",\"expire\":0}");
        AccessToken2 rtm = verified007(Http.json(r).get("token").textValue(), 3600);
        assertEquals("*", rtc(rtm).channelName().utf8String());

        r = http.post("/getToken", "{\"tokenType\":\"rtm\",\"uid\":\"alice\"}");
        assertEquals(1, verified007(Http.json(r).get("token").textValue(), 3600).services().size());

        r = http.post("/getToken", "{\"tokenType\":\"chat\"}");
        assertEquals(Map.of(2, 3600L), verified007(Http.json(r).get("token").textValue(), 3600).services().get(0)
                .privileges().toMap());
    }

    @Test
    void getTokenRefusesBadRequestsWithItsErrorShape() {
        String[][] cases = {
                {"{\"tokenType\":\"video\"}", "tokenType"},
                {"{\"channel\":\"room\",\"uid\":\"1\"}", "tokenType"},
                {"{\"tokenType\":\"rtc\",\"uid\":\"1\"}", "channel"},
                {"{\"tokenType\":\"rtc\",\"channel\":\"room\"}", "uid"},
                {"{\"tokenType\":\"rtc\",\"channel\":\"room\",\"uid\":42}", "uid"},
                {"{\"tokenType\":\"rtc\",\"channel\":\"room\",\"uid\":\"1\",\"role\":\"host\"}", "role"},
                {"{\"tokenType\":\"rtc\",\"channel\":\"room\",\"uid\":\"1\",\"expire\":90000}", "expire"},
                {"{\"tokenType\":\"rtc\",\"channel\":\"room\",\"uid\":\"99999999999\"}", "uid"},
                {"{\"tokenType\":\"rtm\"}", "uid"},
                {"{\"tokenType\":\"rtm\",\"uid\":\"alice\",\"channel\":\"a/b\"}", "channel"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = http.post("/getToken", c[0]);
            assertEquals(400, r.statusCode(), c[0]);
            JsonNode body = Http.json(r);
            assertEquals(List.of("error", "field"), fieldNames(body), c[0]);
            assertEquals(c[1], body.get("field").textValue(), c[0]);
        }
    }

    @Test
    void healthAndMetrics() {
        http.post("/fetch_rtc_token", "{\"uid\":1,\"ChannelName\":\"metrics\",\"role\":1}");
        http.post("/fetch_rtc_token", "{\"uid\":1}");
        HttpResponse<String> health = http.get("/healthz");
        assertEquals(200, health.statusCode());
        assertEquals("ok", Http.json(health).get("status").textValue());

        HttpResponse<String> r = http.get("/metrics");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain; version=0.0.4"));
        String text = r.body();
        assertTrue(text.contains("countersign_http_requests_total{route=\"/fetch_rtc_token\",status=\"200\"} "), text);
        assertTrue(text.contains("countersign_http_requests_total{route=\"/fetch_rtc_token\",status=\"400\"} "), text);
        assertTrue(text.contains("countersign_http_errors_total{route=\"/fetch_rtc_token\",code=\"invalid-argument\"} "), text);
        assertTrue(text.contains("countersign_http_request_duration_seconds_bucket{route=\"/fetch_rtc_token\",le=\"+Inf\"} "), text);
        assertTrue(text.contains("countersign_http_request_duration_seconds_count{route=\"/fetch_rtc_token\"} "), text);
        assertTrue(text.contains("countersign_tokens_issued_total{kind=\"RtcTokenBuilder2.buildTokenWithUid\"} "), text);
        assertTrue(text.contains("# TYPE countersign_http_request_duration_seconds histogram"), text);
        for (String line : text.split("\n")) {
            assertTrue(line.startsWith("#") || line.matches("[a-z_]+(\\{[^}]*})? [0-9.E+-]+"), line);
        }
        // Histogram buckets are cumulative.
        long previous = -1;
        for (String line : text.split("\n")) {
            if (line.startsWith("countersign_http_request_duration_seconds_bucket{route=\"/fetch_rtc_token\"")) {
                long n = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
                assertTrue(n >= previous, line);
                previous = n;
            }
        }
        assertTrue(previous >= 2);
    }

    @Test
    void secretsNeverAppearInAnswersOrSettings() {
        ServerConfig config = Fixtures.config().apiKeys(List.of(Secret.of("key-123456"))).build();
        assertFalse(config.toString().contains(CERT));
        assertFalse(config.toString().contains(Fixtures.NETLESS_SK));
        assertFalse(config.toString().contains("key-123456"));
        assertEquals("Secret[redacted]", config.appCertificate().toString());
        for (String path : List.of("/metrics", "/healthz", "/v1/builders", "/nope")) {
            String body = http.get(path).body();
            assertFalse(body.contains(CERT) || body.contains(Fixtures.NETLESS_SK), path);
        }
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static SortedMap<Integer, Long> privileges(Service s) {
        return s.privileges().toMap();
    }
}
