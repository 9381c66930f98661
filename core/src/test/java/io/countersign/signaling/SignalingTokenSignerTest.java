package io.countersign.signaling;

import io.countersign.codec.SignerContract;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SignalingTokenSignerTest extends SignerContract<SignalingTokenContent> {
    private static final SignalingTokenContent TOKEN = new SignalingTokenContent(SignalingTokenTest.APP_ID, "test_user",
            1_700_003_600L);

    private final SignalingTokenSigner signer = new SignalingTokenSigner();

    SignalingTokenSignerTest() {
        super(SignalingTokenSigner::new, TOKEN, SignalingTokenTest.CERT, SignalingTokenTest.OFFICIAL);
    }

    @Test
    void shouldWriteTheExpiryInShortestDecimal() {
        for (long ts : new long[] {0, 9, 10, 99, 100, 4_294_967_295L}) {
            String token = signer.sign(new SignalingTokenContent(SignalingTokenTest.APP_ID, "a", ts), SignalingTokenTest.CERT);
            assertEquals(Long.toString(ts), token.split(":")[2]);
            assertEquals(ts, SignalingTokenCodec.decode(token).expiredTs());
        }
    }
}
