package io.countersign.server;

import io.countersign.server.http.JdkTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The JDK's built-in server (--http jdk) carries the same API: a token, a 404, both kinds of 413. */
class JdkTransportTest {
    private static TokenServer server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        server = TokenServer.start(Fixtures.config().maxBodyBytes(1024).shutdownGrace(java.time.Duration.ofSeconds(1)).build(), new JdkTransport());
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servesTheSameApi() {
        HttpResponse<String> r = http.post("/fetch_rtc_token", "{\"uid\":42,\"ChannelName\":\"room\",\"role\":1}");
        assertEquals(200, r.statusCode(), r.body());
        TokenServerTest.verified007(Http.json(r).get("token").textValue(), 3600);
        assertEquals(200, http.get("/rtc/room/publisher/uid/42").statusCode());
        assertEquals(404, http.get("/nope").statusCode());
        assertEquals(405, http.get("/fetch_rtc_token").statusCode());
    }

    @Test
    void refusesBodiesOverTheLimit() {
        assertEquals(413, http.post("/fetch_rtc_token", "x".repeat(5000)).statusCode());
        HttpRequest chunked = http.request("/v1/tokens")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[64 * 1024]))).build();
        assertEquals(413, Http.send(chunked).statusCode());
    }
}
