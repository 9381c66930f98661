package io.countersign.server;

import io.countersign.server.http.JdkTransport;
import io.countersign.server.http.RawHttp;
import io.countersign.server.http.Transport;
import io.countersign.server.http.UndertowTransport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shutdown answers 503 while it drains and finishes the request in flight before it closes, on both HTTP libraries. */
class TokenServerShutdownTest {
    @ParameterizedTest
    @ValueSource(strings = {"undertow", "jdk"})
    void shouldFinishInFlightRequestsBeforeStopping(String http) throws Exception {
        Transport transport = http.equals("jdk") ? new JdkTransport() : new UndertowTransport();
        TokenServer server = TokenServer.start(Fixtures.config().shutdownGrace(Duration.ofSeconds(5)).build(), transport);
        byte[] body = "{\"uid\":7,\"ChannelName\":\"draining\",\"role\":1}".getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            // Headers and half the body: the request is in flight, waiting for the rest.
            out.write(("POST /fetch_rtc_token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 10);
            out.flush();
            Thread.sleep(1000); // generous: a loaded CI machine may take a while to accept and dispatch it

            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
            Thread.sleep(300);
            assertFalse(closing.isDone(), "close waits for the request in flight");

            // While it drains, health checks say so in their documented body and new requests get 503.
            String health = exchange(server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(health.startsWith("HTTP/1.1 503"), health);
            assertTrue(health.endsWith("{\"status\":\"draining\"}"), health);
            String refused = exchange(server.port(), "POST /fetch_rtc_token HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n"
                    + new String(body, StandardCharsets.UTF_8));
            assertTrue(refused.startsWith("HTTP/1.1 503"), refused);
            assertTrue(refused.contains("shutting down"), refused);
            assertFalse(closing.isDone(), "close still waits for the request in flight");

            out.write(body, 10, body.length - 10);
            out.flush();
            String response = RawHttp.readResponse(socket.getInputStream());
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            assertTrue(response.contains("\"code\":\"200\""), response);
            closing.get(5, TimeUnit.SECONDS);
        }
        assertFalse(accepts(server.port()), "the listener is closed after shutdown");
    }

    private static String exchange(int port, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return RawHttp.readResponse(s.getInputStream());
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(1000);
            s.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return s.getInputStream().read() >= 0;
        } catch (IOException e) {
            return false;
        }
    }


    @ParameterizedTest
    @ValueSource(strings = {"undertow", "jdk"})
    void healthTurnsUnavailableWhileDraining(String http) throws Exception {
        Transport transport = http.equals("jdk") ? new JdkTransport() : new UndertowTransport();
        TokenServer server = TokenServer.start(Fixtures.config().build(), transport);
        Http client = new Http(server);
        assertEquals(200, client.get("/healthz").statusCode());
        server.close();
        assertFalse(accepts(server.port()));
    }
}
