package io.countersign.cli.adapter;

/** An error answer of the adapter protocol: a PROTOCOL.md error code and a human message. */
public final class AdapterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final String INVALID_ARGUMENT = "invalid-argument";
    public static final String MALFORMED = "malformed";
    public static final String UNSUPPORTED = "unsupported";
    public static final String BAD_REQUEST = "bad-request";
    /** PROTOCOL.md 1.1: a failure the implementation does not report as an error (a bug). */
    public static final String CRASHED = "crashed";

    private final String code;

    public AdapterException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static AdapterException badRequest(String message) {
        return new AdapterException(BAD_REQUEST, message);
    }

    public static AdapterException unsupported(String message) {
        return new AdapterException(UNSUPPORTED, message);
    }
}
