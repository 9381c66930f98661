package io.countersign.netless;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.countersign.codec.FuzzContract;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of the netless decoder (Jazzer): replays the seeds under
 * {@code NetlessDecoderFuzzTestInputs} in every build, fuzzes with {@code JAZZER_FUZZ=1}
 * ({@code scripts/fuzz}).
 */
class NetlessDecoderFuzzTest {
    private static final String SK = "netless-sk-for-fuzzing";
    private final NetlessDecoder decoder = new NetlessDecoder(FuzzContract.LIMITS);

    @FuzzTest
    @Timeout(10)
    void decodeHoldsItsContract(byte[] input) {
        DecodedNetlessToken decoded = FuzzContract.decode(FuzzContract.text(input), decoder::decode);
        if (decoded == null) {
            return;
        }
        // What decodes re-signs to a token that decodes to the same content and verifies.
        String reencoded = NetlessCodec.encode(decoded.content(), SK);
        DecodedNetlessToken again = NetlessCodec.decode(reencoded);
        assertEquals(decoded.content(), again.content());
        assertTrue(again.verify(SK));
    }
}
