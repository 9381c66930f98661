package io.countersign.netless;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Expected UUIDs are from the uuid package 8.3.2 (the version netless-token 1.0.2 resolves),
 * run by hand in Node: {@code v1({node: [0x01,0x23,0x45,0x67,0x89,0xab], clockseq, msecs, nsecs})}.
 */
class UuidV1Test {
    private static final long NODE = 0x0123_4567_89ABL;

    @Test
    void shouldLayOutTimeClockSequenceAndNodeAsTheUuidPackage() {
        // v1({node, clockseq: 0x1234, msecs: 1700000000000, nsecs: 0})
        assertEquals("04afc000-833b-11ee-9234-0123456789ab", new UuidV1(at(1_700_000_000_000L), NODE, 0x1234).nextNonce());
        // v1({node, clockseq: 0, msecs: 0, nsecs: 0})
        assertEquals("13814000-1dd2-11b2-8000-0123456789ab", new UuidV1(at(0), NODE, 0).nextNonce());
    }

    @Test
    void shouldCountUuidsWithinOneMillisecond() {
        UuidV1 uuids = new UuidV1(at(1_700_000_000_123L), NODE, 0);
        // v1({node, clockseq: 0, msecs: 1700000000123, nsecs: 0}), then the same with nsecs: 1
        assertEquals("04c284b0-833b-11ee-8000-0123456789ab", uuids.nextNonce());
        assertEquals("04c284b1-833b-11ee-8000-0123456789ab", uuids.nextNonce());
    }

    @Test
    void shouldBumpTheClockSequenceWhenTheClockGoesBack() {
        AtomicLong now = new AtomicLong(1_700_000_000_123L);
        UuidV1 uuids = new UuidV1(new ReadingClock(now::get), NODE, 0);
        uuids.nextNonce();
        now.set(1_700_000_000_123L - 1);
        // v1({node, clockseq: 1, msecs: 1700000000122, nsecs: 0})
        assertEquals("04c25da0-833b-11ee-8001-0123456789ab", uuids.nextNonce());
    }

    @Test
    void shouldStayUniqueBeyondTenThousandPerMillisecond() {
        UuidV1 uuids = new UuidV1(at(1_700_000_000_000L), NODE, 0x3FFF);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 25_000; i++) {
            assertTrue(seen.add(uuids.nextNonce()), "repeated at " + i);
        }
    }

    @Test
    void randomNodeHasTheMulticastBitAndTheVersionAndVariantAreSet() {
        String nonce = NonceSource.uuidV1(at(1_700_000_000_000L)).nextNonce();
        UUID uuid = UUID.fromString(nonce);
        assertEquals(1, uuid.version());
        assertEquals(2, uuid.variant());
        assertEquals(1, (uuid.node() >>> 40) & 1);
        assertEquals(1_700_000_000_000L, unixMillis(nonce));
        assertEquals(nonce.toLowerCase(), nonce);
    }

    @Test
    void otherSources() {
        String random = NonceSource.randomUuid().nextNonce();
        assertEquals(4, UUID.fromString(random).version());
        assertNotEquals(random, NonceSource.randomUuid().nextNonce());
        assertEquals("n", NonceSource.fixed("n").nextNonce());
        assertThrows(IllegalArgumentException.class, () -> NonceSource.fixed(""));
        assertThrows(IllegalArgumentException.class, () -> NonceSource.fixed("\ud800"));
    }

    private static long unixMillis(String uuid) {
        return UUID.fromString(uuid).timestamp() / 10_000 - 12_219_292_800_000L;
    }

    private static Clock at(long millis) {
        return Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }
}
