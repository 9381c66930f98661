package io.countersign.internal;

import io.countersign.codec.CodecGenerators;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The block type chosen without trees (fixed or stored, proven by a lower bound on the dynamic
 * block) against zlib's own choice: java.util.zip.Deflater's bytes, and the bound against the
 * exact price that building zlib's trees gives.
 *
 * <p>The properties take jqwik's default number of tries (1000 here). The large runs (10^6
 * token payloads, 10^5 other inputs, per JDK) are {@code scripts/decision-properties}.
 */
class Level6DeflaterDecisionProperties {

    private static final int WIDE = Level6Deflater.MAX_CAPACITY;
    private static final Level6Deflater DECIDING = new Level6Deflater(WIDE, true);
    private static final Level6Deflater EXACT = new Level6Deflater(WIDE, false);

    /** 007 payloads as a signer packs them: signature, signingInfo, 1..5 services of any types. */
    @Provide
    static Arbitrary<byte[]> tokenPayloads() {
        Arbitrary<byte[]> service = Arbitraries.integers().between(1, 10).flatMap(type ->
                Combinators.combine(privileges(type), serviceFields(type)).as((p, f) -> {
                    PackedWriter w = new PackedWriter(64);
                    w.putU16(type);
                    w.putRaw(p, 0, p.length);
                    w.putRaw(f, 0, f.length);
                    return Arrays.copyOf(w.array(), w.position());
                }));
        return Combinators.combine(
                        Arbitraries.bytes().array(byte[].class).ofSize(32),
                        CodecGenerators.hex32(),
                        Arbitraries.longs().between(1_600_000_000L, 1_900_000_000L),
                        Arbitraries.of(0L, 600L, 3600L, 86_400L),
                        Arbitraries.longs().between(1, 99_999_999),
                        service.list().ofMinSize(1).ofMaxSize(5))
                .as((sig, appId, issueTs, expire, salt, services) -> {
                    PackedWriter w = new PackedWriter(256);
                    w.putU16(32).putRaw(sig, 0, 32)
                            .putAscii(appId).putU32(issueTs).putU32(expire).putU32(salt)
                            .putU16(services.size());
                    services.sort((a, b) -> Integer.compare(type(a), type(b)));
                    for (byte[] s : services) {
                        w.putRaw(s, 0, s.length);
                    }
                    return Arrays.copyOf(w.array(), w.position());
                });
    }

    private static int type(byte[] service) {
        return (service[0] & 0xff) | (service[1] & 0xff) << 8;
    }

