package io.countersign.server.http;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import org.xnio.Options;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Function;

/**
 * Undertow on its I/O threads: building a token takes microseconds of CPU and never blocks, so
 * requests are answered where they are read, without a hand-off to a worker pool.
 */
public final class UndertowTransport implements Transport {
    private static final HttpString CONTENT_TYPE = Headers.CONTENT_TYPE;

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
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, (long) maxBodyBytes)
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
        if (length > maxBodyBytes) {
            // Refuse without reading; the connection closes so the unread body cannot be taken for a request.
            exchange.setPersistent(false);
            send(exchange, api.apply(request(exchange, null, true)));
        } else if (length > 0 || exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING)) {
            exchange.getRequestReceiver().receiveFullBytes(
                    (ex, body) -> send(ex, api.apply(request(ex, body, false))),
                    (ex, error) -> bodyFailed(ex, error, api));
        } else {
            send(exchange, api.apply(request(exchange, null, false)));
        }
    }

    private static void bodyFailed(HttpServerExchange exchange, IOException error, Function<HttpRequest, HttpResponse> api) {
        if (error instanceof RequestTooBigException && !exchange.isResponseStarted()) {
            exchange.setPersistent(false);
            send(exchange, api.apply(request(exchange, null, true)));
        } else {
            // The client went away or sent a broken body: nobody to answer.
            exchange.setPersistent(false);
            exchange.endExchange();
        }
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
