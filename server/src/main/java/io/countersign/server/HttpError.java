package io.countersign.server;

import java.util.ArrayList;
import java.util.List;

/**
 * An answer other than success: HTTP status, a machine-readable code, the request field at
 * fault (or null) and a message for people. Messages never carry a secret.
 */
public final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final String INVALID_ARGUMENT = "invalid-argument";
    public static final String BAD_REQUEST = "bad-request";
    public static final String MALFORMED = "malformed";
    public static final String UNSUPPORTED = "unsupported";
    public static final String NOT_CONFIGURED = "not-configured";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN_ORIGIN = "origin-not-allowed";
    public static final String NOT_FOUND = "not-found";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String TOO_LARGE = "body-too-large";
    public static final String TIMEOUT = "request-timeout";
    public static final String RATE_LIMITED = "rate-limited";
    public static final String UNAVAILABLE = "shutting-down";
    public static final String INTERNAL = "internal";

    private final int status;
    private final String code;
    private final String field;
    private final List<String> headers = new ArrayList<>(2);

    public HttpError(int status, String code, String field, String message) {
        // No stack trace: these are answers, not bugs, and some are on the hot path (429).
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    /** 400 for a field that breaks a rule. */
    public static HttpError invalid(String field, String message) {
        return new HttpError(400, INVALID_ARGUMENT, field, message);
    }

    /** 400 for a request that is not what the route reads (not JSON, wrong type, missing field). */
    public static HttpError badRequest(String field, String message) {
        return new HttpError(400, BAD_REQUEST, field, message);
    }

    public HttpError header(String name, String value) {
        headers.add(name);
        headers.add(value);
        return this;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }

    List<String> headers() {
        return headers;
    }
}
