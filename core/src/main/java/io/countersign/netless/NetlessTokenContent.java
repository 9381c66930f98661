package io.countersign.netless;

import io.countersign.internal.Checks;
import io.countersign.codec.InvalidArgumentException;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The content of a netless token: its kind, the access key, the nonce, the role, an optional
 * room or task {@code uuid}, and an optional expiry {@code expireAt} in unix milliseconds
 * (absent: never expires). The secret key is not part of it. Immutable.
 *
 * <p>Rules, each an {@link IllegalArgumentException} naming the field: {@code ak} and
 * {@code nonce} non-empty; every string well-formed UTF-16 (JavaScript's encodeURIComponent
 * throws on an unpaired surrogate, so no official token holds one); {@code expireAt} within
 * 0..{@link #MAX_EXPIRE_AT}. The official builder allows an SDK token no uuid only through its
 * TypeScript types; the format itself allows a uuid in any kind, and so does this record.
 *
 * @param prefix the kind of token: SDK, room or task
 * @param ak the access key
 * @param nonce the nonce that makes each token differ
 * @param role who the token is for
 * @param uuid the room or task it is limited to, if any
 * @param expireAt when it expires, unix milliseconds, if ever
 */
public record NetlessTokenContent(TokenPrefix prefix, String ak, String nonce, TokenRole role,
                                  Optional<String> uuid, OptionalLong expireAt) {
    /**
     * Number.MAX_SAFE_INTEGER: netless-token writes expireAt as the JavaScript number
     * {@code Date.now() + lifespan}, whose decimal form matches {@link Long#toString} only up
     * to 2^53 - 1 (above it the sum is rounded; from 1e21 on it is written in exponent form).
     */
    public static final long MAX_EXPIRE_AT = (1L << 53) - 1;

    /**
     * Checks every field against the rules of the class comment.
     *
     * @param prefix not null
     * @param ak non-empty, well-formed UTF-16
     * @param nonce non-empty, well-formed UTF-16
     * @param role not null
     * @param uuid not null; if present, well-formed UTF-16
     * @param expireAt not null; if present, within 0..{@link #MAX_EXPIRE_AT}
     * @throws InvalidArgumentException if a field breaks its rule
     */
    public NetlessTokenContent {
        Checks.notNull("prefix", prefix);
        nonEmptyText("ak", ak);
        nonEmptyText("nonce", nonce);
        Checks.notNull("role", role);
        Checks.notNull("uuid", uuid);
        uuid.ifPresent(u -> wellFormed("uuid", u));
        Checks.notNull("expireAt", expireAt);
        if (expireAt.isPresent() && (expireAt.getAsLong() < 0 || expireAt.getAsLong() > MAX_EXPIRE_AT)) {
            throw new InvalidArgumentException("expireAt", "must be within 0.." + MAX_EXPIRE_AT
                    + " ms (Number.MAX_SAFE_INTEGER), was " + expireAt.getAsLong());
        }
    }

    /**
     * A token of {@code prefix}'s kind with no uuid that never expires; add the rest with the {@code with} methods.
     *
     * @param prefix the kind of token
     * @param ak the access key, non-empty
     * @param nonce the nonce, non-empty
     * @param role who the token is for
     * @return the content
     * @throws InvalidArgumentException if a field breaks its rule
     */
    public static NetlessTokenContent of(TokenPrefix prefix, String ak, String nonce, TokenRole role) {
        return new NetlessTokenContent(prefix, ak, nonce, role, Optional.empty(), OptionalLong.empty());
    }

    /**
     * A copy with this uuid.
     *
     * @param newUuid the room or task, or null for none
     * @return the copy
     * @throws InvalidArgumentException if {@code newUuid} holds an unpaired surrogate
     */
    public NetlessTokenContent withUuid(String newUuid) {
        return new NetlessTokenContent(prefix, ak, nonce, role, Optional.ofNullable(newUuid), expireAt);
    }

    /**
     * A copy that expires at {@code unixMillis}.
     *
     * @param unixMillis unix milliseconds, within 0..{@link #MAX_EXPIRE_AT}
     * @return the copy
     * @throws InvalidArgumentException if it is out of range
     */
    public NetlessTokenContent withExpireAt(long unixMillis) {
        return new NetlessTokenContent(prefix, ak, nonce, role, uuid, OptionalLong.of(unixMillis));
    }

    /** {@return a copy that never expires} */
    public NetlessTokenContent withoutExpiry() {
        return new NetlessTokenContent(prefix, ak, nonce, role, uuid, OptionalLong.empty());
    }

    static void nonEmptyText(String field, String value) {
        Checks.notNull(field, value);
        if (value.isEmpty()) {
            throw new InvalidArgumentException(field, "must not be empty");
        }
        wellFormed(field, value);
    }

    static void wellFormed(String field, String value) {
        Checks.notNull(field, value);
        int bad = JsStrings.firstUnpairedSurrogate(value);
        if (bad >= 0) {
            throw new InvalidArgumentException(field, "unpaired surrogate at index " + bad
                    + " (JavaScript's encodeURIComponent throws URIError on it)");
        }
    }
}
