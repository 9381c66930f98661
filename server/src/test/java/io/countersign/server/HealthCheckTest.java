package io.countersign.server;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The container health check: healthy only on 200 from /healthz, never hanging past its timeout. */
class HealthCheckTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private boolean check(String... args) {
        return HealthCheck.check(args, out);
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldBeHealthyWhileTheServerServesAndUnhealthyOnceItHasStopped() throws Exception {
        TokenServer server = TokenServer.start(Fixtures.config().build());
        String port = Integer.toString(server.port());
        try {
            assertTrue(check("--host", "127.0.0.1", "--port", port), printed());
            assertTrue(printed().contains("answered 200 {\"status\":\"ok\"}"), printed());
            // The server's own default address, 0.0.0.0, is asked on loopback.
            assertTrue(check("--host", "0.0.0.0", "--port", port), printed());
        } finally {
            server.close();
        }
        assertFalse(check("--host", "127.0.0.1", "--port", port), printed());
    }

    @Test
    void shouldBeUnhealthyOnA503SuchAsWhileDraining() throws Exception {
        HttpServer draining = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        draining.createContext("/healthz", exchange -> {
            byte[] body = "{\"status\":\"draining\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        draining.start();
        try {
            assertFalse(check("--host", "127.0.0.1", "--port", Integer.toString(draining.getAddress().getPort())));
            assertTrue(printed().contains("answered 503 {\"status\":\"draining\"}"), printed());
        } finally {
            draining.stop(0);
        }
    }

    @Test
    void shouldGiveUpOnAServerThatAcceptsButNeverAnswers() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            assertFalse(check("--host", "127.0.0.1", "--port", Integer.toString(silent.getLocalPort())));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= HealthCheck.TIMEOUT_MILLIS && millis < 3L * HealthCheck.TIMEOUT_MILLIS, millis + " ms");
            assertTrue(printed().contains("SocketTimeoutException"), printed());
        }
    }

    @Test
    void shouldRefusePortZeroAndBadOptionsWithAReason() {
        assertFalse(check("--port", "0"));
        assertTrue(printed().contains("port 0"), printed());
        assertFalse(check("--port", "eighty"));
        assertTrue(printed().contains("--port"), printed());
    }

    @Test
    void shouldAskLoopbackForTheWildcardAddressesAndANamedAddressItself() throws Exception {
        assertEquals("127.0.0.1", HealthCheck.loopbackIfAny("0.0.0.0").getHostAddress());
        assertTrue(HealthCheck.loopbackIfAny("::").isLoopbackAddress());
        assertEquals("10.1.2.3", HealthCheck.loopbackIfAny("10.1.2.3").getHostAddress());
    }
}
