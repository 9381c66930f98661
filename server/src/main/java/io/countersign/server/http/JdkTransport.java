package io.countersign.server.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The JDK's built-in {@code com.sun.net.httpserver} (no dependency), kept as the measured
 * alternative to Undertow ({@code --http jdk}); see server/README.md for the comparison.
 */
public final class JdkTransport implements Transport {
    private HttpServer server;
    private ExecutorService executor;
    private final AtomicInteger inFlight = new AtomicInteger();

    /** A transport not yet listening: {@link #start} binds it. */
    public JdkTransport() {
    }

    @Override
    public InetSocketAddress start(String host, int port, int maxBodyBytes, int ioThreads,
                                   Function<HttpRequest, HttpResponse> api) throws IOException {
        // Without TCP_NODELAY, headers and body leave as two segments and the client's delayed ACK
        // holds the second for ~40 ms: 46 ms median on loopback, measured. Read once, at first use.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(host, port), 1024);
        executor = Executors.newFixedThreadPool(ioThreads);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            inFlight.incrementAndGet();
            try {
                handle(exchange, maxBodyBytes, api, System.nanoTime());
            } finally {
                inFlight.decrementAndGet();
            }
        });
        server.start();
        return server.getAddress();
    }

    private static void handle(HttpExchange exchange, int maxBodyBytes, Function<HttpRequest, HttpResponse> api,
                               long received) throws IOException {
        try (exchange) {
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            byte[] body = null;
            boolean tooLarge = false;
            if (length != null && parseLength(length) > UndertowTransport.drainLimit(maxBodyBytes)) {
                tooLarge = true;
            } else {
                body = readAtMost(exchange.getRequestBody(), maxBodyBytes);
                tooLarge = body == null;
                if (tooLarge) {
                    // Drain (bounded) so that closing does not reset the connection under the 413.
                    drain(exchange.getRequestBody(), UndertowTransport.drainLimit(maxBodyBytes));
                }
            }
            if (tooLarge) {
                exchange.getResponseHeaders().set("Connection", "close");
            }
            String query = exchange.getRequestURI().getRawQuery();
            HttpResponse response = api.apply(new HttpRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), query, exchange.getRequestHeaders()::getFirst, body, tooLarge,
                    exchange.getRemoteAddress().getAddress().getHostAddress(), received));
            for (int i = 0; i < response.headerCount(); i++) {
                exchange.getResponseHeaders().add(response.headerName(i), response.headerValue(i));
            }
            if (response.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", response.contentType());
            }
            byte[] out = response.body();
            exchange.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        }
    }

    private static long parseLength(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The whole body, or null if it is longer than {@code max}. */
    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        byte[] body = in.readNBytes(max + 1);
        return body.length > max ? null : body;
    }

    private static void drain(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; total < limit && (n = in.read(buffer)) >= 0; ) {
            total += n;
        }
    }

    @Override
    public void stop(Duration grace) {
        if (server == null) {
            return;
        }
        // HttpServer.stop(delay) waits the whole delay when idle keep-alive connections are open
        // (JDK 17), so count requests ourselves: wait for those in flight (the API answers new ones
        // 503 while the server drains), then stop.
        Transport.awaitNone(inFlight, grace);
        server.stop(0);
        executor.shutdownNow();
        server = null;
    }
}
