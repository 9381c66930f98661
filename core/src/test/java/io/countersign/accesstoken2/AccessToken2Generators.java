package io.countersign.accesstoken2;

import io.countersign.codec.ByteString;
import io.countersign.codec.Privileges;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;

/** The jqwik arbitraries for 007 content, shared by every property class. */
final class AccessToken2Generators {
    private AccessToken2Generators() {
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
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, text), net.jqwik.api.Tuple.of(1, raw));
    }

    static Arbitrary<Privileges> privileges() {
        return Arbitraries.maps(Arbitraries.integers().between(0, 0xFFFF), u32()).ofMaxSize(5)
                .map(map -> {
                    Privileges.Builder b = Privileges.builder();
                    map.forEach(b::put);
                    return b.build();
                });
    }

    static Arbitrary<Service.Rtm2Resource> rtm2Resource() {
        Arbitrary<Service.Rtm2Permission> permission = Combinators.combine(
                Arbitraries.integers().between(0, 3), bytes().list().ofMaxSize(3)).as(Service.Rtm2Permission::new);
        // At least one permission: a resource type without any does not survive decoding (as in
        // every official decoder; see rtm2ResourceTypeWithoutPermissionsIsDroppedOnDecode).
        return Combinators.combine(Arbitraries.integers().between(0, 6), permission.list().ofMinSize(1).ofMaxSize(3))
                .as(Service.Rtm2Resource::new);
    }

    static Arbitrary<Service> service() {
        return Arbitraries.oneOf(List.of(
                Combinators.combine(bytes(), bytes(), privileges()).as(Service.Rtc::new),
                Combinators.combine(bytes(), privileges()).as(Service.Rtm::new),
                Combinators.combine(bytes(), bytes(), privileges()).as(Service.Streaming::new),
                privileges().map(Service.Fpa::new),
                Combinators.combine(bytes(), privileges()).as(Service.Chat::new),
                Combinators.combine(bytes(), bytes(), privileges()).as(Service.Fcdn::new),
                Combinators.combine(bytes(), bytes(), Arbitraries.shorts(), privileges()).as(Service.Apaas::new),
                Combinators.combine(bytes(), rtm2Resource().list().ofMaxSize(3), privileges()).as(Service.Rtm2::new),
                privileges().map(Service.ConvoAi::new),
                privileges().map(Service.Stt::new)));
    }

    /** Arbitrary token content with one to six services, types repeating. */
    static Arbitrary<AccessToken2> token() {
        return Combinators.combine(hex32(), u32(), u32(), u32(), service().list().ofMinSize(1).ofMaxSize(6))
                .as(AccessToken2::new);
    }

    /** The services in the order the signer packs them: by type, stable within a type. */
    static List<Service> packedOrder(List<Service> services) {
        return services.stream().sorted(java.util.Comparator.comparingInt(Service::type)).toList();
    }
}
