package io.countersign.accesstoken;

import io.countersign.codec.ByteString;
import io.countersign.codec.CodecGenerators;
import io.countersign.codec.Privileges;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import static io.countersign.codec.CodecGenerators.hex32;
import static io.countersign.codec.CodecGenerators.u32;

/** The jqwik arbitraries for 006 content, shared by every property class. */
final class AccessTokenGenerators {
    private AccessTokenGenerators() {
    }

    /** Channel names and uids: text and raw bytes, with uid-like strings drawn often. */
    static Arbitrary<ByteString> bytes() {
        return CodecGenerators.bytes("0", "2882341273");
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
