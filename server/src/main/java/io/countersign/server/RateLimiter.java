package io.countersign.server;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket per client (API key or IP address): {@code burst} requests at once, refilled
 * at {@code perSecond}. Buckets that have refilled are forgotten; at most {@code maxClients}
 * are tracked, and clients beyond that share one overflow bucket, so many addresses cannot
 * exhaust memory (they only slow each other down). Thread-safe.
 */
final class RateLimiter {
    static final String OVERFLOW = "\u0000overflow";
    private static final long SWEEP_INTERVAL_NANOS = 30_000_000_000L;

    private final double tokensPerNano;
    private final double burst;
    private final long refillNanos;
    private final int maxClients;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep;

    RateLimiter(double perSecond, int burst, int maxClients, long nowNanos) {
        this.tokensPerNano = perSecond / 1e9;
        this.burst = burst;
        this.refillNanos = (long) Math.ceil(burst / tokensPerNano);
        this.maxClients = maxClients;
        this.lastSweep = new AtomicLong(nowNanos);
    }

    /** 0 if {@code client} may go ahead now, else the nanoseconds until it may. */
    long acquire(String client, long nowNanos) {
        Bucket bucket = buckets.get(client);
        if (bucket == null) {
            maybeSweep(nowNanos);
            bucket = buckets.size() >= maxClients
                    ? buckets.computeIfAbsent(OVERFLOW, k -> new Bucket(burst, nowNanos))
                    : buckets.computeIfAbsent(client, k -> new Bucket(burst, nowNanos));
        }
        return bucket.acquire(nowNanos, tokensPerNano, burst);
    }

    int trackedClients() {
        return buckets.size();
    }

    private void maybeSweep(long nowNanos) {
        long last = lastSweep.get();
        boolean due = nowNanos - last >= SWEEP_INTERVAL_NANOS || buckets.size() >= maxClients;
        if (due && lastSweep.compareAndSet(last, nowNanos)) {
            // A bucket idle long enough to be full again is the same as no bucket.
            buckets.values().removeIf(b -> b.idleSince(nowNanos) >= refillNanos);
        }
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized long acquire(long now, double tokensPerNano, double burst) {
            if (now > last) {
                tokens = Math.min(burst, tokens + (now - last) * tokensPerNano);
                last = now;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / tokensPerNano);
        }

        synchronized long idleSince(long now) {
            return now - last;
        }
    }
}
