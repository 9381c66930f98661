/**
 * The signaling token, {@code "1:" appId ":" expiredTs ":" md5}, of the legacy signaling SDK:
 * {@link io.countersign.signaling.SignalingToken} with both official APIs (the Java {@code getToken} taking an
 * expiry, the Node {@code get} taking a lifetime), the token's content, a signer, a strict decoder and
 * {@link io.countersign.signaling.SignalingTokenCodec}.
 */
package io.countersign.signaling;
