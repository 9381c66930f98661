package io.countersign.signaling;

import io.countersign.codec.ByteString;
import io.countersign.codec.CodecGenerators;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import static io.countersign.codec.CodecGenerators.hex32;
import static io.countersign.codec.CodecGenerators.u32;

/** The jqwik arbitraries for signaling tokens, shared by every property class. */
final class SignalingTokenGenerators {
    private SignalingTokenGenerators() {
    }

    /** Accounts: text (ASCII with ':' included, CJK, emoji) as UTF-8, and now and then raw bytes. */
    static Arbitrary<ByteString> account() {
        return CodecGenerators.bytes("a:b", "test_user");
    }

    static Arbitrary<SignalingTokenContent> token() {
        return Combinators.combine(hex32(), account(), u32(9L, 10L)).as(SignalingTokenContent::new);
    }
}
