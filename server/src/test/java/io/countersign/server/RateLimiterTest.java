package io.countersign.server;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldAllowTheBurstThenTheSustainedRate() {
        RateLimiter limiter = new RateLimiter(2, 3, 100, 0);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("a", 0));
        }
        long wait = limiter.acquire("a", 0);
        assertEquals(SECOND / 2, wait, "one token every half second");
        assertEquals(0, limiter.acquire("a", SECOND / 2));
        assertTrue(limiter.acquire("a", SECOND / 2) > 0);
        assertEquals(0, limiter.acquire("b", SECOND / 2), "another client has its own bucket");
        // Never more than the burst, however long the pause.
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("a", 100 * SECOND));
        }
        assertTrue(limiter.acquire("a", 100 * SECOND) > 0);
    }

    @Test
    void shouldForgetRefilledBucketsAndShareOneBeyondTheCap() {
        RateLimiter limiter = new RateLimiter(1, 1, 3, 0);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("c" + i, 0));
        }
        assertEquals(0, limiter.acquire("c3", 0), "the fourth client goes into the overflow bucket");
        assertTrue(limiter.acquire("c4", 0) > 0, "which the fifth shares");
        assertEquals(3 + 1, limiter.trackedClients());
        // Once refilled, buckets are dropped and new clients get their own again.
        assertEquals(0, limiter.acquire("c5", 40 * SECOND));
        assertEquals(1, limiter.trackedClients());
    }
}
