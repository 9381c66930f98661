package io.countersign.signaling;

import io.countersign.codec.DecodeLimits;
import io.countersign.codec.DecoderContract;
import io.countersign.codec.TokenFormatException;
import io.countersign.codec.TokenFormatException.Reason;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SignalingTokenDecoderTest extends DecoderContract<DecodedSignalingToken> {
    private static final String OFFICIAL = SignalingTokenTest.OFFICIAL;
    private static final String APP = "1:970CA35de60c44645bbae8a215061b33:";
    private static final String MD5 = ":75303e9d933399e311095f6db1a262fc";

    private final SignalingTokenDecoder decoder = new SignalingTokenDecoder();

    SignalingTokenDecoderTest() {
        super(SignalingTokenDecoder::new, OFFICIAL, "version", "2" + OFFICIAL.substring(1), "11:" + OFFICIAL.substring(2), "1");
    }

    @Test
    void shouldRejectABadAppId() {
        assertReject(Reason.TRUNCATED, "appId", 2, "1:970CA35de60c");
        assertReject(Reason.BAD_VALUE, "appId", 5, "1:970-A35de60c44645bbae8a215061b33:1700003600" + MD5);
        assertReject(Reason.BAD_VALUE, "appId", 34, "1:970CA35de60c44645bbae8a215061b331:1700003600" + MD5);
    }

    @Test
    void shouldRejectANonCanonicalExpiry() {
        assertReject(Reason.BAD_VALUE, "expiredTs", 35, APP + "01700003600" + MD5);
        assertReject(Reason.BAD_VALUE, "expiredTs", 35, APP + "+1700003600" + MD5);
        assertReject(Reason.BAD_VALUE, "expiredTs", 35, APP + "-1" + MD5);
        assertReject(Reason.BAD_VALUE, "expiredTs", 35, APP + MD5);
        assertReject(Reason.BAD_VALUE, "expiredTs", 35, APP + "4294967296" + MD5);
        assertReject(Reason.BAD_VALUE, "expiredTs", 35, APP + "99999999999" + MD5);
        assertReject(Reason.TRUNCATED, "expiredTs", 35, APP + "1700003600");
        assertEquals(0, decoder.decode(APP + "0" + MD5).expiredTs());
        assertEquals(0xFFFF_FFFFL, decoder.decode(APP + "4294967295" + MD5).expiredTs());
    }

    @Test
    void shouldRejectABadSignature() {
        assertReject(Reason.BAD_VALUE, "signature", 51, APP + "1700003600:75303E9d933399e311095f6db1a262fc");
        assertReject(Reason.TRUNCATED, "signature", 46, OFFICIAL.substring(0, OFFICIAL.length() - 1));
        assertReject(Reason.TRAILING_BYTES, "signature", 46, OFFICIAL + "0");
        assertReject(Reason.TRAILING_BYTES, "signature", 46, OFFICIAL + ":x");
        assertReject(Reason.BAD_VALUE, "signature", 77, APP + "1700003600:75303e9d933399e311095f6db1a262f\n");
    }

    private void assertReject(Reason reason, String field, int offset, String token) {
        TokenFormatException e = reject(token);
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertEquals(offset, e.offset(), e.getMessage());
    }

    private TokenFormatException reject(String token) {
        return assertThrows(TokenFormatException.class, () -> decoder.decode(token));
    }

    @Override
    protected DecodedSignalingToken codecDecode(String token, DecodeLimits limits) {
        return SignalingTokenCodec.decode(token, limits);
    }
}
