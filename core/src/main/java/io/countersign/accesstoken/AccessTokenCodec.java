package io.countersign.accesstoken;

import io.countersign.internal.PerThreadCodec;
import io.countersign.codec.TokenFormatException;

/**
 * Thread-safe entry points for 006 tokens: each thread gets its own {@link AccessTokenSigner},
 * so callers never share the non-thread-safe parts.
 */
public final class AccessTokenCodec {
    private static final PerThreadCodec<AccessToken, AccessTokenSigner, DecodedAccessToken> CODEC =
            new PerThreadCodec<>(AccessTokenSigner::new, AccessTokenDecoder::new);

    private AccessTokenCodec() {
    }

    /** Signs {@code token} with {@code appCertificate} (32 hex characters). */
    public static String encode(AccessToken token, String appCertificate) {
        return CODEC.encode(token, appCertificate);
    }

    /** Decodes without any secret; throws {@link TokenFormatException} on a malformed token. */
    public static DecodedAccessToken decode(String token) {
        return CODEC.decode(token);
    }

    /**
     * Decodes and verifies against the certificate, channel name and packed uid (an account, a
     * decimal uid, or "" for uid 0); false for any mismatch, throws {@link TokenFormatException}
     * if malformed.
     */
    public static boolean verify(String token, String appCertificate, String channelName, String uid) {
        return decode(token).verify(appCertificate, channelName, uid);
    }

    /** As {@link #verify(String, String, String, String)} with a numeric uid (0 packs as ""). */
    public static boolean verify(String token, String appCertificate, String channelName, long uid) {
        return verify(token, appCertificate, channelName, Issuer.uidString(uid));
    }

    /** The signer of the calling thread, for the caller-buffer API without managing one yourself. */
    public static AccessTokenSigner signer() {
        return CODEC.signer();
    }
}
