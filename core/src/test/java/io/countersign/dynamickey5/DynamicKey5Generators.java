package io.countersign.dynamickey5;

import io.countersign.codec.ByteString;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.SortedMap;
import java.util.TreeMap;

/** The jqwik arbitraries for 005 content, shared by every property class. */
final class DynamicKey5Generators {
    private DynamicKey5Generators() {
    }

    /** 32 hex characters of either case, as App IDs and certificates are. */
    static Arbitrary<String> hex32() {
        return Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofLength(32);
    }

    static Arbitrary<Long> u32() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 0xFFFF_FFFFL),
                Arbitraries.of(0L, 1L, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL));
    }

    /** Text (ASCII, CJK, emoji) as UTF-8, and now and then raw bytes that are not UTF-8. */
    static Arbitrary<ByteString> bytes() {
        Arbitrary<ByteString> text = Arbitraries.oneOf(
                Arbitraries.strings().ascii().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u4e00', '\u9fff').ofMaxLength(10),
                Arbitraries.of("", "0", "3", "\uD83D\uDE00 emoji", "room-\u00e9"))
                .map(ByteString::utf8);
        Arbitrary<ByteString> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(ByteString::copyOf);
        return Arbitraries.frequencyOf(Tuple.of(5, text), Tuple.of(1, raw));
    }

    /** Mostly the official shapes (empty, or {1: permission}), sometimes any u16 keys. */
    static Arbitrary<SortedMap<Integer, ByteString>> extra() {
        Arbitrary<SortedMap<Integer, ByteString>> any = Arbitraries.maps(Arbitraries.integers().between(0, 0xFFFF), bytes())
                .ofMaxSize(4).map(TreeMap::new);
        Arbitrary<SortedMap<Integer, ByteString>> permission = Arbitraries.of("0", "3")
                .map(p -> new TreeMap<>(java.util.Map.of(1, ByteString.utf8(p))));
        return Arbitraries.oneOf(Arbitraries.just(new TreeMap<>()), permission, any);
    }

    static Arbitrary<DynamicKey5Content> key() {
        return Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), hex32(), u32(), u32(), bytes(), u32(), u32(),
                extra()).as(DynamicKey5Content::new);
    }
}
