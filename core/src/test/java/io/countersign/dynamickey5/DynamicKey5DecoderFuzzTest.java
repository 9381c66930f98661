package io.countersign.dynamickey5;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.countersign.internal.Base64Codec;
import io.countersign.codec.ByteString;
import io.countersign.codec.FuzzContract;
import io.countersign.internal.Hex;
import io.countersign.internal.PackedWriter;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Coverage-guided fuzzing of the 005 decoder (Jazzer): replays the seeds under
 * {@code DynamicKey5DecoderFuzzTestInputs} in every build, fuzzes with {@code JAZZER_FUZZ=1}
 * ({@code scripts/fuzz}).
 */
class DynamicKey5DecoderFuzzTest {
    private final DynamicKey5Decoder decoder = new DynamicKey5Decoder(FuzzContract.LIMITS);

    @FuzzTest
    @Timeout(10)
    void decodeHoldsItsContract(byte[] input) {
        String key = FuzzContract.text(input);
        DecodedDynamicKey5 decoded = FuzzContract.decode(key, decoder::decode);
        if (decoded == null) {
            return;
        }
        // One text per content: packing what was decoded gives the key back.
        PackedWriter w = new PackedWriter(64).putU16(decoded.serviceType())
                .putBytes(ByteString.utf8(decoded.signature()))
                .putBytes(ByteString.copyOf(Hex.decode("appId", decoded.appId())))
                .putU32(decoded.unixTs()).putU32(decoded.salt()).putU32(decoded.expiredTs());
        byte[] extra = decoded.packedExtra().toByteArray();
        w.putRaw(extra, 0, extra.length);
        byte[] out = new byte[Base64Codec.STANDARD.encodedLength(w.position())];
        Base64Codec.STANDARD.encode(w.array(), 0, w.position(), out, 0);
        assertEquals(key, DynamicKey5Content.VERSION + new String(out, StandardCharsets.US_ASCII));
    }
}
