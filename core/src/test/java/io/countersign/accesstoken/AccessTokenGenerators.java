package io.countersign.accesstoken;

import io.countersign.codec.ByteString;
import io.countersign.codec.Privileges;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** The jqwik arbitraries for 006 content, shared by every property class. */
final class AccessTokenGenerators {
    private AccessTokenGenerators() {
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
                Arbitraries.of("", "0", "2882341273", "\uD83D\uDE00 emoji", "room-\u00e9"))
                .map(ByteString::utf8);
        Arbitrary<ByteString> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(ByteString::copyOf);
        return Arbitraries.frequencyOf(Tuple.of(5, text), Tuple.of(1, raw));
    }

    /** Privilege ids of the official builders, and any u16 (ids past 32767 included). */
    static Arbitrary<Privileges> privileges() {
        Arbitrary<Integer> id = Arbitraries.oneOf(Arbitraries.of(1, 2, 3, 4, 1000), Arbitraries.integers().between(0, 0xFFFF));
        return Arbitraries.maps(id, u32()).ofMaxSize(6).map(Privileges::of);
    }

    static Arbitrary<AccessToken> token() {
        return Combinators.combine(hex32(), bytes(), bytes(), u32(), u32(), privileges()).as(AccessToken::new);
    }
}
