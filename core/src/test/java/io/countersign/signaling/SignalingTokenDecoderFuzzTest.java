package io.countersign.signaling;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.countersign.codec.FuzzContract;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Coverage-guided fuzzing of the signaling decoder (Jazzer): replays the seeds under
 * {@code SignalingTokenDecoderFuzzTestInputs} in every build, fuzzes with {@code JAZZER_FUZZ=1}
 * ({@code scripts/fuzz}).
 */
class SignalingTokenDecoderFuzzTest {
    private final SignalingTokenDecoder decoder = new SignalingTokenDecoder(FuzzContract.LIMITS);

    @FuzzTest
    @Timeout(10)
    void decodeHoldsItsContract(byte[] input) {
        String token = FuzzContract.text(input);
        DecodedSignalingToken decoded = FuzzContract.decode(token, decoder::decode);
        if (decoded == null) {
            return;
        }
        // One text per content: the fields written back give the token back.
        assertEquals(token, SignalingTokenContent.VERSION + ":" + decoded.appId() + ":" + decoded.expiredTs()
                + ":" + decoded.signature());
    }
}
