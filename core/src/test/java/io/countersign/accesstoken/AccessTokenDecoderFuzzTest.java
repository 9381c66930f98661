package io.countersign.accesstoken;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.countersign.internal.Base64Codec;
import io.countersign.codec.FuzzContract;
import io.countersign.internal.PackedWriter;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Coverage-guided fuzzing of the 006 decoder (Jazzer): replays the seeds under
 * {@code AccessTokenDecoderFuzzTestInputs} in every build, fuzzes with {@code JAZZER_FUZZ=1}
 * ({@code scripts/fuzz}).
 */
class AccessTokenDecoderFuzzTest {
    private final AccessTokenDecoder decoder = new AccessTokenDecoder(FuzzContract.LIMITS);

    @FuzzTest
    @Timeout(10)
    void decodeHoldsItsContract(byte[] input) {
        String token = FuzzContract.text(input);
        DecodedAccessToken decoded = FuzzContract.decode(token, decoder::decode);
        if (decoded == null) {
            return;
        }
        // A 006 token has one text per content (canonical base64, no trailing bytes): packing
        // what was decoded gives the token back.
        PackedWriter w = new PackedWriter(64).putBytes(decoded.signature()).putU32(decoded.crcChannelName())
                .putU32(decoded.crcUid()).putBytes(decoded.message());
        assertEquals(token, AccessToken.VERSION + decoded.appId() + base64(w));
    }

    static String base64(PackedWriter w) {
        byte[] out = new byte[Base64Codec.STANDARD.encodedLength(w.position())];
        Base64Codec.STANDARD.encode(w.array(), 0, w.position(), out, 0);
        return new String(out, StandardCharsets.US_ASCII);
    }
}
