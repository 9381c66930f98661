package io.countersign.server.http;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.io.Receiver;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import org.xnio.Options;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Undertow on its I/O threads: building a token takes microseconds of CPU and never blocks, so
 * requests are answered where they are read, without a hand-off to a worker pool. Bodies over
 * {@link #OFFLOAD_BODY_BYTES} (a token to decode, not a token request) are answered on a worker
 * thread, so that no input can hold an I/O thread for long. Whatever Undertow finds wrong with a
 * request (a Content-Length that is no number, a transfer coding other than chunked, a body over
 * the drain limit, a body that stalls) goes to the API as a {@link HttpRequest.Rejection}: one
 * error path, counted in the metrics, never a stack trace in the log.
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

    /** Bodies larger than this are answered on a worker thread (real token requests are a few hundred bytes). */
    static final int OFFLOAD_BODY_BYTES = 1024;
    /** A body must arrive within this, however slowly its bytes trickle in. */
    public static final long BODY_TIMEOUT_MILLIS = 10_000;
    /** Connections beyond this wait in the backlog until others close. */
    static final int MAX_CONNECTIONS = 10_000;

    private static final AttachmentKey<Long> RECEIVED = AttachmentKey.create(Long.class);

    private Undertow server;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final int maxConnections;

    /** A transport not yet listening: {@link #start} binds it. */
    public UndertowTransport() {
        this(MAX_CONNECTIONS);
    }

    /** As {@link #UndertowTransport()}, serving at most {@code maxConnections} connections at once (for tests). */
    UndertowTransport(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    @Override
    public InetSocketAddress start(String host, int port, int maxBodyBytes, int ioThreads,
                                   Function<HttpRequest, HttpResponse> api) {
        HttpHandler handler = exchange -> {
            inFlight.incrementAndGet();
            exchange.addExchangeCompleteListener((done, next) -> {
                inFlight.decrementAndGet();
                next.proceed();
            });
            exchange.putAttachment(RECEIVED, System.nanoTime());
            handle(exchange, maxBodyBytes, api);
        };
        server = Undertow.builder()
                .addHttpListener(port, host)
                .setIoThreads(ioThreads)
                // Nothing blocks, so the worker pool only exists because XNIO wants one.
                .setWorkerThreads(Math.max(2, ioThreads))
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
                .setSocketOption(Options.CONNECTION_HIGH_WATER, maxConnections)
                .setSocketOption(Options.CONNECTION_LOW_WATER, maxConnections)
                .setHandler(handler)
                .build();
        server.start();
        return (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
    }

    private static void handle(HttpServerExchange exchange, int maxBodyBytes, Function<HttpRequest, HttpResponse> api) {
        HttpRequest.Rejection rejection = rejection(exchange);
        if (rejection != null) {
            // The body's framing cannot be trusted: answer and close rather than read on.
            exchange.setPersistent(false);
            send(exchange, api.apply(request(exchange, null, false).rejected(rejection)));
            return;
        }
        long length = exchange.getRequestContentLength();
        if (length > drainLimit(maxBodyBytes)) {
            // Too large to be worth draining: answer at once and close; the client may see a reset instead.
            exchange.setPersistent(false);
            send(exchange, api.apply(request(exchange, null, true)));
        } else if (length > 0 || exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING)) {
            BodyReader reader = new BodyReader(maxBodyBytes, length < 0, api);
            exchange.getIoThread().executeAfter(() -> reader.timeOut(exchange), BODY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            exchange.getRequestReceiver().receivePartialBytes(reader, reader::failed);
        } else {
            send(exchange, api.apply(request(exchange, null, false)));
        }
    }

    /** What makes the request unreadable before its body, or null. */
    private static HttpRequest.Rejection rejection(HttpServerExchange exchange) {
        HeaderMap headers = exchange.getRequestHeaders();
        String length = headers.getFirst(Headers.CONTENT_LENGTH);
        // Undertow's own parse throws on 19+ digits; 18 digits is past any limit anyway.
        if (length != null && (length.isEmpty() || length.length() > 18 || !length.chars().allMatch(c -> c >= '0' && c <= '9'))) {
            return new HttpRequest.Rejection(400, "Content-Length", "Content-Length: must be a decimal byte count");
        }
        String coding = headers.getFirst(Headers.TRANSFER_ENCODING);
        if (coding != null && !coding.strip().equalsIgnoreCase("chunked")) {
            return new HttpRequest.Rejection(400, "Transfer-Encoding",
                    "Transfer-Encoding: only \"chunked\" is accepted, was \"" + abbreviate(coding) + "\"");
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    /**
     * Reading a body over the limit goes on to its end, discarding, so that the 413 reaches the
     * client: closing a socket with unread input makes the kernel send a reset, which can destroy
     * the answer before the client reads it. Past {@link #drainLimit} the server stops listening.
     */
    static long drainLimit(int maxBodyBytes) {
        return maxBodyBytes + (1L << 20);
    }

    /** Collects a body up to the limit (413 as soon as it is past), answering once, whatever happens first. */
    private static final class BodyReader implements Receiver.PartialBytesCallback {
        private final int max;
        private final Function<HttpRequest, HttpResponse> api;
        private final boolean chunked;
        private byte[] body = new byte[0];
        private boolean tooLarge;
        private boolean answered;

        BodyReader(int max, boolean chunked, Function<HttpRequest, HttpResponse> api) {
            this.max = max;
            this.chunked = chunked;
            this.api = api;
        }

        @Override
        public void handle(HttpServerExchange exchange, byte[] message, boolean last) {
            if (answered) {
                return;
            }
            if (!tooLarge) {
                if (body.length + message.length > max) {
                    tooLarge = true;
                    body = null;
                    if (chunked) {
                        // No declared end to drain to: answer now, and close once it is sent.
                        answer(exchange, request(exchange, null, true));
                        return;
                    }
                } else if (body.length == 0) {
                    body = message;
                } else {
                    byte[] joined = Arrays.copyOf(body, body.length + message.length);
                    System.arraycopy(message, 0, joined, body.length, message.length);
                    body = joined;
                }
            }
            if (last) {
                // A declared length over the limit was drained to its end, so the 413 is not lost to a reset.
                HttpRequest request = request(exchange, body, tooLarge);
                if (!tooLarge && body.length > OFFLOAD_BODY_BYTES && exchange.isInIoThread()) {
                    answered = true;
                    exchange.dispatch(() -> send(exchange, api.apply(request)));
                } else {
                    answer(exchange, request);
                }
            }
        }

        /** Past the drain limit (a chunked body), a broken chunk, or the client went away. */
        void failed(HttpServerExchange exchange, IOException error) {
            boolean overLimit = error instanceof RequestTooBigException;
            answer(exchange, request(exchange, null, false).rejected(overLimit
                    ? new HttpRequest.Rejection(413, "body", "body: larger than this server accepts")
                    : new HttpRequest.Rejection(400, "body", "body: could not be read")));
        }

        /** Runs on the connection's I/O thread {@link #BODY_TIMEOUT_MILLIS} after the headers. */
        void timeOut(HttpServerExchange exchange) {
            answer(exchange, request(exchange, null, false).rejected(new HttpRequest.Rejection(408, "body",
                    "body: not received within " + BODY_TIMEOUT_MILLIS / 1000 + " s")));
        }

        /** Answers {@code request} unless already answered; anything but a complete, accepted body closes the connection. */
        private void answer(HttpServerExchange exchange, HttpRequest request) {
            if (answered || exchange.isComplete()) {
                return;
            }
            answered = true;
            if (request.bodyTooLarge() || request.rejection() != null) {
                exchange.setPersistent(false);
            }
            HttpResponse response = api.apply(request);
            if (exchange.isResponseStarted()) {
                exchange.endExchange();
            } else {
                send(exchange, response);
            }
        }
    }

    private static HttpRequest request(HttpServerExchange exchange, byte[] body, boolean tooLarge) {
        HeaderMap headers = exchange.getRequestHeaders();
        String query = exchange.getQueryString();
        return new HttpRequest(exchange.getRequestMethod().toString(), exchange.getRequestPath(),
                query == null || query.isEmpty() ? null : query, headers::getFirst, body, tooLarge,
                exchange.getSourceAddress().getAddress().getHostAddress(), exchange.getAttachment(RECEIVED));
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

    /**
     * Waits for the requests in flight (the API already answers new ones 503 while the server
     * drains), at most {@code grace}, then closes the listener and every connection.
     */
    @Override
    public void stop(Duration grace) {
        if (server == null) {
            return;
        }
        Transport.awaitNone(inFlight, grace);
        server.stop();
        server = null;
    }
}