    private static Arbitrary<byte[]> privileges(int type) {
        Arbitrary<Long> value = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(0L, 600L, 3600L, 86_400L)),
                Tuple.of(1, Arbitraries.longs().between(0, 0xFFFF_FFFFL)));
        return Combinators.combine(Arbitraries.integers().between(1, type == 1 ? 4 : 3).set().ofMinSize(1),
                        value.list().ofSize(4))
                .as((ids, values) -> {
                    PackedWriter w = new PackedWriter(32);
                    w.putU16(ids.size());
                    int i = 0;
                    for (int id : ids.stream().sorted().toList()) {
                        w.putU16(id).putU32(values.get(i++));
                    }
                    return Arrays.copyOf(w.array(), w.position());
                });
    }

    /** The fields after the privileges, per service type (see the 007 ServiceCodec). */
    private static Arbitrary<byte[]> serviceFields(int type) {
        Arbitrary<String> names = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().withChars("0123456789abcdef").ofLength(32)),
                Tuple.of(2, Arbitraries.integers().between(0, 1_000_000).map(n -> "channel-" + n)),
                Tuple.of(2, Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(n -> n == 0 ? "" : Long.toString(n))),
                Tuple.of(1, Arbitraries.strings().withCharRange('!', '~').ofMaxLength(64)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u4e00', '\u9fff').ofMaxLength(12)),
                Tuple.of(1, Arbitraries.randomValue(r -> new java.util.UUID(r.nextLong(), r.nextLong()).toString())));
        int strings = switch (type) {
            case 1, 3, 6 -> 2;  // RTC, Streaming, FCDN: channel and uid / account
            case 2, 5 -> 1;     // RTM, Chat: user id
            case 7 -> 2;        // APaaS: room and user uuid, then an i16 role
            case 8 -> 1;        // RTM2: user id, then permissions
            default -> 0;       // FPA, ConvoAI, STT
        };
        return Combinators.combine(names.list().ofSize(Math.max(strings, 1)), names.list().ofMaxSize(6),
                        Arbitraries.integers().between(-2, 3))
                .as((fields, resources, role) -> {
                    PackedWriter w = new PackedWriter(64);
                    for (int i = 0; i < strings; i++) {
                        putString(w, fields.get(i));
                    }
                    if (type == 7) {
                        w.putU16(role & 0xFFFF);
                    } else if (type == 8) {
                        w.putU16(resources.isEmpty() ? 0 : 1);
                        if (!resources.isEmpty()) {
                            w.putU16(1).putU16(1).putU16(1).putU16(resources.size());
                            resources.forEach(r -> putString(w, r));
                        }
                    }
                    return Arrays.copyOf(w.array(), w.position());
                });
    }

    private static void putString(PackedWriter w, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        w.putU16(b.length).putRaw(b, 0, b.length);
    }

    /** Up to the largest single-block input, weighted towards the edges of zlib's choice. */
    @Provide
    static Arbitrary<byte[]> otherInputs() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Level6DeflaterProperties.inputsUpTo(WIDE)),
                Tuple.of(3, skewed()),
                Tuple.of(2, nearlyRandom()),
                Tuple.of(2, tokenPayloads().flatMap(Level6DeflaterDecisionProperties::withTail)));
    }

    private static Arbitrary<Integer> sizes() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 400)),
                Tuple.of(2, Arbitraries.integers().between(0, 2000)),
                Tuple.of(1, Arbitraries.integers().between(0, WIDE).withDistribution(RandomDistribution.uniform())));
    }

    /**
     * Bytes from k symbols with geometrically falling odds: from near-uniform to very skewed,
     * which walks the input across the point where a dynamic code starts to beat the fixed one.
     */
    private static Arbitrary<byte[]> skewed() {
        return Combinators.combine(sizes(), Arbitraries.integers().between(2, 256),
                        Arbitraries.doubles().between(0.5, 1.0), Arbitraries.longs())
                .as((n, k, ratio, seed) -> Level6DeflaterTest.skewedBytes(new Random(seed), n, k, ratio));
    }

    /** Random bytes with a sprinkling of short repeats: around the point where stored wins. */
    private static Arbitrary<byte[]> nearlyRandom() {
        return Combinators.combine(sizes(), Arbitraries.doubles().between(0, 0.25), Arbitraries.longs())
                .as((n, p, seed) -> {
                    Random r = new Random(seed);
                    byte[] b = new byte[n];
                    r.nextBytes(b);
                    for (int i = 8; i < n; i++) {
                        if (r.nextDouble() < p) {
                            int len = Math.min(n - i, 3 + r.nextInt(4));
                            int from = r.nextInt(i);
                            System.arraycopy(b, from, b, i, Math.min(len, i - from));
                            i += len;
                        }
                    }
                    return b;
                });
    }

    /** A token payload followed by up to 400 bytes of text, repeats or random bytes. */
    private static Arbitrary<byte[]> withTail(byte[] payload) {
        return Combinators.combine(Arbitraries.integers().between(0, 400), Arbitraries.integers().between(0, 2),
                        Arbitraries.longs())
                .as((n, kind, seed) -> {
                    Random r = new Random(seed);
                    byte[] b = Arrays.copyOf(payload, payload.length + n);
                    for (int i = payload.length; i < b.length; i++) {
                        b[i] = switch (kind) {
                            case 0 -> (byte) ('a' + r.nextInt(26));
                            case 1 -> b[r.nextInt(i)];
                            default -> (byte) r.nextInt(256);
                        };
                    }
                    return b;
                });
    }

    @Property
    void tokenPayloadsGiveDeflatersBytes(@ForAll("tokenPayloads") byte[] in) {
        check(in);
    }

    @Property
    void otherInputsGiveDeflatersBytes(@ForAll("otherInputs") byte[] in) {
        check(in);
    }

    /**
     * Same bytes as Deflater and as the instance that always builds the trees; the bound never
     * above zlib's exact dynamic price, and the fixed price the same as zlib's.
     */
    private static void check(byte[] in) {
        byte[] expected = Level6DeflaterTest.jdk(in);
        assertArrayEquals(expected, Level6DeflaterProperties.ours(DECIDING, in));
        assertArrayEquals(expected, Level6DeflaterProperties.ours(EXACT, in));
        long bound = EXACT.dynamicLowerBound();
        assertTrue(bound <= EXACT.optLen, () -> "bound " + bound + " above opt_len " + EXACT.optLen);
        EXACT.lz77(in, 0, in.length); // the tree-free state again (optLen stays)
        long shaped = EXACT.shapeLowerBound();
        assertTrue(shaped <= EXACT.optLen, () -> "shape bound " + shaped + " above opt_len " + EXACT.optLen);
        Statistics.label("shape bound applies").collect(shaped >= 0);
        assertEquals(EXACT.staticLen, EXACT.staticCost());
        // How close the two prices were, in bytes as zlib compares them: the edges are where it matters.
        long margin = ((EXACT.optLen + 10) >>> 3) - ((EXACT.staticLen + 10) >>> 3);
        Statistics.label("dynamic minus fixed, bytes")
                .collect(margin < -2 ? "< -2" : margin > 2 ? "> 2" : Long.toString(margin));
        Statistics.label("decided without trees").collect(DECIDING.decidedWithoutTrees);
        Statistics.label("block type").collect(expected.length > 2 ? (expected[2] >> 1) & 3 : -1);
    }
}
