package io.countersign.server.http;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.io.Receiver;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import org.xnio.Options;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Undertow on its I/O threads: building a token takes microseconds of CPU and never blocks, so
 * requests are answered where they are read, without a hand-off to a worker pool.
 */
public final class UndertowTransport implements Transport {
    private static final HttpString CONTENT_TYPE = Headers.CONTENT_TYPE;
    /** Undertow and XNIO log their versions at INFO on every start; keep warnings only. Held so the levels stick. */
    private static final Logger[] QUIET = {Logger.getLogger("io.undertow"), Logger.getLogger("org.xnio"),
            Logger.getLogger("org.jboss")};

    static {
        for (Logger logger : QUIET) {
            logger.setLevel(Level.WARNING);
        }
    }

    private Undertow server;
    private GracefulShutdownHandler graceful;

    @Override
    public InetSocketAddress start(String host, int port, int maxBodyBytes, int ioThreads,
                                   Function<HttpRequest, HttpResponse> api) {
        HttpHandler handler = exchange -> handle(exchange, maxBodyBytes, api);
        graceful = new GracefulShutdownHandler(handler);
        server = Undertow.builder()
                .addHttpListener(port, host)
                .setIoThreads(ioThreads)
                // Nothing blocks, so the worker pool only exists because XNIO wants one.
                .setWorkerThreads(2)
                // Paths are decoded per segment by the router, so an encoded '/' stays inside its segment.
                .setServerOption(UndertowOptions.DECODE_URL, false)
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, drainLimit(maxBodyBytes))
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, 16 * 1024)
                .setServerOption(UndertowOptions.MAX_HEADERS, 100)
                .setServerOption(UndertowOptions.MAX_PARAMETERS, 100)
                // Slow or idle clients do not hold connections forever.
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, 10_000)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 60_000)
                .setSocketOption(Options.BACKLOG, 1024)
                .setHandler(graceful)
                .build();
        server.start();
        return (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
    }

    private static void handle(HttpServerExchange exchange, int maxBodyBytes, Function<HttpRequest, HttpResponse> api) {
        long length = exchange.getRequestContentLength();
        if (length > drainLimit(maxBodyBytes)) {
            // Too large to be worth draining: answer at once and close; the client may see a reset instead.
            exchange.setPersistent(false);
            send(exchange, api.apply(request(exchange, null, true)));
        } else if (length > 0 || exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING)) {
            exchange.getRequestReceiver().receivePartialBytes(new BodyReader(maxBodyBytes, api), UndertowTransport::bodyFailed);
        } else {
            send(exchange, api.apply(request(exchange, null, false)));
        }
    }

    /**
     * Reading a body over the limit goes on to its end, discarding, so that the 413 reaches the
     * client: closing a socket with unread input makes the kernel send a reset, which can destroy
     * the answer before the client reads it. Past {@link #drainLimit} the server stops listening.
     */
    static long drainLimit(int maxBodyBytes) {
        return maxBodyBytes + (1L << 20);
    }

    /** Collects a body up to the limit, then only counts. */
    private static final class BodyReader implements Receiver.PartialBytesCallback {
        private final int max;
        private final Function<HttpRequest, HttpResponse> api;
        private byte[] body = new byte[0];
        private boolean tooLarge;

        BodyReader(int max, Function<HttpRequest, HttpResponse> api) {
            this.max = max;
            this.api = api;
        }

        @Override
        public void handle(HttpServerExchange exchange, byte[] message, boolean last) {
            if (!tooLarge) {
                if (body.length + message.length > max) {
                    tooLarge = true;
                    body = null;
                } else if (body.length == 0) {
                    body = message;
                } else {
                    byte[] joined = Arrays.copyOf(body, body.length + message.length);
                    System.arraycopy(message, 0, joined, body.length, message.length);
                    body = joined;
                }
            }
            if (last) {
                if (tooLarge) {
                    exchange.setPersistent(false);
                }
                send(exchange, api.apply(request(exchange, body, tooLarge)));
            }
        }
    }

    private static void bodyFailed(HttpServerExchange exchange, IOException error) {
        // Past the drain limit, or the client went away or sent a broken body: nobody to answer.
        exchange.setPersistent(false);
        exchange.endExchange();
    }

    private static HttpRequest request(HttpServerExchange exchange, byte[] body, boolean tooLarge) {
        HeaderMap headers = exchange.getRequestHeaders();
        String query = exchange.getQueryString();
        return new HttpRequest(exchange.getRequestMethod().toString(), exchange.getRequestPath(),
                query == null || query.isEmpty() ? null : query, headers::getFirst, body, tooLarge,
                exchange.getSourceAddress().getAddress().getHostAddress());
    }

    private static void send(HttpServerExchange exchange, HttpResponse response) {
        exchange.setStatusCode(response.status());
        HeaderMap headers = exchange.getResponseHeaders();
        for (int i = 0; i < response.headerCount(); i++) {
            headers.add(HttpString.tryFromString(response.headerName(i)), response.headerValue(i));
        }
        byte[] body = response.body();
        if (response.contentType() != null) {
            headers.put(CONTENT_TYPE, response.contentType());
        }
        if (body.length == 0) {
            if (response.status() != 204) {
                exchange.setResponseContentLength(0);
            }
            exchange.endExchange();
        } else {
            exchange.setResponseContentLength(body.length);
            exchange.getResponseSender().send(ByteBuffer.wrap(body));
        }
    }

    @Override
    public void stop(Duration grace) {
        if (server == null) {
            return;
        }
        graceful.shutdown();
        try {
            graceful.awaitShutdown(Math.max(1, grace.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop();
        server = null;
    }
}
