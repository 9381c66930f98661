package io.countersign.netless;

import io.countersign.codec.ByteString;

/** A decoded netless token: its content and its 32-byte HMAC-SHA256 signature ({@code sig}). */
public record DecodedNetlessToken(NetlessTokenContent content, ByteString signature) {

    /** {@code sig} as the token writes it: 64 lower-case hex digits. */
    public String sigHex() {
        return signature.hex();
    }

    /** Whether the token was signed with {@code sk}; compared in constant time. False for an unusable sk. */
    public boolean verify(String sk) {
        return NetlessCodec.signer().verify(content, signature.toByteArray(), sk);
    }

    /** Whether the token has expired at {@code nowMillis} (unix ms): at or after expireAt; never if it has none. */
    public boolean isExpired(long nowMillis) {
        return content.expireAt().isPresent() && nowMillis >= content.expireAt().getAsLong();
    }
}
