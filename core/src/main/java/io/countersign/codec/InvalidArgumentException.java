package io.countersign.codec;

/**
 * An input that breaks a rule, with the field it concerns as data: {@code field()} names it
 * (e.g. {@code "channelName"}, {@code "services[0].uid"}) and {@code rule()} says what was
 * wrong. The message is {@code field + ": " + rule}. Never carries a secret's value.
 */
public class InvalidArgumentException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The field the input was given for; part of the serialized form. */
    private final String field;
    /** The rule broken, without the field name; part of the serialized form. */
    private final String rule;

    /**
     * An error for {@code field} breaking {@code rule}.
     *
     * @param field the field, as a caller knows it, e.g. {@code "services[0].uid"}
     * @param rule the rule and how it was broken, e.g. {@code "must be within 0..65535 (u16), was 70000"};
     *     never a secret's value
     */
    public InvalidArgumentException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
        this.rule = rule;
    }

    /** {@return the field the input was given for} */
    public String field() {
        return field;
    }

    /** {@return what the rule is and how the input broke it, without the field name} */
    public String rule() {
        return rule;
    }
}
