package io.countersign.netless;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.Optional;
import java.util.OptionalLong;

/** The jqwik arbitraries for netless content, shared by every property class. */
final class NetlessGenerators {
    /** The characters where JavaScript's encodings and the JDK's defaults part ways, and their neighbours. */
    static final String AWKWARD = "\"\\/\b\f\n\r\t\u0000\u001f\u007f \u2028\u2029!'()*~-_.%&=+?#";

    private NetlessGenerators() {
    }

    /** One code point (never a lone surrogate), weighted towards the awkward ones. */
    static Arbitrary<String> codePoint() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.chars().ascii().map(String::valueOf)),
                Tuple.of(3, Arbitraries.of(AWKWARD.chars().mapToObj(c -> String.valueOf((char) c)).toList())),
                Tuple.of(1, Arbitraries.chars().range('\u0080', '\u07ff').map(String::valueOf)),
                Tuple.of(1, Arbitraries.chars().range('\u4e00', '\u9fff').map(String::valueOf)),
                Tuple.of(1, Arbitraries.chars().range('\ue000', '\uffff').map(String::valueOf)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF).map(Character::toString)));
    }

    /** Well-formed text of up to {@code max} code points. */
    static Arbitrary<String> text(int min, int max) {
        return codePoint().list().ofMinSize(min).ofMaxSize(max).map(l -> String.join("", l));
    }

    /** Text that may hold unpaired surrogates: any char at all. */
    static Arbitrary<String> anyUtf16() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(20),
                text(0, 10).map(s -> s + "\ud800"), text(0, 10).map(s -> "\udc00" + s));
    }

    static Arbitrary<String> nonce() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(32)
                        .map(h -> h.substring(0, 8) + "-" + h.substring(8, 12) + "-1" + h.substring(13, 16) + "-"
                                + h.substring(16, 20) + "-" + h.substring(20)),
                text(1, 12));
    }

    static Arbitrary<OptionalLong> expireAt() {
        return Arbitraries.oneOf(Arbitraries.just(OptionalLong.empty()),
                Arbitraries.longs().between(0, NetlessTokenContent.MAX_EXPIRE_AT).map(OptionalLong::of),
                Arbitraries.of(0L, 1L, 1_700_000_000_000L, NetlessTokenContent.MAX_EXPIRE_AT).map(OptionalLong::of));
    }

    static Arbitrary<NetlessTokenContent> content() {
        return Combinators.combine(
                        Arbitraries.of(TokenPrefix.class), text(1, 16), nonce(), Arbitraries.of(TokenRole.class),
                        Arbitraries.oneOf(Arbitraries.just(Optional.<String>empty()), text(0, 16).map(Optional::of)),
                        expireAt())
                .as(NetlessTokenContent::new);
    }

    /** A secret key: ASCII like the console issues, or any well-formed text, sometimes longer than a block. */
    static Arbitrary<String> secret() {
        return Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().withChars("-_").ofMinLength(1).ofMaxLength(48),
                text(1, 20), text(65, 80));
    }
}
