package io.countersign.server.http;

import java.util.ArrayList;
import java.util.List;

/** One response: status, headers in order, and a body (empty for 204). */
public final class HttpResponse {
    static final String JSON = "application/json";
    /** Prometheus' text exposition format, version 0.0.4, for {@code /metrics}. */
    public static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

    private final int status;
    private final String contentType;
    private final byte[] body;
    private final List<String> headers = new ArrayList<>(8);

    /**
     * A response with no headers yet.
     *
     * @param status      the HTTP status
     * @param contentType the Content-Type, or null when there is no body
     * @param body        the body, sent as it is (not copied)
     */
    public HttpResponse(int status, String contentType, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    /**
     * A JSON response.
     *
     * @param status the HTTP status
     * @param body   UTF-8 JSON, sent as it is (not copied)
     * @return the response, with no headers yet
     */
    public static HttpResponse json(int status, byte[] body) {
        return new HttpResponse(status, JSON, body);
    }

    /**
     * A response without a body, such as 204 to a preflight request.
     *
     * @param status the HTTP status
     * @return the response, with no headers yet
     */
    public static HttpResponse empty(int status) {
        return new HttpResponse(status, null, new byte[0]);
    }

    /**
     * Adds a header; names and values are ours, never taken unchecked from a request.
     *
     * @param name  the header's name
     * @param value its value
     * @return this response, for chaining
     */
    public HttpResponse header(String name, String value) {
        headers.add(name);
        headers.add(value);
        return this;
    }

    /**
     * The status.
     *
     * @return the HTTP status
     */
    public int status() {
        return status;
    }

    /** The Content-Type, or null when there is no body. */
    String contentType() {
        return contentType;
    }

    /**
     * The body.
     *
     * @return the body (not a copy), empty when there is none
     */
    public byte[] body() {
        return body;
    }

    int headerCount() {
        return headers.size() / 2;
    }

    String headerName(int i) {
        return headers.get(2 * i);
    }

    String headerValue(int i) {
        return headers.get(2 * i + 1);
    }

    /**
     * A header this response carries.
     *
     * @param name the header's name, in any case
     * @return its first value, or null when it has none
     */
    public String headerValue(String name) {
        for (int i = 0; i < headerCount(); i++) {
            if (headerName(i).equalsIgnoreCase(name)) {
                return headerValue(i);
            }
        }
        return null;
    }
}
