package io.countersign.accesstoken2;

import io.countersign.codec.TokenProperties;
import io.countersign.codec.TokenFormatException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessToken2Properties extends TokenProperties<AccessToken2> {
    AccessToken2Properties() {
        super(AccessToken2Signer::new, AccessToken2Generators.token(), CERT);
    }

    @Provide
    Arbitrary<AccessToken2> tokens() {
        return AccessToken2Generators.token();
    }

    @Property(tries = 500)
    void shouldRoundTripArbitraryContent(@ForAll("tokens") AccessToken2 token) {
        DecodedAccessToken2 decoded = AccessToken2Codec.decode(AccessToken2Codec.encode(token, CERT));

        AccessToken2 expected = new AccessToken2(token.appId(), token.issueTs(), token.expire(), token.salt(),
                AccessToken2Generators.packedOrder(token.services()));
        assertEquals(expected, decoded.token());
        assertEquals(0, decoded.unparsed().length());
    }

    @Property(tries = 300)
    void verifyIsTrueOnlyForTheSigningCertificate(@ForAll("tokens") AccessToken2 token,
                                                 @ForAll("certificates") String cert,
                                                 @ForAll("certificates") String other) {
        String signed = AccessToken2Codec.encode(token, cert);
        assertTrue(AccessToken2Codec.verify(signed, cert));
        assertEquals(cert.equals(other), AccessToken2Codec.verify(signed, other));
    }

    /** Any single flipped bit of the signed payload (signature or signing info) is caught. */
    @Property(tries = 500)
    void anyFlippedPayloadBitFailsVerification(@ForAll("tokens") AccessToken2 token, @ForAll long bitChoice) {
        byte[] payload = inflate(AccessToken2Codec.encode(token, CERT));
        int bit = (int) Math.floorMod(bitChoice, (long) payload.length * 8);
        payload[bit / 8] ^= (byte) (1 << (bit % 8));
        String tampered = "007" + Base64.getEncoder().encodeToString(deflate(payload));
        try {
            assertFalse(AccessToken2Codec.verify(tampered, CERT));
        } catch (TokenFormatException e) {
            // The flip broke the structure (a length, a count): rejecting it is as good.
            assertNotNull(e.reason());
        }
    }

    /**
     * A flipped bit of the compressed bytes is rejected, fails verification, or lands in bits
     * deflate ignores (the padding after the final block), in which case the signed payload is
     * unchanged: a token can only verify if it says exactly what was signed.
     */
    @Property(tries = 500)
    void aFlippedCompressedBitNeverChangesWhatVerifies(@ForAll("tokens") AccessToken2 token, @ForAll long bitChoice) {
        String original = AccessToken2Codec.encode(token, CERT);
        byte[] compressed = Base64.getDecoder().decode(original.substring(3));
        int bit = (int) Math.floorMod(bitChoice, (long) compressed.length * 8);
        compressed[bit / 8] ^= (byte) (1 << (bit % 8));
        String tampered = "007" + Base64.getEncoder().encodeToString(compressed);
        try {
            if (AccessToken2Codec.verify(tampered, CERT)) {
                assertArrayEquals(inflate(original), inflate(tampered));
            }
        } catch (TokenFormatException e) {
            assertNotNull(e.reason());
        }
    }

    @Property(tries = 2000)
    void decodingArbitraryTextOnlyThrowsTokenFormatException(@ForAll("junkTokens") String text) {
        try {
            AccessToken2Codec.decode(text);
        } catch (TokenFormatException e) {
            assertFalse(e.getMessage().isBlank());
        }
    }

    @Property(tries = 2000)
    void decodingArbitraryDeflatedBytesOnlyThrowsTokenFormatException(@ForAll byte[] payload) {
        String text = "007" + Base64.getEncoder().encodeToString(deflate(payload));
        try {
            AccessToken2Codec.decode(text);
        } catch (TokenFormatException e) {
            assertFalse(e.field().isBlank());
        }
    }

    /** Truncating a real payload anywhere is reported, never an index error. */
    @Property(tries = 500)
    void truncatedPayloadsAreRejected(@ForAll("tokens") AccessToken2 token, @ForAll long cutChoice) {
        byte[] payload = inflate(AccessToken2Codec.encode(token, CERT));
        int cut = (int) Math.floorMod(cutChoice, (long) payload.length);
        byte[] truncated = java.util.Arrays.copyOf(payload, cut);
        String text = "007" + Base64.getEncoder().encodeToString(deflate(truncated));
        try {
            AccessToken2Codec.decode(text);
            // Cutting exactly at a service boundary with the count still larger must not pass.
            throw new AssertionError("a truncated payload decoded");
        } catch (TokenFormatException e) {
            assertTrue(e.reason() == TokenFormatException.Reason.TRUNCATED || e.reason() == TokenFormatException.Reason.EMPTY, e.getMessage());
        }
    }

    @Provide
    Arbitrary<String> junkTokens() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60),
                Arbitraries.strings().withChars("ABCDEFabcdef0123456789+/=").ofMaxLength(80).map(s -> "007" + s),
                Arbitraries.strings().withChars("eJx").ofMaxLength(10).map(s -> "007eJ" + s));
    }

    static byte[] inflate(String token) {
        Inflater inflater = new Inflater();
        inflater.setInput(Base64.getDecoder().decode(token.substring(3)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[256];
        try {
            while (!inflater.finished()) {
                out.write(chunk, 0, inflater.inflate(chunk));
            }
        } catch (DataFormatException e) {
            throw new AssertionError(e);
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] bytes) {
        Deflater deflater = new Deflater();
        deflater.setInput(bytes);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[256];
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return out.toByteArray();
    }
}
