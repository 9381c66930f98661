package io.countersign.server;

import io.countersign.doctor.Words;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Agora's documented input rules, checked before anything is signed, each failure a 400
 * naming the field. Sources (server/README.md cites them):
 * <ul>
 * <li>channel name: at most 64 bytes of 89 characters: a-z, A-Z, 0-9, space and
 *     {@code ! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~ ,} (joinChannel API reference;
 *     the same list is in the official agora-access-token builders' docs);</li>
 * <li>RTC user account: at most 255 bytes of the same characters, not empty (joinChannelWithUserAccount);</li>
 * <li>RTM user ID: at most 64 bytes of the same characters, not empty, not starting with a space (RTM login);</li>
 * <li>Chat user ID: 1..64 characters of a-z, 0-9, {@code _ - .}, no upper case (Agora Chat's REST API,
 *     registering a user; its SDKs turn upper case into lower case, so a token for "Alice" names
 *     a user who cannot log in as such);</li>
 * <li>uid: a 32-bit unsigned integer, 0 meaning "any uid" (RtcTokenBuilder2 docs);</li>
 * <li>token lifetime: at most 24 hours ("A token is valid for a maximum of 24 hours").</li>
 * </ul>
 */
final class AgoraRules {
    /** The largest unsigned 32-bit value: uids and lifetimes are u32 in every token format. */
    static final long U32_MAX = 0xFFFF_FFFFL;

    static final int MAX_CHANNEL_NAME_BYTES = Words.MAX_CHANNEL_NAME_BYTES;
    static final int MAX_USER_ACCOUNT_BYTES = 255;
    static final int MAX_RTM_USER_ID_BYTES = 64;
    static final int MAX_CHAT_USER_ID_CHARS = 64;

    private AgoraRules() {
    }

    /** A channel name: 1..64 bytes of Agora's 89 characters. */
    static String channelName(String field, String value) {
        return charsetText(field, value, MAX_CHANNEL_NAME_BYTES, "a channel name");
    }

    /** An RTC user account (string uid): 1..255 bytes of Agora's 89 characters. */
    static String userAccount(String field, String value) {
        return charsetText(field, value, MAX_USER_ACCOUNT_BYTES, "a user account");
    }

    /** An RTM user ID: 1..64 bytes of Agora's 89 characters, not starting with a space. */
    static String rtmUserId(String field, String value) {
        charsetText(field, value, MAX_RTM_USER_ID_BYTES, "an RTM user ID");
        if (value.charAt(0) == ' ') {
            throw HttpError.invalid(field, field + ": an RTM user ID must not start with a space");
        }
        return value;
    }

    /**
     * A Chat user ID: 1..64 characters of a-z, 0-9, '_', '-' and '.', so no control character,
     * no bidi override and nothing that could be confused in a log or a UI. Upper case is
     * refused with the lower-case form to use: Agora Chat registers users in lower case.
     */
    static String chatUserId(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw HttpError.invalid(field, field + ": a Chat user ID must not be empty");
        }
        boolean upper = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean isUpper = c >= 'A' && c <= 'Z';
            boolean ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.';
            upper |= isUpper;
            if (!ok && !isUpper) {
                throw HttpError.invalid(field, field + ": a Chat user ID may hold only a-z, 0-9, '_', '-' and '.'; "
                        + "character " + (i + 1) + " (U+" + String.format("%04X", (int) c) + ") is not one of them");
            }
        }
        if (value.length() > MAX_CHAT_USER_ID_CHARS) {
            throw HttpError.invalid(field, field + ": a Chat user ID is at most " + MAX_CHAT_USER_ID_CHARS
                    + " characters, was " + value.length());
        }
        if (upper) {
            throw HttpError.invalid(field, field + ": a Chat user ID is lower case (Agora Chat registers users in "
                    + "lower case); use \"" + value.toLowerCase(Locale.ROOT) + "\"");
        }
        return value;
    }

    /** A uid: 0..4294967295 (0: any uid may join). */
    static long uid(String field, long value) {
        if (value < 0 || value > U32_MAX) {
            throw HttpError.invalid(field, field + ": a uid is 0..4294967295 (0 means any uid), was " + value);
        }
        return value;
    }

    /** A uid written in decimal, as in a URL path: digits only, 0..4294967295. */
    static long uidText(String field, String text) {
        if (!isDecimal(text, 10)) {
            throw HttpError.invalid(field, field + ": a uid is a decimal integer 0..4294967295, was \"" + text + "\"");
        }
        return uid(field, Long.parseLong(text));
    }

    /** Whether text is 1..maxDigits ASCII decimal digits, as Long.parseLong then reads them. */
    static boolean isDecimal(String text, int maxDigits) {
        return !text.isEmpty() && text.length() <= maxDigits && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** A lifetime in seconds from now: 1..max. */
    static long lifetime(String field, long seconds, long max) {
        if (seconds < 1 || seconds > max) {
            throw HttpError.invalid(field, field + ": a lifetime is 1.." + max + " seconds, was " + seconds);
        }
        return seconds;
    }

    /** A lifetime in decimal, as in a query string. */
    static long lifetimeText(String field, String text, long max) {
        if (!isDecimal(text, 10)) {
            throw HttpError.invalid(field, field + ": a lifetime is a decimal number of seconds 1.." + max
                    + ", was \"" + text + "\"");
        }
        return lifetime(field, Long.parseLong(text), max);
    }

    private static String charsetText(String field, String value, int maxBytes, String what) {
        if (value == null || value.isEmpty()) {
            throw HttpError.invalid(field, field + ": " + what + " must not be empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Words.isAgoraNameCharacter(c)) {
                throw HttpError.invalid(field, field + ": " + what + " may hold only " + Words.AGORA_NAME_CHARACTERS
                        + "; character " + (i + 1) + " (U+" + String.format("%04X", (int) c) + ") is not one of them");
            }
        }
        // Every allowed character is ASCII, so chars are bytes here.
        if (value.length() > maxBytes) {
            throw HttpError.invalid(field, field + ": " + what + " is at most " + maxBytes + " bytes, was "
                    + value.getBytes(StandardCharsets.UTF_8).length);
        }
        return value;
    }
}
