package io.countersign.conformance;

import io.countersign.accesstoken.AccessToken;
import io.countersign.accesstoken2.AccessToken2;
import io.countersign.accesstoken2.Service;
import io.countersign.codec.ByteString;
import io.countersign.codec.Privileges;
import io.countersign.dynamickey5.DynamicKey5Content;
import io.countersign.netless.NetlessTokenContent;
import io.countersign.netless.TokenPrefix;
import io.countersign.netless.TokenRole;
import io.countersign.signaling.SignalingTokenContent;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The jqwik arbitraries every differential property shares. Each implementation accepts a
 * different slice of the input space (which service types it knows, whether a type may repeat,
 * whether a field may hold bytes that are not UTF-8), so 007 content is generated for a
 * {@link Profile} that says which slice; the reasons are on the profiles.
 */
final class Generators {
    private Generators() {
    }

    /**
     * What an implementation can take as 007 content.
     *
     * @param types          the service types it can encode
     * @param repeatTypes    whether a type may occur twice (map-keyed implementations keep only one)
     * @param rawBytes       whether string fields may be bytes that are not UTF-8
     * @param maxPrivilegeId the highest privilege id generated
     * @param minServices    the fewest services (most officials refuse a token without one)
     * @param maxText        the longest string field, in characters
     * @param negativeRoles  whether APaaS roles may be negative (they are int16)
     * @param rawRtm2        whether RTM2 resource names may be bytes that are not UTF-8
     */
    record Profile(List<Integer> types, boolean repeatTypes, boolean rawBytes, int maxPrivilegeId, int minServices,
                   int maxText, boolean negativeRoles, boolean rawRtm2) {
        Profile(List<Integer> types, boolean repeatTypes, boolean rawBytes, int maxPrivilegeId, int minServices, int maxText) {
            this(types, repeatTypes, rawBytes, maxPrivilegeId, minServices, maxText, true, rawBytes);
        }

        /**
         * The content agora-token 2.0.6 decodes as it was encoded: its parser reads the APaaS role
         * unsigned (-1 decodes as 65535) and makes each RTM2 resource a JS string, so bytes that
         * are not UTF-8 come back as U+FFFD (scripts/oracles/node/README.md quirks 8 and 10).
         */
        Profile decodableByNode() {
            return new Profile(types, repeatTypes, rawBytes, maxPrivilegeId, minServices, maxText, false, false);
        }
    }

    private static final List<Integer> ALL_TYPES = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    private static final List<Integer> JAVA_PYTHON_TYPES = List.of(1, 2, 4, 5, 7);

    /**
     * io.agora:authentication 2.1.3: types 1, 2, 4, 5, 7 in a TreeMap keyed by type (one each);
     * Java strings only; a 1024-byte ByteBuf, hence short strings. At least one service: Java
     * builds a token with none, where Python, Node, Go and we refuse it ({@code invalid-argument}).
     * Privilege ids stop at 0x7FFF: Java keys privileges by {@code Short}, so ids from 0x8000 sort
     * first (as negative shorts) where every other implementation, and ours, sorts them unsigned
     * ({@code OfficialJavaDifferentialProperties#officialJavaSortsPrivilegeIdsAsSignedShorts}).
     */
    static final Profile OFFICIAL_JAVA = new Profile(JAVA_PYTHON_TYPES, false, false, 0x7FFF, 1, 16);
    /** agoraiotools 0.3.4: the same five types in a dict keyed by type; str fields only. */
    static final Profile PYTHON = new Profile(JAVA_PYTHON_TYPES, false, false, 0xFFFF, 1, 40);
    /**
     * agora-token 2.0.6 (encode sets fields directly, so Buffers and repeated types work); decode
     * comparisons use {@link Profile#decodableByNode()}.
     */
    static final Profile NODE = new Profile(ALL_TYPES, true, true, 0xFFFF, 1, 40);
    /** go-tokenbuilder v1.5.0: every type, a list of services, Go strings are bytes. */
    static final Profile GO = new Profile(ALL_TYPES, true, true, 0xFFFF, 1, 40);

    /** 32 hex characters of either case, as App IDs and certificates are. */
    static Arbitrary<String> hex32() {
        return Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofLength(32);
    }

