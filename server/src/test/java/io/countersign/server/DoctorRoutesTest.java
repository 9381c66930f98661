package io.countersign.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.countersign.accesstoken2.RtcTokenBuilder2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static io.countersign.server.Fixtures.APP_ID;
import static io.countersign.server.Fixtures.CERT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /} (the inspector page) and {@code POST /v1/verify} with two certificates, as during rotation. */
class DoctorRoutesTest {
    /** The new certificate, which signs; {@link Fixtures#CERT} is the old one, still accepted. */
    static final String NEW_CERT = "0123456789abcdef0123456789abcdef";
    static final String API_KEY = "doctor-test-key";

    private static TokenServer server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        server = TokenServer.start(Fixtures.config().appCertificate(Secret.of(NEW_CERT)).appCertificateSecondary(Secret.of(CERT))
                .apiKeys(java.util.List.of(Secret.of(API_KEY))).build());
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode verify(String body) {
        HttpResponse<String> response = http.post("/v1/verify", body, "X-API-Key", API_KEY);
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response);
    }

    private static String oldToken(String channel, long uid) {
        return new RtcTokenBuilder2().buildTokenWithUid(APP_ID, CERT, channel, uid, RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600);
    }

    @Test
    void shouldSignWithThePrimaryAndAcceptBothCertificates() {
        HttpResponse<String> issued = http.post("/v1/tokens", "{\"builder\":\"RtcTokenBuilder2.buildTokenWithUid\",\"args\":"
                + "{\"channelName\":\"room\",\"uid\":42,\"role\":1,\"tokenExpire\":600,\"privilegeExpire\":600}}", "X-API-Key", API_KEY);
        String fresh = Http.json(issued).path("token").asText();
        JsonNode primary = verify("{\"token\":\"" + fresh + "\",\"channelName\":\"room\",\"uid\":42}");
        assertEquals("valid", primary.path("verdict").asText());
        assertEquals("primary", primary.path("signature").asText());

        JsonNode secondary = verify("{\"token\":\"" + oldToken("room", 42) + "\"}");
        assertEquals("valid", secondary.path("verdict").asText());
        assertEquals("secondary", secondary.path("signature").asText());

        String stranger = new RtcTokenBuilder2().buildTokenWithUid(APP_ID, "fedcba9876543210fedcba9876543210", "room", 42,
                RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600);
        JsonNode bad = verify("{\"token\":\"" + stranger + "\"}");
        assertEquals("invalid", bad.path("verdict").asText());
        assertEquals("bad-signature", bad.path("findings").path(0).path("code").asText());
        assertFalse(bad.toString().contains(CERT) || bad.toString().contains(NEW_CERT));
    }

    @Test
    void shouldListEveryProblemWithItsFacts() {
        JsonNode result = verify("{\"token\":\"" + oldToken("room", 42) + "\",\"channelName\":\"lobby\",\"account\":\"bob\","
                + "\"service\":\"rtm\"}");
        assertEquals("invalid", result.path("verdict").asText());
        assertEquals("missing-service", result.path("findings").path(0).path("code").asText());
        assertEquals("RTM", result.path("findings").path(0).path("service").asText());
        // With an RTM service expected, the RTC service's channel and uid are not what the client uses.
        assertEquals(1, result.path("findings").size(), result.toString());

        JsonNode rtc = verify("{\"token\":\"" + oldToken("room", 42) + "\",\"channelName\":\"lobby\",\"account\":\"bob\","
                + "\"service\":\"rtc\",\"privileges\":[\"kPrivilegeJoinChannel\",4]}");
        assertEquals("wrong-channel", rtc.path("findings").path(0).path("code").asText());
        assertEquals("room", rtc.path("findings").path(0).path("actual").asText());
        assertEquals("account-but-uid-packed", rtc.path("findings").path(1).path("code").asText());
        assertEquals("kPrivilegeJoinChannel", rtc.path("inspection").path("grants").path(0).path("name").asText());
    }

    /** 300 RTM2 resource names: within the core's default cap (1024), past the server's (256). */
    @Test
    void shouldHoldTokensToTheServersDecodeLimits() {
        java.util.List<io.countersign.codec.ByteString> names = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            names.add(io.countersign.codec.ByteString.utf8("channel-" + i));
        }
        String token = io.countersign.accesstoken2.AccessToken2Codec.encode(new io.countersign.accesstoken2.AccessToken2(APP_ID,
                1_700_000_000L, 3600, 1, new io.countersign.accesstoken2.Service.Rtm2(io.countersign.codec.ByteString.utf8("alice"),
                        java.util.List.of(new io.countersign.accesstoken2.Service.Rtm2Resource(0, java.util.List.of(
                                new io.countersign.accesstoken2.Service.Rtm2Permission(1, names)))),
                        io.countersign.codec.Privileges.of(io.countersign.accesstoken2.Service.Rtm2.LOGIN, 3600))), CERT);
        assertEquals(1, io.countersign.accesstoken2.AccessToken2Codec.decode(token).token().services().size(),
                "the core's default limits decode it");
        JsonNode result = verify("{\"token\":\"" + token + "\"}");
        assertEquals("malformed", result.path("verdict").asText(), result.toString());
        assertEquals("TOO_LARGE", result.path("findings").path(0).path("reason").asText(), result.toString());
    }

    @Test
    void shouldAnswerAMalformedTokenWithItsVerdict() {
        JsonNode result = verify("{\"token\":\"007eJx!\"}");
        assertEquals("malformed", result.path("verdict").asText());
        assertEquals("BAD_BASE64", result.path("findings").path(0).path("reason").asText());
        assertTrue(result.path("inspection").isNull());
    }

    @Test
    void shouldRefuseABadRequestNamingTheField() {
        String token = oldToken("room", 42);
        String[][] cases = {
                {"{}", "token"},
                {"{\"token\":42}", "token"},
                {"{\"token\":\"" + token + "\",\"uid\":1,\"account\":\"a\"}", "account"},
                {"{\"token\":\"" + token + "\",\"uid\":-1}", "uid"},
                {"{\"token\":\"" + token + "\",\"uid\":\"42\"}", "uid"},
                {"{\"token\":\"" + token + "\",\"service\":\"video\"}", "service"},
                {"{\"token\":\"" + token + "\",\"service\":\"rtc\",\"privileges\":[\"kPrivilegeLogin\"]}", "privileges[0]"},
                {"{\"token\":\"" + token + "\",\"privileges\":[1]}", "privileges"},
                {"{\"token\":\"" + token + "\",\"leeway\":-5}", "leeway"}};
        for (String[] c : cases) {
            HttpResponse<String> response = http.post("/v1/verify", c[0], "X-API-Key", API_KEY);
            assertEquals(400, response.statusCode(), c[0] + " -> " + response.body());
            assertEquals(c[1], Http.json(response).path("error").path("field").asText(), response.body());
        }
        assertEquals(401, http.post("/v1/verify", "{\"token\":\"" + token + "\"}").statusCode());
    }

    @Test
    void shouldServeTheInspectorPageWithoutAKeyAndForbidItEveryRequest() {
        HttpResponse<String> page = http.get("/");
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("connect-src 'none'"));
        assertTrue(page.body().contains("<title>countersign token inspector</title>"));
        assertEquals(405, http.post("/", "{}").statusCode());
    }
}
