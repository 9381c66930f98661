/**
 * AccessToken, the {@code 006} token: {@link io.countersign.accesstoken.RtcTokenBuilder} and
 * {@link io.countersign.accesstoken.RtmTokenBuilder} named as the official ones, the token's content
 * ({@link io.countersign.accesstoken.AccessToken}), a signer, a strict decoder and
 * {@link io.countersign.accesstoken.AccessTokenCodec}. A 006 token carries only CRC32s of its channel name
 * and uid, so verifying one needs them again.
 */
package io.countersign.accesstoken;
