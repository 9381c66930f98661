package io.countersign.accesstoken;

import io.countersign.codec.DecodeLimits;
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

    /**
     * Signs {@code token} with {@code appCertificate}.
     *
     * @param token the content
     * @param appCertificate the App Certificate, 32 hexadecimal characters
     * @return the token text, {@code "006"}, the App ID and base64
     * @throws io.countersign.codec.InvalidArgumentException if the certificate is malformed
     */
    public static String encode(AccessToken token, String appCertificate) {
        return CODEC.encode(token, appCertificate);
    }

    /**
     * Decodes a 006 token without any secret, within {@link io.countersign.codec.DecodeLimits#DEFAULT}.
     *
     * @param token the token text
     * @return what it says: App ID, signature, CRC32s, salt, ts, privileges
     * @throws TokenFormatException if it is malformed
     */
    public static DecodedAccessToken decode(String token) {
        return CODEC.decode(token);
    }

    /**
     * As {@link #decode(String)}, within {@code limits} (a server's, sized for the tokens it expects).
     *
     * @param token the token text
     * @param limits the bounds a token must stay within
     * @return its content and signature
     * @throws TokenFormatException if it is malformed or passes {@code limits}
     * @throws io.countersign.codec.InvalidArgumentException if {@code limits} is null
     */
    public static DecodedAccessToken decode(String token, DecodeLimits limits) {
        return CODEC.decode(token, limits);
    }

    /**
     * Decodes and verifies against the certificate, channel name and packed uid (an account, a
     * decimal uid, or "" for uid 0). Expiry is not checked.
     *
     * @param token the token text
     * @param appCertificate the App Certificate, 32 hexadecimal characters
     * @param channelName the channel it should be bound to
     * @param uid the packed uid it should be bound to
     * @return true if the signature and both CRC32s match, false for any mismatch
     * @throws TokenFormatException if the token is malformed
     * @throws IllegalArgumentException if the certificate is not 32 hexadecimal characters or an argument is null
     */
    public static boolean verify(String token, String appCertificate, String channelName, String uid) {
        return decode(token).verify(appCertificate, channelName, uid);
    }

    /**
     * As {@link #verify(String, String, String, String)} with a numeric uid (0 packs as "").
     *
     * @param token the token text
     * @param appCertificate the App Certificate, 32 hexadecimal characters
     * @param channelName the channel it should be bound to
     * @param uid the uid it should be bound to, within 0..4294967295
     * @return true if the signature and both CRC32s match
     * @throws TokenFormatException if the token is malformed
     * @throws IllegalArgumentException if the certificate or the uid breaks its rule
     */
    public static boolean verify(String token, String appCertificate, String channelName, long uid) {
        return verify(token, appCertificate, channelName, Issuer.uidString(uid));
    }

    /**
     * The signer of the calling thread, for the caller-buffer API without managing one yourself.
     *
     * @return this thread's signer; do not hand it to another thread
     */
    public static AccessTokenSigner signer() {
        return CODEC.signer();
    }
}
