package io.countersign.dynamickey5;

import io.countersign.codec.ByteString;
import io.countersign.codec.CodecGenerators;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.SortedMap;
import java.util.TreeMap;

import static io.countersign.codec.CodecGenerators.hex32;
import static io.countersign.codec.CodecGenerators.u32;

/** The jqwik arbitraries for 005 content, shared by every property class. */
final class DynamicKey5Generators {
    private DynamicKey5Generators() {
    }

    /** Channel names and extra values: text and raw bytes, with the permission values drawn often. */
    static Arbitrary<ByteString> bytes() {
        return CodecGenerators.bytes("0", "3");
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
