package io.countersign.codec;

/**
 * An input that breaks a rule, with the field it concerns as data: {@code field()} names it
 * (e.g. {@code "channelName"}, {@code "services[0].uid"}) and {@code rule()} says what was
 * wrong. The message is {@code field + ": " + rule}. Never carries a secret's value.
 */
public class InvalidArgumentException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String rule;

    public InvalidArgumentException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
        this.rule = rule;
    }

    /** The field the input was given for. */
    public String field() {
        return field;
    }

    /** What the rule is and how the input broke it, without the field name. */
    public String rule() {
        return rule;
    }
}
