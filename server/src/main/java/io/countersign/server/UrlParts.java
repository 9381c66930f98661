package io.countersign.server;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict percent-decoding of path segments and query values: bad escapes or bad UTF-8 are a 400. */
final class UrlParts {
    private UrlParts() {
    }

    /** A path segment: '%XX' escapes only ('+' stays '+', as RFC 3986 paths have it). */
    static String segment(String field, String raw) {
        return decode(field, raw, false);
    }

    /** The first value of query parameter {@code name} ('+' is a space there), or null. */
    static String query(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        int start = 0;
        while (start <= rawQuery.length()) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = rawQuery.length();
            }
            int eq = rawQuery.indexOf('=', start);
            String key = rawQuery.substring(start, eq < 0 || eq > end ? end : eq);
            if (decode(name, key, true).equals(name)) {
                return eq < 0 || eq > end ? "" : decode(name, rawQuery.substring(eq + 1, end), true);
            }
            start = end + 1;
        }
        return null;
    }

    private static String decode(String field, String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0)) {
            return raw;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 1 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw HttpError.badRequest(field, field + ": bad percent-escape at character " + (i + 1));
                }
                bytes.put((byte) (hi << 4 | lo));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.put((byte) ' ');
            } else if (c < 128) {
                bytes.put((byte) c);
            } else {
                throw HttpError.badRequest(field, field + ": characters outside ASCII must be percent-encoded");
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw HttpError.badRequest(field, field + ": percent-escapes are not valid UTF-8");
        }
    }
}
