package io.countersign.netless;

import io.countersign.internal.Checks;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * RFC 4122 version-1 UUIDs the way the uuid package (8.x) draws them for netless-token: a
 * random 47-bit node with the multicast bit set, a random 14-bit clock sequence, the clock in
 * milliseconds plus a counter of UUIDs drawn within the same millisecond in the 100 ns slots,
 * and the clock sequence bumped when the clock goes back. Two deliberate differences: where the
 * uuid package throws after 10,000 UUIDs in one millisecond we bump the clock sequence and
 * carry on, and the counter carries into time_mid (the package computes time_mid from the
 * milliseconds alone). Neither changes the format. Thread-safe.
 */
final class UuidV1 implements NonceSource {
    static final UuidV1 SYSTEM = new UuidV1(Clock.systemUTC());

    /** Milliseconds from the Gregorian epoch (1582-10-15) to the unix epoch. */
    private static final long GREGORIAN_OFFSET_MS = 12_219_292_800_000L;
    private static final int SLOTS_PER_MS = 10_000;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Clock clock;
    private final long node;
    private int clockSeq;
    private long lastMs = Long.MIN_VALUE;
    private int lastSlot;

    UuidV1(Clock clock) {
        this(clock, randomNode(), new SecureRandom().nextInt() & 0x3FFF);
    }

    /** A generator with a fixed node (48 bits) and initial clock sequence (14 bits): for tests. */
    UuidV1(Clock clock, long node, int clockSeq) {
        this.clock = Checks.notNull("clock", clock);
        this.node = node & 0xFFFF_FFFF_FFFFL;
        this.clockSeq = clockSeq & 0x3FFF;
    }

    private static long randomNode() {
        byte[] b = new byte[6];
        new SecureRandom().nextBytes(b);
        long n = 0;
        for (byte x : b) {
            n = n << 8 | (x & 0xFF);
        }
        // The multicast bit (lowest bit of the first octet) marks a node that is not a MAC address.
        return n | 0x0100_0000_0000L;
    }

    @Override
    public synchronized String nextNonce() {
        long ms = clock.millis();
        int slot;
        if (ms > lastMs) {
            slot = 0;
        } else if (ms == lastMs && lastSlot + 1 < SLOTS_PER_MS) {
            slot = lastSlot + 1;
        } else {
            // The clock went back, or a millisecond's slots are used up: a new clock sequence
            // keeps every UUID distinct.
            clockSeq = clockSeq + 1 & 0x3FFF;
            slot = 0;
        }
        lastMs = ms;
        lastSlot = slot;
        long t = (ms + GREGORIAN_OFFSET_MS) * SLOTS_PER_MS + slot;
        char[] out = new char[36];
        hex(t & 0xFFFF_FFFFL, 8, out, 0);
        out[8] = '-';
        hex(t >>> 32 & 0xFFFF, 4, out, 9);
        out[13] = '-';
        hex(t >>> 48 & 0x0FFF | 0x1000, 4, out, 14);
        out[18] = '-';
        hex(clockSeq | 0x8000, 4, out, 19);
        out[23] = '-';
        hex(node, 12, out, 24);
        return new String(out);
    }

    private static void hex(long value, int digits, char[] out, int off) {
        for (int i = digits - 1; i >= 0; i--) {
            out[off + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }
}
