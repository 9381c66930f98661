package io.countersign.netless;

import io.countersign.codec.InvalidArgumentException;
/** The three kinds of netless token, told apart only by the prefix before the base64url text. */
public enum TokenPrefix {
    /** {@code NETLESSSDK_}: an SDK (whole-app) token. */
    SDK("NETLESSSDK_"),
    /** {@code NETLESSROOM_}: a token for one whiteboard room. */
    ROOM("NETLESSROOM_"),
    /** {@code NETLESSTASK_}: a token for one task (such as a file conversion). */
    TASK("NETLESSTASK_");

    private final String prefix;

    TokenPrefix(String prefix) {
        this.prefix = prefix;
    }

    /** {@return the prefix text, e.g. {@code "NETLESSSDK_"}} */
    public String prefix() {
        return prefix;
    }

    /**
     * The kind with this prefix text.
     *
     * @param prefix {@code "NETLESSSDK_"}, {@code "NETLESSROOM_"} or {@code "NETLESSTASK_"}
     * @return the kind
     * @throws InvalidArgumentException for any other text
     */
    public static TokenPrefix of(String prefix) {
        for (TokenPrefix p : values()) {
            if (p.prefix.equals(prefix)) {
                return p;
            }
        }
        throw new InvalidArgumentException("prefix", "must be NETLESSSDK_, NETLESSROOM_ or NETLESSTASK_");
    }

    /** The kind whose prefix {@code token} starts with, or null. */
    static TokenPrefix startOf(String token) {
        for (TokenPrefix p : values()) {
            if (token.startsWith(p.prefix)) {
                return p;
            }
        }
        return null;
    }
}
