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

    /**
     * @param headers      the first value of a header by case-insensitive name, or null
     * @param body         the body, or null when there is none
     * @param bodyTooLarge the body was over the limit and was not read (the API answers 413)
     */
    public HttpRequest(String method, String rawPath, String rawQuery, UnaryOperator<String> headers, byte[] body,
                       boolean bodyTooLarge, String peerAddress) {
        this.method = method;
        this.rawPath = rawPath;
        this.rawQuery = rawQuery;
        this.headers = headers;
        this.body = body == null ? EMPTY : body;
        this.bodyTooLarge = bodyTooLarge;
        this.peerAddress = peerAddress;
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
