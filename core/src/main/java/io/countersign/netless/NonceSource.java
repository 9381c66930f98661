package io.countersign.netless;

import java.time.Clock;
import java.util.UUID;

/** Where the netless builders draw each token's nonce; inject a fixed one for reproducible tokens. */
@FunctionalInterface
public interface NonceSource {

    /** The next nonce: a non-empty string. */
    String nextNonce();

    /**
     * Time-based version-1 UUIDs with a random node and clock sequence, as netless-token draws
     * them ({@code uuid.v1()} of the uuid package), read from the system clock. Thread-safe.
     */
    static NonceSource uuidV1() {
        return UuidV1.SYSTEM;
    }

    /** Version-1 UUIDs timed by {@code clock}, with their own random node and clock sequence. Thread-safe. */
    static NonceSource uuidV1(Clock clock) {
        return new UuidV1(clock);
    }

    /** Random version-4 UUIDs ({@link UUID#randomUUID()}), lower-case: they reveal no time. */
    static NonceSource randomUuid() {
        return () -> UUID.randomUUID().toString();
    }

    /** Always the same nonce: for tests and reproducible vectors. */
    static NonceSource fixed(String nonce) {
        NetlessTokenContent.nonEmptyText("nonce", nonce);
        return () -> nonce;
    }
}
