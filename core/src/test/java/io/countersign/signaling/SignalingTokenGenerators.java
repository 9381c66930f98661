package io.countersign.signaling;

import io.countersign.codec.ByteString;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** The jqwik arbitraries for signaling tokens, shared by every property class. */
final class SignalingTokenGenerators {
    private SignalingTokenGenerators() {
    }

    /** 32 hex characters of either case, as App IDs and certificates are. */
    static Arbitrary<String> hex32() {
        return Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofLength(32);
    }

    static Arbitrary<Long> u32() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 0xFFFF_FFFFL),
                Arbitraries.of(0L, 1L, 9L, 10L, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL));
    }

    /** Accounts: text (ASCII with ':' included, CJK, emoji) as UTF-8, and now and then raw bytes. */
    static Arbitrary<ByteString> account() {
        Arbitrary<ByteString> text = Arbitraries.oneOf(
                Arbitraries.strings().ascii().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u4e00', '\u9fff').ofMaxLength(10),
                Arbitraries.of("", "a:b", "test_user", "\uD83D\uDE00 emoji"))
                .map(ByteString::utf8);
        Arbitrary<ByteString> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(ByteString::copyOf);
        return Arbitraries.frequencyOf(Tuple.of(5, text), Tuple.of(1, raw));
    }

    static Arbitrary<SignalingTokenContent> token() {
        return Combinators.combine(hex32(), account(), u32()).as(SignalingTokenContent::new);
    }
}
