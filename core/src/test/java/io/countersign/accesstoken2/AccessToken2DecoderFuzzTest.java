package io.countersign.accesstoken2;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.countersign.codec.FuzzContract;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of the 007 decoder (Jazzer): replays the seeds under
 * {@code AccessToken2DecoderFuzzTestInputs} in every build, fuzzes with {@code JAZZER_FUZZ=1}
 * ({@code scripts/fuzz}).
 */
class AccessToken2DecoderFuzzTest {
    private static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";
    private final AccessToken2Decoder decoder = new AccessToken2Decoder(FuzzContract.LIMITS);

    @FuzzTest
    @Timeout(10)
    void decodeHoldsItsContract(byte[] input) {
        DecodedAccessToken2 decoded = FuzzContract.decode(FuzzContract.text(input), decoder::decode);
        if (decoded == null || decoded.unparsed().length() > 0) {
            return; // an unknown service type keeps the rest raw: there is nothing to re-encode it from
        }
        // What decodes re-encodes to the same content, in packed order, and verifies. (The signed
        // bytes may differ: RTM2 permissions decode to their canonical form, as the officials do.)
        AccessToken2 token = decoded.token();
        String reencoded = AccessToken2Codec.encode(token, CERT);
        DecodedAccessToken2 again = AccessToken2Codec.decode(reencoded);
        assertEquals(new AccessToken2(token.appId(), token.issueTs(), token.expire(), token.salt(),
                AccessToken2Generators.packedOrder(token.services())), again.token());
        assertTrue(again.verify(CERT));
    }
}
