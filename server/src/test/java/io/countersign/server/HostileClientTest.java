package io.countersign.server;

import io.countersign.server.http.JdkTransport;
import io.countersign.server.http.RawHttp;
import io.countersign.server.http.UndertowTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a hostile client tried on loopback (issue 14), each now a regression test: every answer
 * is a documented 4xx from the API's one error path, counted in /metrics, never a 500.
 */
class HostileClientTest {
    private static final int MAX_BODY = 4096;
    private static TokenServer server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        server = TokenServer.start(Fixtures.config().maxBodyBytes(MAX_BODY).build(), new UndertowTransport());
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldAnswer400ToAContentLengthThatIsNoByteCount() throws IOException {
        // Undertow 2.3.27's parser refuses these itself (400, connection closed) before any handler;
        // the transport's own check covers a library that lets them through.
        for (String length : List.of("123456789012345678901", "99999999999999999999", "-1", "0x10", "1 2")) {
            String response = raw("POST /v1/decode HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + length + "\r\n\r\n{}");
            assertTrue(response.startsWith("HTTP/1.1 400"), length + ": " + response);
        }
    }

    @Test
    void shouldRefuseATransferCodingOtherThanChunked() throws IOException {
        String response = raw("POST /v1/decode HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: gzip, chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 400"), response);
        assertTrue(response.contains("\"field\":\"Transfer-Encoding\""), response);
        assertTrue(metrics().contains("countersign_http_errors_total{route=\"/v1/decode\",code=\"bad-request\"}"), metrics());
    }

