package io.countersign.server;

import java.util.ArrayList;
import java.util.List;

/**
 * An answer other than success: HTTP status, a machine-readable code, the request field at
 * fault (or null) and a message for people. Messages never carry a secret.
 */
final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final String INVALID_ARGUMENT = "invalid-argument";
    static final String BAD_REQUEST = "bad-request";
    static final String MALFORMED = "malformed";
    static final String UNSUPPORTED = "unsupported";
    static final String NOT_CONFIGURED = "not-configured";
    static final String UNAUTHORIZED = "unauthorized";
    static final String FORBIDDEN_ORIGIN = "origin-not-allowed";
    static final String NOT_FOUND = "not-found";
    static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    static final String TOO_LARGE = "body-too-large";
    static final String TIMEOUT = "request-timeout";
    static final String RATE_LIMITED = "rate-limited";
    static final String UNAVAILABLE = "shutting-down";
    static final String INTERNAL = "internal";

    private final int status;
    private final String code;
    private final String field;
    private final List<String> headers = new ArrayList<>(2);

    HttpError(int status, String code, String field, String message) {
        // No stack trace: these are answers, not bugs, and some are on the hot path (429).
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    /** 400 for a field that breaks a rule. */
    static HttpError invalid(String field, String message) {
        return new HttpError(400, INVALID_ARGUMENT, field, message);
    }

    /** 400 for a request that is not what the route reads (not JSON, wrong type, missing field). */
    static HttpError badRequest(String field, String message) {
        return new HttpError(400, BAD_REQUEST, field, message);
    }

    HttpError header(String name, String value) {
        headers.add(name);
        headers.add(value);
        return this;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** The request field at fault, or null. */
    String field() {
        return field;
    }

    List<String> headers() {
        return headers;
    }
}
