package io.countersign.server.http;

import java.util.function.UnaryOperator;

/**
 * One request as the API sees it, whichever HTTP library carried it: the raw (undecoded) path
 * and query, the body already read within the size limit, and the peer's address.
 */
public final class HttpRequest {
    private static final byte[] EMPTY = new byte[0];

    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final UnaryOperator<String> headers;
    private final byte[] body;
    private final boolean bodyTooLarge;
    private final String peerAddress;
    private final long receivedNanos;
    private final Rejection rejection;

    /**
     * What the HTTP library found wrong before the API saw the request (a Content-Length that is
     * no number, a transfer coding other than chunked): the API answers {@code status} with it,
     * through the same error path, metrics and shape as every other error.
     */
    public record Rejection(int status, String field, String message) {
    }

    /**
     * @param headers      the first value of a header by case-insensitive name, or null
     * @param body         the body, or null when there is none
     * @param bodyTooLarge the body was over the limit and was not read (the API answers 413)
     * @param receivedNanos {@link System#nanoTime()} when the request's headers were read
     */
    public HttpRequest(String method, String rawPath, String rawQuery, UnaryOperator<String> headers, byte[] body,
                       boolean bodyTooLarge, String peerAddress, long receivedNanos) {
        this.method = method;
        this.rawPath = rawPath;
        this.rawQuery = rawQuery;
        this.headers = headers;
        this.body = body == null ? EMPTY : body;
        this.bodyTooLarge = bodyTooLarge;
        this.peerAddress = peerAddress;
        this.receivedNanos = receivedNanos;
        this.rejection = null;
    }

    private HttpRequest(HttpRequest request, Rejection rejection) {
        this.method = request.method;
        this.rawPath = request.rawPath;
        this.rawQuery = request.rawQuery;
        this.headers = request.headers;
        this.body = EMPTY;
        this.bodyTooLarge = false;
        this.peerAddress = request.peerAddress;
        this.receivedNanos = request.receivedNanos;
        this.rejection = rejection;
    }

    /** This request (its line, headers and peer; no body) marked to be answered with {@code rejection}. */
    HttpRequest rejected(Rejection rejection) {
        return new HttpRequest(this, rejection);
    }

    /** {@link System#nanoTime()} when the headers were read: a request in flight when shutdown began still finishes. */
    public long receivedNanos() {
        return receivedNanos;
    }

    /** Why the transport refused the request, or null. */
    public Rejection rejection() {
        return rejection;
    }

    public String method() {
        return method;
    }

    /** The path as sent, percent-encoding intact. */
    public String rawPath() {
        return rawPath;
    }

    /** The query string as sent, without '?', or null. */
    public String rawQuery() {
        return rawQuery;
    }

    public String header(String name) {
        return headers.apply(name);
    }

    public byte[] body() {
        return body;
    }

    public boolean bodyTooLarge() {
        return bodyTooLarge;
    }

    /** The TCP peer's IP address. */
    public String peerAddress() {
        return peerAddress;
    }
}