    @Test
    void shouldAnswer413ToAChunkedBodyPastTheDrainLimit() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/decode HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            // 2 MiB in all, past the 1 MiB the server drains beyond the limit; the writer may see the
            // connection close under it, the answer must still arrive.
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < 32; i++) {
                        out.write(head);
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // The server closed after answering.
                }
            });
            String response = RawHttp.readResponse(socket.getInputStream());
            writer.join();
            assertTrue(response.startsWith("HTTP/1.1 413"), response);
        }
    }

    @Test
    void shouldAnswer408AndCloseWhenABodyStalls() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) UndertowTransport.BODY_TIMEOUT_MILLIS + 10_000);
            socket.getOutputStream().write(("POST /v1/decode HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String response = RawHttp.readResponse(in);
            assertTrue(response.startsWith("HTTP/1.1 408"), response);
            assertEquals(-1, in.read(), "the connection is closed");
        }
    }

    @Test
    void shouldRefuseDeepOrAmbiguousJson() {
        HttpResponse<String> deep = http.post("/v1/decode", "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}");
        assertEquals(400, deep.statusCode(), deep.body());
        assertTrue(deep.body().contains("nested deeper than 32"), deep.body());

        HttpResponse<String> twice = http.post("/fetch_rtc_token", "{\"uid\":7,\"ChannelName\":\"a\",\"channelname\":\"b\",\"role\":1}");
        assertEquals(400, twice.statusCode(), twice.body());
        assertTrue(twice.body().contains("appears twice"), twice.body());
    }

    @Test
    void shouldRefuseBodiesThatAreNotUtf8() throws IOException {
        String json = "{\"token\":\"007\"}";
        for (byte[] body : List.of(json.getBytes(StandardCharsets.UTF_16LE), json.getBytes(StandardCharsets.UTF_16BE),
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, json.getBytes(StandardCharsets.UTF_8)))) {
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /v1/decode HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                String response = RawHttp.readResponse(socket.getInputStream());
                assertTrue(response.startsWith("HTTP/1.1 400"), response);
                assertTrue(response.contains("must be UTF-8 JSON without a byte order mark"), response);
            }
        }
    }

    @Test
    void shouldRefuseChatUserIdsOutsideAgoraChatsCharacters() {
        for (String bad : List.of("a%00b", "a%0Ab", "a%E2%80%AEb", "u".repeat(65), "a%20b")) {
            HttpResponse<String> r = http.get("/chat/account/" + bad);
            assertEquals(400, r.statusCode(), bad + ": " + r.body());
        }
        assertEquals(200, http.get("/chat/account/" + "u".repeat(64)).statusCode());
        assertEquals(200, http.get("/chat/account/alice_1-2.b").statusCode());
    }

    @Test
    void shouldRefuseUpperCaseChatUserIdsNamingTheLowerCaseOne() {
        HttpResponse<String> r = http.get("/chat/account/Alice_1");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("lower case"), r.body());
        assertTrue(r.body().contains("alice_1"), r.body());
        HttpResponse<String> stillBadCharacter = http.get("/chat/account/Alice%20B");
        assertEquals(400, stillBadCharacter.statusCode());
        assertTrue(stillBadCharacter.body().contains("U+0020"), stillBadCharacter.body());
    }

    @Test
    void shouldRefuseTheAmplifyingTokenQuickly() {
        HttpResponse<String> r = http.post("/v1/decode", "{\"token\":\"" + amplifyingToken() + "\"}");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().length() < 1000, "a short answer, not the token's 460,000 names: " + r.body().length());
    }

    @Test
    void shouldAnswerOversizedHeadersAndUrlsWithA4xx() throws IOException {
        String header = raw("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
        assertTrue(header.startsWith("HTTP/1.1 4") || header.isEmpty(), header);
        assertFalse(header.startsWith("HTTP/1.1 5"), header);
        String url = raw("GET /rtm/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(url.startsWith("HTTP/1.1 4"), url.substring(0, Math.min(200, url.length())));
    }

    @Test
    void shouldNotTellARightApiKeyFromAWrongOneByItsRateLimit() throws Exception {
        try (TokenServer keyed = TokenServer.start(Fixtures.config().rateLimit(0.05).rateBurst(5)
                .apiKeys(List.of(Secret.of("the-right-key"))).build())) {
            Http h = new Http(keyed);
            for (int i = 0; i < 5; i++) {
                h.get("/rtm/alice", "X-API-Key", "wrong-" + i);
            }
            // The client's bucket is empty: the right key and a wrong one get the same answer.
            assertEquals(429, h.get("/rtm/alice", "X-API-Key", "the-right-key").statusCode());
            assertEquals(429, h.get("/rtm/alice", "X-API-Key", "wrong-again").statusCode());
        }
    }

    @Test
    void theJdkTransportAlsoAnswers400ToAContentLengthOf21Digits() throws Exception {
        try (TokenServer jdk = TokenServer.start(Fixtures.config().build(), new JdkTransport())) {
            String response = raw(jdk.port(), "POST /v1/decode HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 123456789012345678901\r\n\r\n{}");
            assertTrue(response.startsWith("HTTP/1.1 4"), response);
        }
    }

    private static String metrics() {
        return http.get("/metrics").body();
    }

    private static String raw(String request) throws IOException {
        return raw(server.port(), request);
    }

    private static String raw(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return RawHttp.readResponse(socket.getInputStream());
        } catch (java.net.SocketException e) {
            return ""; // reset before any answer
        }
    }


    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The token: one RTM2 service of 7 permissions of 65,535 empty names each, 1.3 KB of text. */
    static String amplifyingToken() {
        java.io.ByteArrayOutputStream p = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream d = new java.io.DataOutputStream(p);
        try {
            writeLe16(d, 32);
            d.write(new byte[32]);
            writeLe16(d, 32);
            d.write(Fixtures.APP_ID.getBytes(StandardCharsets.US_ASCII));
            writeLe32(d, 1_700_000_000L);
            writeLe32(d, 3600);
            writeLe32(d, 1);
            writeLe16(d, 1);
            writeLe16(d, 8); // RTM2
            writeLe16(d, 0);
            writeLe16(d, 4);
            d.write("user".getBytes(StandardCharsets.US_ASCII));
            writeLe16(d, 1);
            writeLe16(d, 1);
            writeLe16(d, 7);
            for (int i = 0; i < 7; i++) {
                writeLe16(d, i + 1);
                writeLe16(d, 65_535);
                d.write(new byte[2 * 65_535]);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        byte[] payload = p.toByteArray();
        Deflater deflater = new Deflater(9);
        deflater.setInput(payload);
        deflater.finish();
        byte[] compressed = new byte[payload.length];
        int n = deflater.deflate(compressed);
        deflater.end();
        return "007" + Base64.getEncoder().encodeToString(Arrays.copyOf(compressed, n));
    }

    private static void writeLe16(java.io.DataOutputStream d, int v) throws IOException {
        d.write(v & 0xFF);
        d.write((v >>> 8) & 0xFF);
    }

    private static void writeLe32(java.io.DataOutputStream d, long v) throws IOException {
        for (int i = 0; i < 4; i++) {
            d.write((int) (v >>> (8 * i)) & 0xFF);
        }
    }
}
