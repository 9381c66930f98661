package io.countersign.server;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.countersign.server.http.HttpRequest;
import io.countersign.server.http.HttpResponse;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of every route's JSON body, path parameters and query (Jazzer), in
 * process: an input is "METHOD /path?query" on its first line, the body after it. Every answer
 * must be below 500 (an input problem is a 4xx; a 5xx here would be a bug the API caught), carry
 * X-Error-Code when it is an error, and never contain the certificate or the Netless SK unless
 * the request did.
 */
class ApiFuzzTest {
    private static final ServerConfig CONFIG = Fixtures.config().build();
    private static final Api API = api();

    private static Api api() {
        Metrics metrics = new Metrics();
        return new Api(CONFIG, metrics, TokenServer.routes(CONFIG, metrics, () -> HttpResponse.json(200, new byte[] {'{', '}'})));
    }

    @FuzzTest
    @Timeout(10)
    void everyAnswerIsBelow500AndKeepsTheSecrets(byte[] input) {
        int newline = indexOf(input, (byte) '\n');
        String line = new String(input, 0, newline < 0 ? input.length : newline, StandardCharsets.UTF_8);
        byte[] body = newline < 0 ? new byte[0] : Arrays.copyOfRange(input, newline + 1, input.length);
        int space = line.indexOf(' ');
        String method = space < 0 ? "GET" : line.substring(0, space);
        String target = space < 0 ? line : line.substring(space + 1);
        if (!target.startsWith("/")) {
            target = "/" + target;
        }
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? null : target.substring(q + 1);
        Map<String, String> headers = Map.of("content-type", "application/json");
        HttpRequest request = new HttpRequest(method, path, query, name -> headers.get(name.toLowerCase(Locale.ROOT)),
                body, false, "127.0.0.1", System.nanoTime());

        HttpResponse response = API.apply(request);

        assertTrue(response.status() < 500, () -> response.status() + " for " + line + ": "
                + new String(response.body(), StandardCharsets.UTF_8));
        if (response.status() >= 400) {
            assertNotNull(response.headerValue("X-Error-Code"));
        }
        // A secret in the answer is a leak unless the request itself carried it (an error may quote
        // the path or a field): the first finding was a path made of the SK, quoted by the 404.
        String sent = new String(input, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        String text = new String(response.body(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        for (String secret : new String[] {Fixtures.CERT, Fixtures.NETLESS_SK}) {
            assertTrue(sent.contains(secret) || !text.contains(secret), text);
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
