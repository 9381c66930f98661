package io.countersign.signaling;

import io.countersign.internal.Checks;
import io.countersign.codec.InvalidArgumentException;
import io.countersign.codec.TokenFormatException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Boundaries the mutation run showed untested (surviving PIT mutants in the signaling package). */
class SignalingTokenEdgesTest {
    private static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    private static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";

    @Test
    void codecVerifyIsFalseForAnotherCertificateOrAccount() {
        String token = SignalingToken.getToken(APP_ID, CERT, "alice", 1_700_000_000L);
        assertTrue(SignalingTokenCodec.verify(token, CERT, "alice"));
        assertFalse(SignalingTokenCodec.verify(token, CERT.replace('5', '6'), "alice"));
        assertFalse(SignalingTokenCodec.verify(token, CERT, "bob"));
    }

    @Test
    void shouldBlameTheExpiryWhenTheTokenEndsRightAfterTheAppId() {
        // "1:" + 32 digits + ":" is exactly as long as the App ID part: what is missing is the expiry.
        TokenFormatException e = assertThrows(TokenFormatException.class,
                () -> SignalingTokenCodec.decode("1:" + APP_ID + ":"));
        assertEquals("expiredTs", e.field());
        TokenFormatException shorter = assertThrows(TokenFormatException.class,
                () -> SignalingTokenCodec.decode("1:" + APP_ID));
        assertEquals("appId", shorter.field());
    }

    @Test
    void shouldAcceptExpiriesUpToTheLastU32SecondAndNoFurther() {
        SignalingToken atEpoch = new SignalingToken(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        assertEquals(0, SignalingTokenCodec.decode(atEpoch.get(APP_ID, CERT, "alice", 0)).expiredTs());
        assertEquals(Checks.U32_MAX, SignalingTokenCodec.decode(atEpoch.get(APP_ID, CERT, "alice", Checks.U32_MAX)).expiredTs());
        assertThrows(InvalidArgumentException.class, () -> atEpoch.get(APP_ID, CERT, "alice", Checks.U32_MAX + 1));
        assertThrows(InvalidArgumentException.class, () -> atEpoch.get(APP_ID, CERT, "alice", -1));
    }
}
