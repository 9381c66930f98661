package io.countersign.netless;

import java.time.Clock;
import java.util.UUID;

/** Where the netless builders draw each token's nonce; inject a fixed one for reproducible tokens. */
@FunctionalInterface
public interface NonceSource {

    /** {@return the next nonce, a non-empty string without unpaired surrogates} */
    String nextNonce();

    /**
     * Time-based version-1 UUIDs with a random node and clock sequence, as netless-token draws
     * them ({@code uuid.v1()} of the uuid package), read from the system clock. Thread-safe.
     *
     * @return the shared source every {@link NetlessToken} uses by default
     */
    static NonceSource uuidV1() {
        return UuidV1.SYSTEM;
    }

    /**
     * Version-1 UUIDs timed by {@code clock}, with their own random node and clock sequence. Thread-safe.
     *
     * @param clock the clock, read in milliseconds
     * @return a new source
     * @throws io.countersign.codec.InvalidArgumentException if {@code clock} is null
     */
    static NonceSource uuidV1(Clock clock) {
        return new UuidV1(clock);
    }

    /**
     * Random version-4 UUIDs ({@link UUID#randomUUID()}), lower-case: they reveal no time.
     *
     * @return a thread-safe source
     */
    static NonceSource randomUuid() {
        return () -> UUID.randomUUID().toString();
    }

    /**
     * Always the same nonce: for tests and reproducible vectors.
     *
     * @param nonce the nonce; non-empty, well-formed UTF-16
     * @return a source that returns {@code nonce} every time
     * @throws io.countersign.codec.InvalidArgumentException if {@code nonce} breaks its rule
     */
    static NonceSource fixed(String nonce) {
        NetlessTokenContent.nonEmptyText("nonce", nonce);
        return () -> nonce;
    }
}
