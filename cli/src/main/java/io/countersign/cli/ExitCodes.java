package io.countersign.cli;

/**
 * The exit status of every {@code countersign} command, one meaning each, so a script can tell
 * them apart. Documented in each command's {@code --help} and in the README.
 */
final class ExitCodes {
    /** Done; for verify and inspect: valid, nothing wrong found. */
    static final int VALID = 0;
    /** The token decodes, but something is wrong: signature, expiry, channel, user, service or privilege. */
    static final int INVALID = 1;
    /** The token does not decode. */
    static final int MALFORMED = 2;
    /** Bad options or arguments, an input the builders refuse, or a secret that is missing or cannot be read. */
    static final int USAGE = 3;
    /** A bug in countersign (BSD sysexits EX_SOFTWARE): the one case that prints a stack trace. */
    static final int INTERNAL = 70;

    /** The list picocli prints under "Exit status:" in --help. */
    static final String[] LIST = {
            "0:valid (verify, inspect) or done (build, decode)",
            "1:invalid: the token decodes, but its signature or what it grants is wrong",
            "2:malformed: the token does not decode",
            "3:usage: bad options or arguments, or a missing or unreadable secret",
            "70:internal error in countersign (a bug; prints a stack trace)"};

    private ExitCodes() {
    }
}
