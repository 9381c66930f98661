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
     *
     * @param status  the HTTP status to answer: 400, 408 or 413
     * @param field   what was wrong (a header's name, or "body"), for the error's {@code field}
     * @param message the error's message; never repeats the request's bytes
     */
    public record Rejection(int status, String field, String message) {
    }

    /**
     * A request as a transport read it.
     *
     * @param method       the method, as sent
     * @param rawPath      the path, percent-encoding intact
     * @param rawQuery     the query string without '?', or null when there is none
     * @param headers      the first value of a header by case-insensitive name, or null
     * @param body         the body, or null when there is none
     * @param bodyTooLarge the body was over the limit and was not read (the API answers 413)
     * @param peerAddress  the TCP peer's IP address
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

    /**
     * When the headers were read: a request that arrived before shutdown began still gets its answer.
     *
     * @return {@link System#nanoTime()} at that moment
     */
    public long receivedNanos() {
        return receivedNanos;
    }

    /**
     * Why the transport refused the request; the API then answers with that and nothing else.
     *
     * @return the rejection, or null for a request the transport read whole
     */
    public Rejection rejection() {
        return rejection;
    }

    /**
     * The method.
     *
     * @return the method as sent, e.g. {@code POST}
     */
    public String method() {
        return method;
    }

    /**
     * The path as sent.
     *
     * @return the path, percent-encoding intact
     */
    public String rawPath() {
        return rawPath;
    }

    /**
     * The query string as sent.
     *
     * @return the query without '?', percent-encoding intact, or null when there is none
     */
    public String rawQuery() {
        return rawQuery;
    }

    /**
     * One request header.
     *
     * @param name the header's name, in any case
     * @return its first value, or null when the request has none
     */
    public String header(String name) {
        return headers.apply(name);
    }

    /**
     * The body, read whole within the size limit.
     *
     * @return the body (not a copy); empty when there was none or it was too large
     */
    public byte[] body() {
        return body;
    }

    /**
     * Whether the body was over the size limit and left unread (the API answers 413).
     *
     * @return true when it was
     */
    public boolean bodyTooLarge() {
        return bodyTooLarge;
    }

    /**
     * The client as TCP sees it (a proxy in front shows as itself).
     *
     * @return the TCP peer's IP address
     */
    public String peerAddress() {
        return peerAddress;
    }
}
