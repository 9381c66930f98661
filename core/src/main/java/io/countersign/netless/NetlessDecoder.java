package io.countersign.netless;

import io.countersign.internal.Base64Codec;
import io.countersign.codec.ByteString;
import io.countersign.codec.DecodeLimits;
import io.countersign.codec.TokenDecoder;
import io.countersign.codec.TokenFormatException;
import io.countersign.codec.TokenFormatException.Reason;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Decodes netless tokens strictly, accepting exactly the texts netless-token can write, so a
 * token has one text and a changed character is rejected or changes the content: a known
 * prefix; canonical unpadded base64url; a query string whose keys are the known ones, each at
 * most once, in the sorted order the official builder writes ({@code ak, expireAt, nonce, role,
 * sig, uuid}); values in encodeURIComponent's exact form (unreserved characters as they are,
 * everything else as upper-case {@code %XX}, nothing else) that decode to well-formed UTF-8;
 * {@code ak} and {@code nonce} non-empty, {@code role} 0/1/2, {@code sig} 64 lower-case hex
 * digits, {@code expireAt} a decimal without leading zeros up to {@link NetlessTokenContent#MAX_EXPIRE_AT}.
 * Offsets are in the token text for the prefix and base64url, otherwise in the decoded query
 * string. Every failure is a {@link TokenFormatException}. Not thread-safe: keep one per
 * thread, or use {@link NetlessCodec#decode(String)}.
 */
public final class NetlessDecoder extends TokenDecoder<DecodedNetlessToken> {
    private static final String[] KEYS = {"ak", "expireAt", "nonce", "role", "sig", "uuid"};
    private static final int AK = 0;
    private static final int EXPIRE_AT = 1;
    private static final int NONCE = 2;
    private static final int ROLE = 3;
    private static final int SIG = 4;
    private static final int UUID = 5;
    private static final boolean[] REQUIRED = {true, false, true, true, true, false};

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] scratch = new byte[256];

    /** A decoder within {@link DecodeLimits#DEFAULT}. */
    public NetlessDecoder() {
        this(DecodeLimits.DEFAULT);
    }

    /**
     * A decoder within {@code limits} (a netless token uses only its token length).
     *
     * @param limits the bounds
     * @throws io.countersign.codec.InvalidArgumentException if {@code limits} is null
     */
    public NetlessDecoder(DecodeLimits limits) {
        super(limits);
    }

    @Override
    protected DecodedNetlessToken decodeText(String token) {
        TokenPrefix prefix = TokenPrefix.startOf(token);
        if (prefix == null) {
            throw new TokenFormatException(Reason.BAD_PREFIX, "prefix", 0,
                    "a netless token starts with NETLESSSDK_, NETLESSROOM_ or NETLESSTASK_");
        }
        byte[] query = Base64Codec.URL_UNPADDED.decode("token", token, prefix.prefix().length());
        return parse(prefix, query);
    }

    private DecodedNetlessToken parse(TokenPrefix prefix, byte[] query) {
        String[] values = new String[KEYS.length];
        int n = query.length;
        int last = -1;
        int p = 0;
        while (true) {
            int keyStart = p;
            while (p < n && query[p] != '=' && query[p] != '&') {
                p++;
            }
            if (p == n || query[p] == '&') {
                throw new TokenFormatException(Reason.BAD_VALUE, "query", keyStart,
                        p == keyStart ? "empty key=value pair" : "a key without '=' and value");
            }
            int k = keyIndex(query, keyStart, p);
            if (k < 0) {
                throw new TokenFormatException(Reason.BAD_VALUE, "query", keyStart,
                        "unknown key \"" + printable(query, keyStart, p) + "\" (known: ak, expireAt, nonce, role, sig, uuid)");
            }
            if (values[k] != null) {
                throw new TokenFormatException(Reason.BAD_VALUE, KEYS[k], keyStart, "key appears twice");
            }
            if (k < last) {
                throw new TokenFormatException(Reason.BAD_VALUE, KEYS[k], keyStart,
                        "key out of order: netless-token writes them sorted (ak, expireAt, nonce, role, sig, uuid)");
            }
            last = k;
            int valueStart = ++p;
            while (p < n && query[p] != '&') {
                p++;
            }
            values[k] = decodeValue(KEYS[k], query, valueStart, p);
            checkValue(k, values[k], valueStart);
            if (p == n) {
                break;
            }
            p++;
        }
        for (int k = 0; k < KEYS.length; k++) {
            if (REQUIRED[k] && values[k] == null) {
                throw new TokenFormatException(Reason.BAD_VALUE, KEYS[k], n, "required key " + KEYS[k] + " is missing");
            }
        }
        try {
            NetlessTokenContent content = new NetlessTokenContent(prefix, values[AK], values[NONCE],
                    TokenRole.fromValue(values[ROLE]), Optional.ofNullable(values[UUID]),
                    values[EXPIRE_AT] == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(values[EXPIRE_AT])));
            return new DecodedNetlessToken(content, ByteString.copyOf(hexToBytes(values[SIG])));
        } catch (IllegalArgumentException e) {
            // Unreachable when checkValue agrees with the content rules; kept so that decode
            // can only ever throw TokenFormatException.
            throw new TokenFormatException(Reason.BAD_VALUE, "query", 0, e.getMessage());
        }
    }

    private static int keyIndex(byte[] query, int from, int to) {
        outer:
        for (int k = 0; k < KEYS.length; k++) {
            String key = KEYS[k];
            if (key.length() != to - from) {
                continue;
            }
            for (int i = 0; i < key.length(); i++) {
                if (query[from + i] != key.charAt(i)) {
                    continue outer;
                }
            }
            return k;
        }
        return -1;
    }

    /** Undoes encodeURIComponent, accepting only the exact text it writes. */
    private String decodeValue(String field, byte[] query, int from, int to) {
        if (scratch.length < to - from) {
            scratch = new byte[Math.max(to - from, 2 * scratch.length)];
        }
        int length = 0;
        for (int i = from; i < to; i++) {
            int b = query[i] & 0xFF;
            if (b == '%') {
                if (i + 2 >= to) {
                    throw new TokenFormatException(Reason.BAD_VALUE, field, i, "'%' must be followed by two hex digits");
                }
                int hi = upperHexDigit(query[i + 1]);
                int lo = upperHexDigit(query[i + 2]);
                if (hi < 0 || lo < 0) {
                    throw new TokenFormatException(Reason.BAD_VALUE, field, i,
                            "'%' must be followed by two upper-case hex digits, as encodeURIComponent writes them");
                }
                int v = hi << 4 | lo;
                if (JsStrings.isUriUnreserved(v)) {
                    throw new TokenFormatException(Reason.BAD_VALUE, field, i,
                            "'" + (char) v + "' is escaped, but encodeURIComponent leaves it as it is");
                }
                scratch[length++] = (byte) v;
                i += 2;
            } else if (JsStrings.isUriUnreserved(b)) {
                scratch[length++] = (byte) b;
            } else {
                throw new TokenFormatException(Reason.BAD_VALUE, field, i, describe(b)
                        + " appears unescaped, but encodeURIComponent escapes it");
            }
        }
        try {
            return utf8.reset().decode(ByteBuffer.wrap(scratch, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new TokenFormatException(Reason.BAD_VALUE, field, from,
                    "percent-escapes do not decode to well-formed UTF-8");
        }
    }

    private static void checkValue(int k, String value, int offset) {
        switch (k) {
            case AK:
            case NONCE:
                if (value.isEmpty()) {
                    throw new TokenFormatException(Reason.BAD_VALUE, KEYS[k], offset, KEYS[k] + " must not be empty");
                }
                break;
            case ROLE:
                if (TokenRole.fromValue(value) == null) {
                    throw new TokenFormatException(Reason.BAD_VALUE, KEYS[k], offset,
                            "role must be 0 (admin), 1 (writer) or 2 (reader)");
                }
                break;
            case SIG:
                if (!isLowerHex(value, NetlessSigner.SIG_HEX_LENGTH)) {
                    throw new TokenFormatException(Reason.BAD_VALUE, KEYS[k], offset,
                            "sig must be " + NetlessSigner.SIG_HEX_LENGTH + " lower-case hex digits (HMAC-SHA256 as Node's digest(\"hex\"))");
                }
                break;
            case EXPIRE_AT:
                if (!isCanonicalSafeInteger(value)) {
                    throw new TokenFormatException(Reason.BAD_VALUE, KEYS[k], offset,
                            "expireAt must be decimal digits without leading zeros, at most "
                                    + NetlessTokenContent.MAX_EXPIRE_AT);
                }
                break;
            default:
                break;
        }
    }

    private static boolean isLowerHex(String value, int length) {
        if (value.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** Decimal as JavaScript prints an integer-valued number within 0..2^53-1. */
    private static boolean isCanonicalSafeInteger(String value) {
        int len = value.length();
        if (len == 0 || len > 16 || len > 1 && value.charAt(0) == '0') {
            return false;
        }
        long v = 0;
        for (int i = 0; i < len; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            v = v * 10 + (c - '0');
        }
        return v <= NetlessTokenContent.MAX_EXPIRE_AT;
    }

    private static byte[] hexToBytes(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (Character.digit(hex.charAt(2 * i), 16) << 4 | Character.digit(hex.charAt(2 * i + 1), 16));
        }
        return out;
    }

    private static int upperHexDigit(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    private static String describe(int b) {
        return b >= 0x21 && b < 0x7F ? "'" + (char) b + "'" : String.format("byte 0x%02X", b);
    }

    private static String printable(byte[] bytes, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to && sb.length() < 32; i++) {
            int b = bytes[i] & 0xFF;
            sb.append(b >= 0x20 && b < 0x7F && b != '"' && b != '\\' ? (char) b : '?');
        }
        return to - from > 32 ? sb + "..." : sb.toString();
    }
}
