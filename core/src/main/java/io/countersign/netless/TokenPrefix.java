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

    /** The prefix text, e.g. {@code "NETLESSSDK_"}. */
    public String prefix() {
        return prefix;
    }

    /** The kind with this prefix text; anything else is an {@link IllegalArgumentException}. */
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
