/**
 * DynamicKey5, the {@code 005} key of the older SDKs: {@link io.countersign.dynamickey5.DynamicKey5} with
 * the official names, constants and argument order, the key's content, a signer, a strict decoder and
 * {@link io.countersign.dynamickey5.DynamicKey5Codec}. A 005 key carries neither its channel name nor its
 * uid, so verifying one needs them again.
 */
package io.countersign.dynamickey5;
