package io.countersign.schemes;

import io.countersign.codec.InvalidArgumentException;

/**
 * An argument that is missing or of the wrong kind (text where a number belongs, a number too
 * large for any integer type): the request is not well formed, as opposed to a well-formed
 * value that breaks a rule ({@link InvalidArgumentException}). The adapter protocol answers it
 * with {@code bad-request}.
 */
public final class ArgumentShapeException extends InvalidArgumentException {
    private static final long serialVersionUID = 1L;

    /** Only the schemes package reads plain data, so only it decides what is malformed. */
    ArgumentShapeException(String field, String rule) {
        super(field, rule);
    }
}
