package io.countersign.signaling;

import io.countersign.codec.ByteString;

/** What a signaling token says without any secret: App ID, expiry (unix seconds) and the MD5 as 32 lower-case hex digits. */
public record DecodedSignalingToken(String appId, long expiredTs, String signature) {

    /** Whether the token was signed with {@code appCertificate} for {@code account}; constant time. */
    public boolean verify(String appCertificate, String account) {
        return verify(appCertificate, ByteString.utf8("account", account));
    }

    /** As {@link #verify(String, String)} with a raw account. */
    public boolean verify(String appCertificate, ByteString account) {
        return SignalingTokenCodec.signer().verify(this, appCertificate, account);
    }

    /** Whether the token has expired at {@code nowSeconds}. */
    public boolean isExpired(long nowSeconds) {
        return nowSeconds >= expiredTs;
    }
}
