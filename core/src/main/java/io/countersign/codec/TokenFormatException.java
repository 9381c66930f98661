package io.countersign.codec;

/**
 * The one exception every decoder throws for a token it cannot parse. It carries a
 * machine-readable {@link Reason}, the field being read and the byte offset (in the decoded
 * payload, or in the token text for {@link Reason#BAD_PREFIX} and {@link Reason#BAD_BASE64}).
 * Messages never contain secrets: a token carries none, and certificates are never passed in.
 */
public final class TokenFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a token could not be decoded. */
    public enum Reason {
        /** The token does not start with the scheme's version prefix. */
        BAD_PREFIX,
        /** A character outside the base64 alphabet, wrong padding or non-zero padding bits. */
        BAD_BASE64,
        /** The zlib stream does not inflate, is cut short or fails its checksum. */
        BAD_ZLIB,
        /** Nothing after the prefix, or an empty payload. */
        EMPTY,
        /** A length prefix or count runs past the end of the payload. */
        TRUNCATED,
        /** Bytes left over after the last field the format declares. */
        TRAILING_BYTES,
        /** The token or its inflated payload exceeds a {@link DecodeLimits} bound. */
        TOO_LARGE,
        /** A field holds a value the format does not allow. */
        BAD_VALUE
    }

    /** Why decoding failed; part of the serialized form. */
    private final Reason reason;
    /** The field being read; part of the serialized form. */
    private final String field;
    /** The byte offset of the failure; part of the serialized form. */
    private final int offset;

    /**
     * A decoding failure; the message is {@code field + " at byte " + offset + ": " + detail + " (" + reason + ")"}.
     *
     * @param reason why, machine-readable
     * @param field the field being read, e.g. {@code "services[0].channelName"}
     * @param offset the byte offset (see the class comment for what it is counted in)
     * @param detail what was found, for a person; never a secret
     */
    public TokenFormatException(Reason reason, String field, int offset, String detail) {
        super(field + " at byte " + offset + ": " + detail + " (" + reason + ")");
        this.reason = reason;
        this.field = field;
        this.offset = offset;
    }

    /** {@return why the token could not be decoded} */
    public Reason reason() {
        return reason;
    }

    /** {@return the field being read when decoding failed, e.g. {@code "services[0].channelName"}} */
    public String field() {
        return field;
    }

    /** {@return the byte offset of the failure} See the class comment for what it is counted in. */
    public int offset() {
        return offset;
    }
}
