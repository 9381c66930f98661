package io.countersign.accesstoken;

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

class AccessTokenProperties extends TokenProperties<AccessToken> {
    AccessTokenProperties() {
        super(AccessTokenSigner::new, AccessTokenGenerators.token(), CERT);
    }

    @Provide
    Arbitrary<AccessToken> tokens() {
        return AccessTokenGenerators.token();
    }

    @Provide
    Arbitrary<ByteString> byteStrings() {
        return AccessTokenGenerators.bytes();
    }

    @Property(tries = 500)
    void shouldRoundTripArbitraryContent(@ForAll("tokens") AccessToken token) {
        DecodedAccessToken decoded = AccessTokenCodec.decode(AccessTokenCodec.encode(token, CERT));

        assertEquals(token.appId(), decoded.appId());
        assertEquals(token.salt(), decoded.salt());
        assertEquals(token.ts(), decoded.ts());
        assertEquals(token.privileges(), decoded.privileges());
        assertEquals(crc32(token.channelName()), decoded.crcChannelName());
        assertEquals(crc32(token.uid()), decoded.crcUid());
        assertEquals(32, decoded.signature().length());
    }

    @Property(tries = 300)
    void verifyIsTrueOnlyForTheSigningCertificate(@ForAll("tokens") AccessToken token,
                                                 @ForAll("certificates") String cert,
                                                 @ForAll("certificates") String other) {
        DecodedAccessToken decoded = AccessTokenCodec.decode(AccessTokenCodec.encode(token, cert));
        assertTrue(decoded.verify(cert, token.channelName(), token.uid()));
        assertEquals(cert.equals(other), decoded.verify(other, token.channelName(), token.uid()));
    }

    @Property(tries = 300)
    void verifyIsTrueOnlyForTheSignedChannelAndUid(@ForAll("tokens") AccessToken token,
                                                  @ForAll("byteStrings") ByteString channel,
                                                  @ForAll("byteStrings") ByteString uid) {
        DecodedAccessToken decoded = AccessTokenCodec.decode(AccessTokenCodec.encode(token, CERT));
        assertEquals(channel.equals(token.channelName()), decoded.verify(CERT, channel, token.uid()));
        assertEquals(uid.equals(token.uid()), decoded.verify(CERT, token.channelName(), uid));
    }

    /** Any single flipped bit of the content (signature, CRCs, message) is caught. */
    @Property(tries = 500)
    void anyFlippedContentBitFailsVerification(@ForAll("tokens") AccessToken token, @ForAll long bitChoice) {
        String signed = AccessTokenCodec.encode(token, CERT);
        byte[] content = Base64.getDecoder().decode(signed.substring(35));
        int bit = (int) Math.floorMod(bitChoice, (long) content.length * 8);
        content[bit / 8] ^= (byte) (1 << (bit % 8));
        String tampered = signed.substring(0, 35) + Base64.getEncoder().encodeToString(content);
        try {
            assertFalse(AccessTokenCodec.decode(tampered).verify(CERT, token.channelName(), token.uid()));
        } catch (TokenFormatException e) {
            // The flip broke the structure (a length, a count, a repeated id): rejecting it is as good.
            assertNotNull(e.reason());
        }
    }

    /** The App ID travels in clear text and is signed: changing one of its digits fails verification. */
    @Property(tries = 200)
    void aChangedAppIdDigitFailsVerification(@ForAll("tokens") AccessToken token, @ForAll long at) {
        String signed = AccessTokenCodec.encode(token, CERT);
        int i = 3 + (int) Math.floorMod(at, 32L);
        char c = signed.charAt(i);
        String tampered = signed.substring(0, i) + (c == '0' ? '1' : '0') + signed.substring(i + 1);
        assertFalse(AccessTokenCodec.decode(tampered).verify(CERT, token.channelName(), token.uid()));
    }

    @Property(tries = 2000)
    void decodingArbitraryTextOnlyThrowsTokenFormatException(@ForAll("junkTokens") String text) {
        try {
            AccessTokenCodec.decode(text);
        } catch (TokenFormatException e) {
            assertFalse(e.getMessage().isBlank());
        }
    }

    @Property(tries = 2000)
    void decodingArbitraryContentBytesOnlyThrowsTokenFormatException(@ForAll byte[] content) {
        String text = "006970CA35de60c44645bbae8a215061b33" + Base64.getEncoder().encodeToString(content);
        try {
            AccessTokenCodec.decode(text);
        } catch (TokenFormatException e) {
            assertFalse(e.field().isBlank());
        }
    }

    /** Truncating real content anywhere is reported, never an index error. */
    @Property(tries = 500)
    void truncatedContentIsRejected(@ForAll("tokens") AccessToken token, @ForAll long cutChoice) {
        String signed = AccessTokenCodec.encode(token, CERT);
        byte[] content = Base64.getDecoder().decode(signed.substring(35));
        int cut = (int) Math.floorMod(cutChoice, (long) content.length);
        String text = signed.substring(0, 35) + Base64.getEncoder().encodeToString(Arrays.copyOf(content, cut));
        try {
            AccessTokenCodec.decode(text);
            throw new AssertionError("truncated content decoded");
        } catch (TokenFormatException e) {
            assertTrue(e.reason() == TokenFormatException.Reason.TRUNCATED || e.reason() == TokenFormatException.Reason.EMPTY,
                    e.getMessage());
        }
    }

    @Provide
    Arbitrary<String> junkTokens() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60),
                Arbitraries.strings().withChars("ABCDEFabcdef0123456789+/=").ofMaxLength(120).map(s -> "006" + s),
                Arbitraries.strings().withChars("AIQgBC+/=").ofMaxLength(80)
                        .map(s -> "006970CA35de60c44645bbae8a215061b33I" + s));
    }

    static long crc32(ByteString bytes) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes.toByteArray());
        return crc.getValue();
    }
}
