/**
 * countersign's core: build, decode and verify Agora tokens (AccessToken2 {@code 007}, AccessToken
 * {@code 006}, DynamicKey5 {@code 005}, the signaling token and the Interactive Whiteboard tokens),
 * with builders named after the official ones. Needs nothing beyond {@code java.base}.
 *
 * <p>{@code io.countersign.internal} (packing, HMAC, zlib, base64, argument checks) is not exported:
 * it may change in any release.
 */
module io.countersign.core {
    exports io.countersign.accesstoken2;
    exports io.countersign.accesstoken;
    exports io.countersign.dynamickey5;
    exports io.countersign.signaling;
    exports io.countersign.netless;
    exports io.countersign.codec;
    exports io.countersign.schemes;
    exports io.countersign.doctor;
}
