package io.countersign.netless;

import io.countersign.internal.Base64Codec;
import io.countersign.codec.Branches;
import io.countersign.codec.TokenProperties;
import io.countersign.codec.TokenFormatException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetlessProperties extends TokenProperties<NetlessTokenContent> {
    private static final String SK = "netless-sk";

    NetlessProperties() {
        super(NetlessSigner::new, NetlessGenerators.content(), SK);
    }

    @Provide
    Arbitrary<NetlessTokenContent> contents() {
        return NetlessGenerators.content();
    }

    @Provide
    Arbitrary<String> secrets() {
        return NetlessGenerators.secret();
    }

    @Property(tries = 1000)
    void shouldRoundTripArbitraryContentToTheSameText(@ForAll("contents") NetlessTokenContent content) {
        String token = NetlessCodec.encode(content, SK);
        DecodedNetlessToken decoded = NetlessCodec.decode(token);
        assertEquals(content, decoded.content());
        assertEquals(token, NetlessCodec.encode(decoded.content(), SK));
        assertTrue(token.startsWith(content.prefix().prefix()));
        assertTrue(token.substring(content.prefix().prefix().length()).matches("[A-Za-z0-9_-]+"), token);
    }

    @Property(tries = 500)
    void verifyIsTrueOnlyForTheSigningSecret(@ForAll("contents") NetlessTokenContent content,
                                             @ForAll("secrets") String sk, @ForAll("secrets") String other) {
        String token = NetlessCodec.encode(content, sk);
        assertTrue(NetlessCodec.verify(token, sk));
        assertEquals(sk.equals(other), NetlessCodec.verify(token, other));
    }

    /** Any single flipped bit of the query string is rejected or fails verification. */
    @Property(tries = 1000)
    void anyFlippedQueryBitFailsVerification(@ForAll("contents") NetlessTokenContent content, @ForAll long bitChoice) {
        String token = NetlessCodec.encode(content, SK);
        byte[] query = query(token, content.prefix());
        int bit = (int) Math.floorMod(bitChoice, (long) query.length * 8);
        query[bit / 8] ^= (byte) (1 << (bit % 8));
        Branches.require("decodes, does not verify", 5);
        assertNeverVerifies(content.prefix().prefix() + Base64.getUrlEncoder().withoutPadding().encodeToString(query));
    }

    /** Any changed character of the token text is rejected or fails verification: one text per token. */
    @Property(tries = 1000)
    void anyChangedCharacterFailsVerification(@ForAll("contents") NetlessTokenContent content, @ForAll long where,
                                              @ForAll("replacements") char replacement) {
        String token = NetlessCodec.encode(content, SK);
        int at = (int) Math.floorMod(where, (long) token.length());
        Assume.that(token.charAt(at) != replacement);
        Branches.require("decodes, does not verify", 1); // most changes break the hex of nonce or sig
        assertNeverVerifies(token.substring(0, at) + replacement + token.substring(at + 1));
    }

    @Property(tries = 500)
    void truncatedTokensNeverVerify(@ForAll("contents") NetlessTokenContent content, @ForAll long cutChoice) {
        String token = NetlessCodec.encode(content, SK);
        int cut = (int) Math.floorMod(cutChoice, (long) token.length());
        assertNeverVerifies(token.substring(0, cut));
    }

    @Property(tries = 2000)
    void decodingArbitraryTextOnlyThrowsTokenFormatException(@ForAll("junkTokens") String text) {
        try {
            NetlessCodec.decode(text);
        } catch (TokenFormatException e) {
            assertFalse(e.getMessage().isBlank());
        }
    }

    @Property(tries = 2000)
    void decodingArbitraryQueriesOnlyThrowsTokenFormatException(@ForAll("junkQueries") byte[] query) {
        try {
            DecodedNetlessToken decoded = NetlessCodec.decode("NETLESSTASK_" + Base64.getUrlEncoder().withoutPadding().encodeToString(query));
            // Whatever decodes is the one text of its content and sig.
            String signed = NetlessCodec.encode(decoded.content(), SK);
            String canonical = new String(query(signed, TokenPrefix.TASK), StandardCharsets.US_ASCII)
                    .replace("sig=" + NetlessCodec.decode(signed).sigHex(), "sig=" + decoded.sigHex());
            assertEquals(canonical, new String(query, StandardCharsets.ISO_8859_1));
            Branches.reached("decodes to its one text");
        } catch (TokenFormatException e) {
            Branches.reached("rejected");
        }
        Branches.require("decodes to its one text", 3);
    }

    @Property(tries = 300)
    void buildersAgreeWithTheContentEncoder(@ForAll("contents") NetlessTokenContent content,
                                            @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long lifespan) {
        long now = 1_700_000_000_000L;
        NetlessToken builder = new NetlessToken(Clock.fixed(Instant.ofEpochMilli(now), ZoneOffset.UTC),
                NonceSource.fixed(content.nonce()));
        String uuid = content.uuid().orElse(null);
        String built = switch (content.prefix()) {
            case SDK -> builder.sdkToken(content.ak(), SK, lifespan, new NetlessToken.SdkTokenTags(content.role()));
            case ROOM -> builder.roomToken(content.ak(), SK, lifespan, new NetlessToken.RoomTokenTags(content.role(), uuid));
            case TASK -> builder.taskToken(content.ak(), SK, lifespan, new NetlessToken.TaskTokenTags(content.role(), uuid));
        };
        NetlessTokenContent expected = (content.prefix() == TokenPrefix.SDK ? content.withUuid(null) : content).withoutExpiry();
        if (lifespan > 0) {
            expected = expected.withExpireAt(now + lifespan);
        }
        assertEquals(NetlessCodec.encode(expected, SK), built);
    }

    @Property(tries = 500)
    void unpairedSurrogatesAreRefusedInEveryStringField(@ForAll("surrogateText") String bad) {
        NetlessTokenContent ok = NetlessTokenContent.of(TokenPrefix.ROOM, "ak", "n", TokenRole.ADMIN);
        assertThrows(IllegalArgumentException.class, () -> ok.withUuid(bad));
        assertThrows(IllegalArgumentException.class, () -> NetlessTokenContent.of(TokenPrefix.ROOM, bad, "n", TokenRole.ADMIN));
        assertThrows(IllegalArgumentException.class, () -> NetlessTokenContent.of(TokenPrefix.ROOM, "ak", bad, TokenRole.ADMIN));
        assertThrows(IllegalArgumentException.class, () -> NetlessCodec.encode(ok, bad));
    }

    @Property(tries = 1000)
    void base64UrlMatchesTheJdkUnpaddedUrlEncoderAndRoundTrips(@ForAll byte[] bytes) {
        Assume.that(bytes.length > 0);
        byte[] out = new byte[Base64Codec.URL_UNPADDED.encodedLength(bytes.length) + 4];
        int n = Base64Codec.URL_UNPADDED.encode(bytes, 0, bytes.length, out, 2);
        String text = new String(out, 2, n, StandardCharsets.US_ASCII);
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), text);
        assertArrayEquals(bytes, Base64Codec.URL_UNPADDED.decode("t", "P_" + text, 2));
    }

    @Provide
    Arbitrary<String> surrogateText() {
        return NetlessGenerators.text(0, 6).flatMap(s -> Arbitraries.of(s + "\ud800", "\udc00" + s, s + "\udbff", s + "\ud83d"));
    }

    @Provide
    Arbitrary<String> junkTokens() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60),
                Arbitraries.strings().withChars("ABCDEFabcdef0123456789-_+/=").ofMaxLength(80)
                        .flatMap(s -> Arbitraries.of(TokenPrefix.class).map(p -> p.prefix() + s)));
    }

    @Provide
    Arbitrary<byte[]> junkQueries() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("ak=", "&expireAt=", "&nonce=", "&role=", "&sig=", "&uuid=", "&", "=", "%", "%C3", "%A9",
                        "%e9", "0", "1", "2", "a", "024c21133e8a12a6b33a43c2fd5a54a63063cd138cbdbf7f112e4d3d25fc7747"),
                Arbitraries.strings().ascii().ofMaxLength(3));
        Arbitrary<byte[]> structured = piece.list().ofMaxSize(14)
                .map(l -> String.join("", l).getBytes(StandardCharsets.UTF_8));
        // Real queries, one byte changed or not, so that some tries decode and reach the check.
        Arbitrary<byte[]> real = Combinators.combine(contents(), Arbitraries.longs(), Arbitraries.bytes(), Arbitraries.of(true, false))
                .as((content, where, value, change) -> {
                    byte[] q = query(NetlessCodec.encode(content, SK), content.prefix());
                    if (change) {
                        q[(int) Math.floorMod(where, (long) q.length)] = value;
                    }
                    return q;
                });
        return Arbitraries.oneOf(structured, real, Arbitraries.bytes().array(byte[].class).ofMaxSize(60));
    }

    /** Mostly characters of the token's own alphabet (a change that still decodes), sometimes any. */
    @Provide
    Arbitrary<Character> replacements() {
        return Arbitraries.frequencyOf(
                Tuple.of(9, Arbitraries.chars().with("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")),
                Tuple.of(1, Arbitraries.chars()));
    }

    private static void assertNeverVerifies(String token) {
        try {
            assertFalse(NetlessCodec.verify(token, SK), token);
            Branches.reached("decodes, does not verify");
        } catch (TokenFormatException e) {
            Branches.reached("rejected");
        }
    }

    private static byte[] query(String token, TokenPrefix prefix) {
        return Base64.getUrlDecoder().decode(token.substring(prefix.prefix().length()));
    }
}
