package io.countersign.netless;

import io.countersign.codec.InvalidArgumentException;
/**
 * Who a netless token is for, as netless-token's {@code TokenRole}: a smaller number grants more.
 * The token carries the role as its one-character string value.
 */
public enum TokenRole {
    /** {@code "0"}: may do anything the token's scope allows. */
    ADMIN("0"),
    /** {@code "1"}: may write (draw, edit). */
    WRITER("1"),
    /** {@code "2"}: may only read. */
    READER("2");

    private final String value;

    TokenRole(String value) {
        this.value = value;
    }

    /** {@return the string the token carries: {@code "0"}, {@code "1"} or {@code "2"}} */
    public String value() {
        return value;
    }

    /**
     * The role with this string value.
     *
     * @param value {@code "0"}, {@code "1"} or {@code "2"}
     * @return the role
     * @throws InvalidArgumentException for anything else
     */
    public static TokenRole of(String value) {
        TokenRole role = fromValue(value);
        if (role == null) {
            throw new InvalidArgumentException("role", "must be \"0\" (admin), \"1\" (writer) or \"2\" (reader)");
        }
        return role;
    }

    /** The role with this value, or null. */
    static TokenRole fromValue(CharSequence value) {
        if (value != null && value.length() == 1) {
            switch (value.charAt(0)) {
                case '0': return ADMIN;
                case '1': return WRITER;
                case '2': return READER;
                default: return null;
            }
        }
        return null;
    }
}
