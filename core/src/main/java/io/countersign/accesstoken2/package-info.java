/**
 * AccessToken2, the {@code 007} token: builders named as the official ones ({@link
 * io.countersign.accesstoken2.RtcTokenBuilder2}, {@link io.countersign.accesstoken2.RtmTokenBuilder2} and the
 * rest), the token's content ({@link io.countersign.accesstoken2.AccessToken2} and its
 * {@link io.countersign.accesstoken2.Service}s), a signer that writes into a caller's buffer, a strict
 * decoder, and {@link io.countersign.accesstoken2.AccessToken2Codec} for thread-safe one-call use.
 */
package io.countersign.accesstoken2;
