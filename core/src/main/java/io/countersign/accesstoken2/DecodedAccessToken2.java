package io.countersign.accesstoken2;

import io.countersign.codec.ByteString;

/**
 * A decoded 007 token: its content, its signature, the exact signed bytes (kept so the token
 * can be verified even where this version does not understand every service), and the signed
 * bytes from the first unknown service type on, if any ({@link ByteString#EMPTY} otherwise).
 *
 * @param token the content; its services stop before the first unknown type
 * @param signature the HMAC-SHA256 as the token carries it (32 bytes if well formed)
 * @param signingInfo the bytes the signature covers, from the App ID to the end of the payload
 * @param unparsed the signed bytes from the first service of an unknown type on, or empty
 */
public record DecodedAccessToken2(AccessToken2 token, ByteString signature, ByteString signingInfo, ByteString unparsed) {

    /**
     * Whether the token was signed with {@code appCertificate}; compared in constant time.
     *
     * @param appCertificate the App Certificate, 32 hexadecimal characters
     * @return true if the signature matches
     * @throws IllegalArgumentException if the certificate is not 32 hexadecimal characters
     */
    public boolean verify(String appCertificate) {
        return AccessToken2Codec.signer().verify(signature.toByteArray(), signingInfo.toByteArray(), token.issueTs(),
                token.salt(), appCertificate);
    }

    /**
     * Whether the token has expired at {@code nowSeconds} (issueTs + expire, as Agora checks it).
     *
     * @param nowSeconds the time to check at, unix seconds
     * @return true from second issueTs + expire on
     */
    public boolean isExpired(long nowSeconds) {
        return nowSeconds >= token.issueTs() + token.expire();
    }
}
