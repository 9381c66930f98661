package io.countersign.signaling;

import io.countersign.codec.TokenProperties;
import io.countersign.codec.ByteString;
import io.countersign.codec.TokenFormatException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignalingTokenProperties extends TokenProperties<SignalingTokenContent> {
    SignalingTokenProperties() {
        super(SignalingTokenSigner::new, SignalingTokenGenerators.token(), CERT);
    }

    @Provide
    Arbitrary<SignalingTokenContent> tokens() {
        return SignalingTokenGenerators.token();
    }

    @Provide
    Arbitrary<ByteString> accounts() {
        return SignalingTokenGenerators.account();
    }

    @Property(tries = 500)
    void shouldRoundTripArbitraryContent(@ForAll("tokens") SignalingTokenContent token) {
        DecodedSignalingToken decoded = SignalingTokenCodec.decode(SignalingTokenCodec.encode(token, CERT));
        assertEquals(token.appId(), decoded.appId());
        assertEquals(token.expiredTs(), decoded.expiredTs());
        assertTrue(decoded.signature().matches("[0-9a-f]{32}"), decoded.signature());
    }

    /** The certificate enters the MD5 as text, so another case is another certificate (as in every official builder). */
    @Property(tries = 300)
    void verifyIsTrueOnlyForTheSigningCertificateAndAccount(@ForAll("tokens") SignalingTokenContent token,
                                                           @ForAll("certificates") String cert,
                                                           @ForAll("certificates") String other,
                                                           @ForAll("accounts") ByteString account) {
        DecodedSignalingToken decoded = SignalingTokenCodec.decode(SignalingTokenCodec.encode(token, cert));
        assertTrue(decoded.verify(cert, token.account()));
        assertEquals(cert.equals(other), decoded.verify(other, token.account()));
        assertEquals(account.equals(token.account()), decoded.verify(cert, account));
    }

    /** Any changed character of a token is rejected or fails verification. */
    @Property(tries = 1000)
    void anyChangedCharacterFailsVerification(@ForAll("tokens") SignalingTokenContent token, @ForAll long at,
                                              @ForAll char replacement) {
        String signed = SignalingTokenCodec.encode(token, CERT);
        int i = (int) Math.floorMod(at, (long) signed.length());
        if (signed.charAt(i) == replacement) {
            return;
        }
        String tampered = signed.substring(0, i) + replacement + signed.substring(i + 1);
        try {
            DecodedSignalingToken decoded = SignalingTokenCodec.decode(tampered);
            // An App ID digit may change case and still decode: the MD5 covers the App ID as text.
            assertFalse(decoded.verify(CERT, token.account()), tampered);
        } catch (TokenFormatException e) {
            assertNotNull(e.reason());
        }
    }

    @Property(tries = 2000)
    void decodingArbitraryTextOnlyThrowsTokenFormatException(@ForAll("junkTokens") String text) {
        try {
            SignalingTokenCodec.decode(text);
        } catch (TokenFormatException e) {
            assertFalse(e.getMessage().isBlank());
        }
    }

    @Provide
    Arbitrary<String> junkTokens() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60),
                Arbitraries.strings().withChars("1:0123456789abcdefABCDEF-+ ").ofMaxLength(90),
                Arbitraries.strings().withChars(":0123456789abcdef").ofMaxLength(50)
                        .map(s -> "1:970CA35de60c44645bbae8a215061b33:" + s));
    }
}
