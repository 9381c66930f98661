package io.countersign.netless;

import io.countersign.codec.ByteString;

/**
 * A decoded netless token.
 *
 * @param content what the token says: kind, ak, nonce, role, uuid and expiry
 * @param signature {@code sig}, the 32-byte HMAC-SHA256 of the content
 */
public record DecodedNetlessToken(NetlessTokenContent content, ByteString signature) {

    /** {@return {@code sig} as the token writes it: 64 lower-case hex digits} */
    public String sigHex() {
        return signature.hex();
    }

    /**
     * Whether the token was signed with {@code sk}; compared in constant time.
     *
     * @param sk the secret key
     * @return true if {@code sig} matches; false also for a null, empty or ill-formed {@code sk}, which cannot have signed anything
     */
    public boolean verify(String sk) {
        return NetlessCodec.signer().verify(content, signature.toByteArray(), sk);
    }

    /**
     * Whether the token has expired at {@code nowMillis}.
     *
     * @param nowMillis the time to check at, unix milliseconds
     * @return true at or after expireAt; always false for a token without one
     */
    public boolean isExpired(long nowMillis) {
        return content.expireAt().isPresent() && nowMillis >= content.expireAt().getAsLong();
    }
}
