package io.countersign.accesstoken2;

import io.countersign.codec.ByteString;

/**
 * A decoded 007 token: its content, its signature, the exact signed bytes (kept so the token
 * can be verified even where this version does not understand every service), and the signed
 * bytes from the first unknown service type on, if any ({@link ByteString#EMPTY} otherwise).
 */
public record DecodedAccessToken2(AccessToken2 token, ByteString signature, ByteString signingInfo, ByteString unparsed) {

    /** Whether the token was signed with {@code appCertificate}; compared in constant time. */
    public boolean verify(String appCertificate) {
        return AccessToken2Codec.signer().verify(signature.toByteArray(), signingInfo.toByteArray(), token.issueTs(),
                token.salt(), appCertificate);
    }

    /** Whether the token has expired at {@code nowSeconds} (issueTs + expire, as Agora checks it). */
    public boolean isExpired(long nowSeconds) {
        return nowSeconds >= token.issueTs() + token.expire();
    }
}