    /** A u32 with its edges (0, 2^31 - 1, 2^31, 2^32 - 1) picked often. */
    static Arbitrary<Long> u32() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 0xFFFF_FFFFL),
                Arbitraries.of(0L, 1L, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL));
    }

    /** Text that has a UTF-8 form: ASCII (controls included), Latin-1, CJK, emoji, and typical ids. */
    static Arbitrary<String> text(int maxLength) {
        return Arbitraries.oneOf(
                Arbitraries.strings().ascii().ofMaxLength(maxLength),
                Arbitraries.strings().withCharRange('\u00a0', '\u00ff').ofMaxLength(maxLength),
                Arbitraries.strings().withCharRange('\u4e00', '\u9fff').ofMaxLength(Math.max(1, maxLength / 3)),
                Arbitraries.of("", "0", "2882341273", "4294967295", "-1", "\uD83D\uDE00 emoji", "room-\u00e9",
                        "7d72365eb983485397e3e3f9d460bdda"));
    }

    /** A byte string: text as UTF-8, and with {@code raw} now and then bytes that are not UTF-8. */
    static Arbitrary<ByteString> bytes(int maxLength, boolean raw) {
        Arbitrary<ByteString> text = text(maxLength).map(ByteString::utf8);
        if (!raw) {
            return text;
        }
        Arbitrary<ByteString> notUtf8 = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(maxLength)
                .map(b -> {
                    b[0] = (byte) 0xFF; // never valid in UTF-8
                    return ByteString.copyOf(b);
                });
        return Arbitraries.frequencyOf(Tuple.of(6, text), Tuple.of(1, notUtf8));
    }

    /** Up to five privileges, ids 0..maxId (the usual 1..4 and 1000 often), u32 values. */
    static Arbitrary<Privileges> privileges(int maxId) {
        Arbitrary<Integer> ids = Arbitraries.oneOf(Arbitraries.integers().between(0, maxId), Arbitraries.of(1, 2, 3, 4));
        return Arbitraries.maps(ids, u32()).ofMaxSize(5).map(Privileges::of);
    }

    /**
     * RTM2 permissions in any order, with repeated resource and permission types: agora-token,
     * go-tokenbuilder and our encoder all pack them sorted, a repeated (resource type,
     * permission type) pair keeping its last list.
     */
    static Arbitrary<List<Service.Rtm2Resource>> rtm2Permissions(Profile p) {
        Arbitrary<List<ByteString>> resources = bytes(p.maxText(), p.rawRtm2()).list().ofMaxSize(3);
        Arbitrary<Service.Rtm2Permission> permission = Combinators.combine(Arbitraries.integers().between(0, 3), resources)
                .as(Service.Rtm2Permission::new);
        return Combinators.combine(Arbitraries.integers().between(0, 6), permission.list().ofMaxSize(3))
                .as(Service.Rtm2Resource::new).list().ofMaxSize(3);
    }

    /** One service of {@code type} with fields and privileges from {@code p}. */
    static Arbitrary<Service> service(int type, Profile p) {
        Arbitrary<ByteString> s = bytes(p.maxText(), p.rawBytes());
        Arbitrary<Privileges> privileges = privileges(p.maxPrivilegeId());
        return switch (type) {
            case Service.TYPE_RTC -> Combinators.combine(s, s, privileges).as(Service.Rtc::new);
            case Service.TYPE_RTM -> Combinators.combine(s, privileges).as(Service.Rtm::new);
            case Service.TYPE_STREAMING -> Combinators.combine(s, s, privileges).as(Service.Streaming::new);
            case Service.TYPE_FPA -> privileges.map(Service.Fpa::new);
            case Service.TYPE_CHAT -> Combinators.combine(s, privileges).as(Service.Chat::new);
            case Service.TYPE_FCDN -> Combinators.combine(s, s, privileges).as(Service.Fcdn::new);
            case Service.TYPE_APAAS -> Combinators.combine(s, s,
                    p.negativeRoles() ? Arbitraries.shorts() : Arbitraries.shorts().between((short) 0, Short.MAX_VALUE),
                    privileges).as(Service.Apaas::new);
            case Service.TYPE_RTM2 -> Combinators.combine(s, rtm2Permissions(p), privileges).as(Service.Rtm2::new);
            case Service.TYPE_CONVOAI -> privileges.map(Service.ConvoAi::new);
            case Service.TYPE_STT -> privileges.map(Service.Stt::new);
            default -> throw new IllegalArgumentException("service type " + type);
        };
    }

    /**
     * Up to five services in random order (the encoder sorts them by type). Built from list() and
     * oneOf() rather than flatMap(): jqwik's edge cases of a flatMap cost seconds per thousand tries.
     */
    static Arbitrary<List<Service>> services(Profile p) {
        Arbitrary<Service> any = Arbitraries.oneOf(p.types().stream().map(t -> service(t, p)).toList());
        var list = any.list().ofMinSize(p.minServices()).ofMaxSize(Math.min(5, p.repeatTypes() ? 5 : p.types().size()));
        return p.repeatTypes() ? list : list.uniqueElements(Service::type);
    }

    /** 007 content: a 32-hex App ID, u32 issueTs, expire and salt, and services for profile {@code p}. */
    static Arbitrary<AccessToken2> accessToken2(Profile p) {
        return Combinators.combine(hex32(), u32(), u32(), u32(), services(p)).as(AccessToken2::new);
    }

    /**
     * 006 content: a 32-hex App ID, channel name and uid as text (a decimal uid, "" for uid 0, or
     * an account), u32 salt and ts, and up to five privileges with ids up to {@code maxPrivilegeId}
     * (1..4 and RTM login 1000 picked often) and u32 expiry timestamps.
     */
    static Arbitrary<AccessToken> accessToken(int maxPrivilegeId) {
        Arbitrary<Integer> ids = Arbitraries.oneOf(Arbitraries.integers().between(0, maxPrivilegeId), Arbitraries.of(1, 2, 3, 4, 1000));
        Arbitrary<Privileges> privileges = Arbitraries.maps(ids, u32()).ofMaxSize(5).map(Privileges::of);
        Arbitrary<String> uid = Arbitraries.oneOf(text(20), Arbitraries.longs().between(1, 0xFFFF_FFFFL).map(Object::toString));
        return Combinators.combine(hex32(), text(40), uid, u32(), u32(), privileges).as(AccessToken::new);
    }

    /**
     * 005 content: any u16 service type (1..4 often), a 32-hex App ID, u32 times, salt and uid, a
     * text channel name, and up to three extra entries with keys up to {@code maxExtraKey} (the
     * in-channel permission "1" often) and values "0", "3" or text.
     */
    static Arbitrary<DynamicKey5Content> dynamicKey5(int maxExtraKey) {
        Arbitrary<Integer> serviceType = Arbitraries.oneOf(Arbitraries.integers().between(1, 4), Arbitraries.integers().between(0, 0xFFFF));
        Arbitrary<Integer> keys = Arbitraries.oneOf(Arbitraries.just(1), Arbitraries.integers().between(0, maxExtraKey));
        Arbitrary<java.util.Map<Integer, String>> extra = Arbitraries.maps(keys, Arbitraries.oneOf(Arbitraries.of("0", "3"), text(16)))
                .ofMaxSize(3);
        return Combinators.combine(serviceType, hex32(), u32(), u32(), text(40), u32(), u32(), extra)
                .as(DynamicKey5Content::new);
    }

    /** Signaling content: a 32-hex App ID, a text account and an expiry in 0..{@code maxExpiredTs}. */
    static Arbitrary<SignalingTokenContent> signaling(long maxExpiredTs) {
        Arbitrary<Long> expiredTs = Arbitraries.oneOf(Arbitraries.longs().between(0, maxExpiredTs), Arbitraries.of(0L, maxExpiredTs));
        return Combinators.combine(hex32(), text(40), expiredTs).as(SignalingTokenContent::new);
    }

    /**
     * Netless content: any kind, non-empty text ak and nonce (uuid-like nonces often), any role, an
     * optional uuid, and an optional expiry up to 2^53 - 1 ms (JavaScript's largest exact integer).
     */
    static Arbitrary<NetlessTokenContent> netless() {
        Arbitrary<String> nonEmpty = text(32).filter(t -> !t.isEmpty());
        Arbitrary<String> nonce = Arbitraries.oneOf(nonEmpty, Arbitraries.of("6b3cd6a0-c1a2-11ee-8c90-0242ac120002", "1"));
        Arbitrary<Optional<String>> uuid = Arbitraries.oneOf(Arbitraries.just(Optional.<String>empty()), text(32).map(Optional::of));
        Arbitrary<OptionalLong> expireAt = Arbitraries.oneOf(Arbitraries.just(OptionalLong.empty()),
                Arbitraries.longs().between(0, NetlessTokenContent.MAX_EXPIRE_AT).map(OptionalLong::of),
                Arbitraries.of(0L, 1_700_000_000_000L, NetlessTokenContent.MAX_EXPIRE_AT).map(OptionalLong::of));
        return Combinators.combine(Arbitraries.of(TokenPrefix.class), nonEmpty, nonce, Arbitraries.of(TokenRole.class), uuid, expireAt)
                .as(NetlessTokenContent::new);
    }

    /** A secret: a 32-hex certificate, or a netless sk (any non-empty text works there). */
    static Arbitrary<String> netlessSecret() {
        return Arbitraries.oneOf(hex32(), text(40).filter(t -> !t.isEmpty()));
    }
}
