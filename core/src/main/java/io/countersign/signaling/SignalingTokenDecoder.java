package io.countersign.signaling;

import io.countersign.internal.Checks;
import io.countersign.codec.DecodeLimits;
import io.countersign.internal.Hex;
import io.countersign.codec.TokenDecoder;
import io.countersign.codec.TokenFormatException;
import io.countersign.codec.TokenFormatException.Reason;

/**
 * Decodes signaling tokens strictly: exactly {@code "1:" appId ":" expiredTs ":" md5}, the App
 * ID 32 hex digits, the expiry a canonical decimal u32 (no sign, no leading zero), the MD5 32
 * lower-case hex digits (what every official builder prints), nothing else. Offsets count
 * characters of the token. Holds no state: thread-safe.
 */
public final class SignalingTokenDecoder extends TokenDecoder<DecodedSignalingToken> {
    private static final int APP_ID_AT = 2;
    private static final int EXPIRED_AT = APP_ID_AT + 32 + 1;

    /** A decoder within {@link DecodeLimits#DEFAULT}. */
    public SignalingTokenDecoder() {
        this(DecodeLimits.DEFAULT);
    }

    /**
     * A decoder within {@code limits} (a signaling token uses only its token length).
     *
     * @param limits the bounds
     * @throws io.countersign.codec.InvalidArgumentException if {@code limits} is null
     */
    public SignalingTokenDecoder(DecodeLimits limits) {
        super(limits);
    }

    @Override
    protected DecodedSignalingToken decodeText(String token) {
        requireVersion(token, SignalingTokenContent.VERSION + ":", "a signaling token");
        if (token.length() < EXPIRED_AT) {
            throw new TokenFormatException(Reason.TRUNCATED, "appId", APP_ID_AT, "the 32-digit App ID and its ':' are cut short");
        }
        for (int i = APP_ID_AT; i < EXPIRED_AT - 1; i++) {
            if (Hex.digit(token.charAt(i)) < 0) {
                throw new TokenFormatException(Reason.BAD_VALUE, "appId", i, "not a hexadecimal digit");
            }
        }
        if (token.charAt(EXPIRED_AT - 1) != ':') {
            throw new TokenFormatException(Reason.BAD_VALUE, "appId", EXPIRED_AT - 1, "an App ID is 32 digits, then ':'");
        }
        int colon = token.indexOf(':', EXPIRED_AT);
        if (colon < 0) {
            throw new TokenFormatException(Reason.TRUNCATED, "expiredTs", EXPIRED_AT, "no ':' after the expiry");
        }
        long expiredTs = parseU32(token, EXPIRED_AT, colon);
        int md5At = colon + 1;
        if (token.length() - md5At != SignalingTokenSigner.MD5_HEX_LENGTH) {
            throw new TokenFormatException(token.length() - md5At < SignalingTokenSigner.MD5_HEX_LENGTH ? Reason.TRUNCATED
                    : Reason.TRAILING_BYTES, "signature", md5At,
                    "an MD5 is 32 hex digits, found " + (token.length() - md5At) + " characters");
        }
        for (int i = md5At; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                throw new TokenFormatException(Reason.BAD_VALUE, "signature", i, "not a lower-case hex digit");
            }
        }
        return new DecodedSignalingToken(token.substring(APP_ID_AT, EXPIRED_AT - 1), expiredTs, token.substring(md5At));
    }

    private static long parseU32(String token, int from, int to) {
        int digits = to - from;
        if (digits == 0 || digits > 10 || digits > 1 && token.charAt(from) == '0') {
            throw new TokenFormatException(Reason.BAD_VALUE, "expiredTs", from,
                    "must be a decimal u32 without sign or leading zero, had " + digits + " characters");
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = token.charAt(i);
            if (c < '0' || c > '9') {
                throw new TokenFormatException(Reason.BAD_VALUE, "expiredTs", i, "not a decimal digit");
            }
            value = value * 10 + (c - '0');
        }
        if (value > Checks.U32_MAX) {
            throw new TokenFormatException(Reason.BAD_VALUE, "expiredTs", from, value + " is past the u32 range");
        }
        return value;
    }
}
