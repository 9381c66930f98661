/**
 * Netless (Interactive Whiteboard) SDK, room and task tokens, byte-identical to netless-token 1.0.2's:
 * {@link io.countersign.netless.NetlessToken} with its function names and argument order, the token's
 * content, where nonces come from, a signer, a strict decoder that accepts only texts the official builder
 * can write, and {@link io.countersign.netless.NetlessCodec}. Times here are unix milliseconds, as in
 * JavaScript.
 */
package io.countersign.netless;
