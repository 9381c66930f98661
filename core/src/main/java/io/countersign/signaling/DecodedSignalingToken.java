package io.countersign.signaling;

import io.countersign.codec.ByteString;

/**
 * What a signaling token says without any secret.
 *
 * @param appId the App ID, 32 hexadecimal characters as the token carries them
 * @param expiredTs when the token expires, unix seconds (u32)
 * @param signature the MD5, 32 lower-case hexadecimal digits
 */
public record DecodedSignalingToken(String appId, long expiredTs, String signature) {

    /**
     * Whether the token was signed with {@code appCertificate} for {@code account}; compared in constant time.
     *
     * @param appCertificate the App Certificate, 32 hexadecimal characters, in the case it was signed with
     * @param account the account it should be for
     * @return true if the MD5 matches
     * @throws io.countersign.codec.InvalidArgumentException if the certificate is not 32 hexadecimal characters or the account is null
     */
    public boolean verify(String appCertificate, String account) {
        return verify(appCertificate, ByteString.utf8("account", account));
    }

    /**
     * As {@link #verify(String, String)} with a raw account.
     *
     * @param appCertificate the App Certificate, 32 hexadecimal characters, in the case it was signed with
     * @param account the account's bytes
     * @return true if the MD5 matches
     * @throws io.countersign.codec.InvalidArgumentException if the certificate is not 32 hexadecimal characters or the account is null
     */
    public boolean verify(String appCertificate, ByteString account) {
        return SignalingTokenCodec.signer().verify(this, appCertificate, account);
    }

    /**
     * Whether the token has expired at {@code nowSeconds}.
     *
     * @param nowSeconds the time to check at, unix seconds
     * @return true from second {@code expiredTs} on
     */
    public boolean isExpired(long nowSeconds) {
        return nowSeconds >= expiredTs;
    }
}
