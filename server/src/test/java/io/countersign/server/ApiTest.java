package io.countersign.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request pipeline's refusals, each over real HTTP: 401, 403, 404, 405, 413, 429, 501, and CORS. */
class ApiTest {
    private static final String ORIGIN = "https://app.example";
    private static final String KEY = "test-key-0123456789";
    private static final String FETCH = "{\"uid\":1,\"ChannelName\":\"room\",\"role\":1}";

    /** API keys, one allowed origin, a 1 KiB body limit, no rate limit. */
    private static TokenServer guarded;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        guarded = TokenServer.start(Fixtures.config()
                .apiKeys(List.of(Secret.of("other-key"), Secret.of(KEY)))
                .allowedOrigins(List.of(ORIGIN))
                .maxBodyBytes(1024)
                .build());
        http = new Http(guarded);
    }

    @AfterAll
    static void stop() {
        guarded.close();
    }

    @Test
    void apiKeyIsRequiredForTokensButNotForHealthMetricsOrPing() {
        HttpResponse<String> r = http.post("/fetch_rtc_token", FETCH);
        assertEquals(401, r.statusCode());
        assertEquals("Bearer", r.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertEquals("Authorization", Http.json(r).get("field").textValue());
        assertEquals(401, http.post("/fetch_rtc_token", FETCH, "Authorization", "Bearer wrong-key").statusCode());
        assertEquals(401, http.post("/fetch_rtc_token", FETCH, "X-API-Key", KEY + "x").statusCode());
        assertEquals(401, http.get("/rtm/alice", "Authorization", "Basic " + KEY).statusCode());
        assertEquals(401, http.post("/v1/tokens", "{}").statusCode());

        assertEquals(200, http.post("/fetch_rtc_token", FETCH, "Authorization", "Bearer " + KEY).statusCode());
        assertEquals(200, http.post("/fetch_rtc_token", FETCH, "authorization", "bearer " + KEY).statusCode());
        assertEquals(200, http.post("/fetch_rtc_token", FETCH, "X-API-Key", "other-key").statusCode());
        assertEquals(200, http.get("/rtm/alice", "X-API-Key", KEY).statusCode());
        for (String open : List.of("/healthz", "/metrics", "/ping")) {
            assertEquals(200, http.get(open).statusCode(), open);
        }
    }

    @Test
    void unknownPathIs404InTheNativeShape() {
        HttpResponse<String> r = http.get("/nope", "X-API-Key", KEY);
        assertEquals(404, r.statusCode());
        JsonNode error = Http.json(r).get("error");
        assertEquals(404, error.get("status").intValue());
        assertEquals("not-found", error.get("code").textValue());
        assertEquals(404, http.get("/rtc/room/publisher/uid").statusCode());
        assertEquals(404, http.get("/rtc//publisher/uid/1").statusCode());
    }

    @Test
    void wrongMethodIs405WithAllow() {
        HttpResponse<String> r = http.get("/fetch_rtc_token", "X-API-Key", KEY);
        assertEquals(405, r.statusCode());
        assertEquals("POST, OPTIONS", r.headers().firstValue("Allow").orElseThrow());
        assertEquals("405", Http.json(r).get("code").textValue());
        r = http.method("DELETE", "/v1/tokens", "X-API-Key", KEY);
        assertEquals(405, r.statusCode());
        assertEquals("method-not-allowed", Http.json(r).get("error").get("code").textValue());
        assertEquals(405, http.post("/ping", "{}").statusCode());
    }

    @Test
    void bodyOverTheLimitIs413AndJustUnderIsRead() {
        String big = "{\"ChannelName\":\"" + "a".repeat(2000) + "\"}";
        HttpResponse<String> r = http.post("/fetch_rtc_token", big, "X-API-Key", KEY);
        assertEquals(413, r.statusCode());
        assertEquals("body", Http.json(r).get("field").textValue());

        // A chunked body past the limit is answered 413 at once and the connection closed
        // (HostileClientTest reads that answer while still sending, as only a raw socket can: an
        // HTTP client still writing may see the close as a reset instead).

        // Just under the limit is read.
        String fits = "{\"ChannelName\":\"room\",\"pad\":\"" + "p".repeat(900) + "\"}";
        assertEquals(200, http.post("/fetch_rtc_token", fits, "X-API-Key", KEY).statusCode());
    }

    @Test
    void corsPreflightFromAnAllowedOriginIsAnswered() {
        HttpResponse<String> r = http.method("OPTIONS", "/fetch_rtc_token", "Origin", ORIGIN,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type, authorization");
        assertEquals(204, r.statusCode());
        assertEquals(ORIGIN, r.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals("POST, OPTIONS", r.headers().firstValue("Access-Control-Allow-Methods").orElseThrow());
        assertTrue(r.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().contains("Authorization"));
        assertEquals("Origin", r.headers().firstValue("Vary").orElseThrow());
        assertEquals("", r.body());

        r = http.post("/fetch_rtc_token", FETCH, "Origin", ORIGIN, "X-API-Key", KEY);
        assertEquals(200, r.statusCode());
        assertEquals(ORIGIN, r.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
    }

    @Test
    void otherOriginsAreRefusedAndGetNoCorsHeaders() {
        HttpResponse<String> r = http.method("OPTIONS", "/fetch_rtc_token", "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");
        assertEquals(403, r.statusCode());
        assertFalse(r.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        assertEquals("Origin", Http.json(r).get("field").textValue());

        r = http.post("/fetch_rtc_token", FETCH, "Origin", "https://evil.example", "X-API-Key", KEY);
        assertEquals(403, r.statusCode());
        assertFalse(r.headers().firstValue("Access-Control-Allow-Origin").isPresent());

        // No Origin (not a browser): no CORS headers, nothing refused.
        r = http.post("/fetch_rtc_token", FETCH, "X-API-Key", KEY);
        assertEquals(200, r.statusCode());
        assertFalse(r.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void rateLimitIsPerClientAndAnswers429WithRetryAfter() throws Exception {
        // One token every 20 s: nothing refills while the test runs (RateLimiterTest covers refilling).
        try (TokenServer limited = TokenServer.start(Fixtures.config().rateLimit(0.05).rateBurst(3)
                .apiKeys(List.of(Secret.of("a-key"), Secret.of("b-key"))).build())) {
            Http h = new Http(limited);
            for (int i = 0; i < 3; i++) {
                assertEquals(200, h.post("/fetch_rtc_token", FETCH, "X-API-Key", "a-key").statusCode(), "burst " + i);
            }
            HttpResponse<String> r = h.post("/fetch_rtc_token", FETCH, "X-API-Key", "a-key");
            assertEquals(429, r.statusCode());
            long retryAfter = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 20, "Retry-After " + retryAfter);
            assertEquals("429", Http.json(r).get("code").textValue());
            assertEquals(429, h.get("/rtm/alice", "X-API-Key", "a-key").statusCode(), "one bucket per client, every route");
            // The bucket is the client's address, chosen before any key is looked at: another key,
            // right or wrong, gets the same 429, so the limiter tells nobody which keys are valid.
            assertEquals(429, h.post("/fetch_rtc_token", FETCH, "X-API-Key", "b-key").statusCode());
            assertEquals(429, h.post("/fetch_rtc_token", FETCH, "X-API-Key", "guess-x").statusCode());
            // Health checks and metrics are never limited.
            assertEquals(200, h.get("/healthz").statusCode());
            assertEquals(200, h.get("/metrics").statusCode());
        }
    }

    @Test
    void routesWhoseCredentialsAreNotConfiguredAnswer501() throws Exception {
        try (TokenServer netlessOnly = TokenServer.start(ServerConfig.builder().host("127.0.0.1").port(0).rateLimit(0)
                .netlessAk(Fixtures.NETLESS_AK).netlessSk(Secret.of(Fixtures.NETLESS_SK)).build())) {
            Http h = new Http(netlessOnly);
            HttpResponse<String> r = h.post("/fetch_rtc_token", FETCH);
            assertEquals(501, r.statusCode());
            assertEquals("501", Http.json(r).get("code").textValue());
            r = h.post("/v1/tokens", "{\"builder\":\"RtmTokenBuilder2.buildToken\",\"args\":{\"userId\":\"a\",\"expire\":60}}");
            assertEquals("not-configured", Http.json(r).get("error").get("code").textValue());
            r = h.post("/v1/tokens", "{\"builder\":\"NetlessToken.sdkToken\",\"args\":{\"lifespan\":1000,\"content\":{\"role\":\"0\"}}}");
            assertEquals(200, r.statusCode(), r.body());
        }
        try (TokenServer agoraOnly = TokenServer.start(Fixtures.config().netlessAk(null).netlessSk(null).build())) {
            HttpResponse<String> r = new Http(agoraOnly).post("/v1/tokens",
                    "{\"builder\":\"NetlessToken.sdkToken\",\"args\":{\"lifespan\":1000,\"content\":{\"role\":\"0\"}}}");
            assertEquals(501, r.statusCode());
        }
    }
}
