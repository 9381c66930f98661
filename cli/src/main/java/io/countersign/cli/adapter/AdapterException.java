package io.countersign.cli.adapter;

/** An error answer of the adapter protocol: a PROTOCOL.md error code and a human message. */
final class AdapterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final String INVALID_ARGUMENT = "invalid-argument";
    static final String MALFORMED = "malformed";
    static final String UNSUPPORTED = "unsupported";
    static final String BAD_REQUEST = "bad-request";
    /** PROTOCOL.md 1.1: a failure the implementation does not report as an error (a bug). */
    static final String CRASHED = "crashed";

    private final String code;

    AdapterException(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }

    static AdapterException unsupported(String message) {
        return new AdapterException(UNSUPPORTED, message);
    }
}
