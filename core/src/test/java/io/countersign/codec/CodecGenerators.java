package io.countersign.codec;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.List;

/** The jqwik arbitraries for the fields every packed scheme has: hex ids, u32 numbers, byte strings. */
public final class CodecGenerators {
    private CodecGenerators() {
    }

    /** 32 hex characters of either case, as App IDs and certificates are. */
    public static Arbitrary<String> hex32() {
        return Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofLength(32);
    }

    /** Any u32, with the edges (0, 1, 2^31 - 1, 2^31, 2^32 - 1) and the given values drawn often. */
    public static Arbitrary<Long> u32(Long... edges) {
        List<Long> often = new ArrayList<>(List.of(0L, 1L, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL));
        often.addAll(List.of(edges));
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 0xFFFF_FFFFL), Arbitraries.of(often));
    }

    /**
     * Text (ASCII, CJK, emoji and the given samples) as UTF-8, and now and then raw bytes that
     * are not UTF-8.
     */
    public static Arbitrary<ByteString> bytes(String... samples) {
        Arbitrary<ByteString> text = Arbitraries.oneOf(
                Arbitraries.strings().ascii().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u4e00', '\u9fff').ofMaxLength(10),
                Arbitraries.of(withSamples(samples)))
                .map(ByteString::utf8);
        Arbitrary<ByteString> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(ByteString::copyOf);
        return Arbitraries.frequencyOf(Tuple.of(5, text), Tuple.of(1, raw));
    }

    private static List<String> withSamples(String... samples) {
        List<String> all = new ArrayList<>(List.of("", "\uD83D\uDE00 emoji", "room-\u00e9"));
        all.addAll(List.of(samples));
        return all;
    }
}
