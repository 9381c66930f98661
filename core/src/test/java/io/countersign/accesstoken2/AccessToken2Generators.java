package io.countersign.accesstoken2;

import io.countersign.codec.ByteString;
import io.countersign.codec.CodecGenerators;
import io.countersign.codec.Privileges;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;

import static io.countersign.codec.CodecGenerators.hex32;
import static io.countersign.codec.CodecGenerators.u32;

/** The jqwik arbitraries for 007 content, shared by every property class. */
final class AccessToken2Generators {
    private AccessToken2Generators() {
    }

    /** Channel names, uids and accounts: text and raw bytes, with uid-like strings drawn often. */
    static Arbitrary<ByteString> bytes() {
        return CodecGenerators.bytes("0", "2882341273");
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
