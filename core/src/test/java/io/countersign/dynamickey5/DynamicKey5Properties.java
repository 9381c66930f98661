package io.countersign.dynamickey5;

import io.countersign.codec.CodecGenerators;
import io.countersign.codec.TokenProperties;
import io.countersign.codec.ByteString;
import io.countersign.codec.TokenFormatException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Arrays;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamicKey5Properties extends TokenProperties<DynamicKey5Content> {
    DynamicKey5Properties() {
        super(DynamicKey5Signer::new, DynamicKey5Generators.key(), CERT);
    }

    @Provide
    Arbitrary<DynamicKey5Content> keys() {
        return DynamicKey5Generators.key();
    }

    @Provide
    Arbitrary<ByteString> byteStrings() {
        return DynamicKey5Generators.bytes();
    }

    @Provide
    Arbitrary<Long> u32s() {
        return CodecGenerators.u32();
    }

    @Property(tries = 500)
    void shouldRoundTripArbitraryContent(@ForAll("keys") DynamicKey5Content key) {
        DecodedDynamicKey5 decoded = DynamicKey5Codec.decode(DynamicKey5Codec.encode(key, CERT));

        assertEquals(key.serviceType(), decoded.serviceType());
        assertEquals(key.appId(), decoded.appId());
        assertEquals(key.unixTs(), decoded.unixTs());
        assertEquals(key.salt(), decoded.salt());
        assertEquals(key.expiredTs(), decoded.expiredTs());
        assertEquals(key.extra(), decoded.extra());
        assertTrue(decoded.signature().matches("[0-9A-F]{40}"), decoded.signature());
    }

    @Property(tries = 300)
    void verifyIsTrueOnlyForTheSigningCertificateInAnyCase(@ForAll("keys") DynamicKey5Content key,
                                                          @ForAll("certificates") String cert,
                                                          @ForAll("certificates") String other) {
        DecodedDynamicKey5 decoded = DynamicKey5Codec.decode(DynamicKey5Codec.encode(key, cert));
        assertTrue(decoded.verify(cert.toUpperCase(), key.channelName(), key.uid()));
        assertEquals(cert.equalsIgnoreCase(other), decoded.verify(other, key.channelName(), key.uid()));
    }

    @Property(tries = 300)
    void verifyIsTrueOnlyForTheSignedChannelAndUid(@ForAll("keys") DynamicKey5Content key,
                                                  @ForAll("byteStrings") ByteString channel, @ForAll("u32s") long uid) {
        DecodedDynamicKey5 decoded = DynamicKey5Codec.decode(DynamicKey5Codec.encode(key, CERT));
        assertEquals(channel.equals(key.channelName()), decoded.verify(CERT, channel, key.uid()));
        assertEquals(uid == key.uid(), decoded.verify(CERT, key.channelName(), uid));
    }

    /** Any single flipped bit of the content is caught. */
    @Property(tries = 500)
    void anyFlippedContentBitFailsVerification(@ForAll("keys") DynamicKey5Content key, @ForAll long bitChoice) {
        byte[] content = Base64.getDecoder().decode(DynamicKey5Codec.encode(key, CERT).substring(3));
        int bit = (int) Math.floorMod(bitChoice, (long) content.length * 8);
        content[bit / 8] ^= (byte) (1 << (bit % 8));
        String tampered = "005" + Base64.getEncoder().encodeToString(content);
        try {
            assertFalse(DynamicKey5Codec.decode(tampered).verify(CERT, key.channelName(), key.uid()));
        } catch (TokenFormatException e) {
            // The flip broke the structure (a length, a count, a signature digit): rejecting it is as good.
            assertNotNull(e.reason());
        }
    }

    @Property(tries = 2000)
    void decodingArbitraryTextOnlyThrowsTokenFormatException(@ForAll("junkKeys") String text) {
        try {
            DynamicKey5Codec.decode(text);
        } catch (TokenFormatException e) {
            assertFalse(e.getMessage().isBlank());
        }
    }

    @Property(tries = 2000)
    void decodingArbitraryContentBytesOnlyThrowsTokenFormatException(@ForAll byte[] content) {
        try {
            DynamicKey5Codec.decode("005" + Base64.getEncoder().encodeToString(content));
        } catch (TokenFormatException e) {
            assertFalse(e.field().isBlank());
        }
    }

    /** Truncating real content anywhere is reported, never an index error. */
    @Property(tries = 500)
    void truncatedContentIsRejected(@ForAll("keys") DynamicKey5Content key, @ForAll long cutChoice) {
        byte[] content = Base64.getDecoder().decode(DynamicKey5Codec.encode(key, CERT).substring(3));
        int cut = (int) Math.floorMod(cutChoice, (long) content.length);
        String text = "005" + Base64.getEncoder().encodeToString(Arrays.copyOf(content, cut));
        try {
            DynamicKey5Codec.decode(text);
            throw new AssertionError("truncated content decoded");
        } catch (TokenFormatException e) {
            assertTrue(e.reason() == TokenFormatException.Reason.TRUNCATED || e.reason() == TokenFormatException.Reason.EMPTY,
                    e.getMessage());
        }
    }

    @Provide
    Arbitrary<String> junkKeys() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60),
                Arbitraries.strings().withChars("ABCDEFabcdef0123456789+/=").ofMaxLength(120).map(s -> "005" + s),
                Arbitraries.strings().withChars("AQBCgDE+/=").ofMaxLength(80).map(s -> "005AQAoA" + s));
    }
}
