/**
 * What every token scheme shares: the two exceptions ({@link io.countersign.codec.InvalidArgumentException}
 * for bad input to a builder, {@link io.countersign.codec.TokenFormatException} for a token that does not
 * decode), the decode bounds ({@link io.countersign.codec.DecodeLimits}), the field types of a token
 * ({@link io.countersign.codec.ByteString}, {@link io.countersign.codec.Privileges}), the signer and decoder
 * base classes each scheme extends, where salts come from, and the release version.
 */
package io.countersign.codec;
