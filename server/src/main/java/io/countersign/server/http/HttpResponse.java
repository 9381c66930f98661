package io.countersign.server.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One response: status, headers in order, and a body (empty for 204). */
public final class HttpResponse {
    static final String JSON = "application/json";
    static final String TEXT = "text/plain; charset=utf-8";
    public static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

    private final int status;
    private final String contentType;
    private final byte[] body;
    private final List<String> headers = new ArrayList<>(8);

    public HttpResponse(int status, String contentType, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    public static HttpResponse json(int status, byte[] body) {
        return new HttpResponse(status, JSON, body);
    }

    static HttpResponse text(int status, String body) {
        return new HttpResponse(status, TEXT, body.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponse empty(int status) {
        return new HttpResponse(status, null, new byte[0]);
    }

    /** Adds a header; names and values are ours, never taken unchecked from a request. */
    public HttpResponse header(String name, String value) {
        headers.add(name);
        headers.add(value);
        return this;
    }

    public int status() {
        return status;
    }

    /** The Content-Type, or null when there is no body. */
    String contentType() {
        return contentType;
    }

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

    /** The first value of a header (case-insensitive), or null: for tests. */
    public String headerValue(String name) {
        for (int i = 0; i < headerCount(); i++) {
            if (headerName(i).equalsIgnoreCase(name)) {
                return headerValue(i);
            }
        }
        return null;
    }
}
