package io.countersign.codec;

import io.countersign.codec.TokenFormatException.Reason;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every scheme's {@link TokenDecoder} must do, run once per scheme by a subclass: decode an
 * official token the same way each time, and refuse null, a text past
 * {@link DecodeLimits#maxTokenLength()} and another scheme's prefix with a typed error at offset 0.
 */
public abstract class DecoderContract<D> {
    private final Function<DecodeLimits, ? extends TokenDecoder<D>> newDecoder;
    private final String officialToken;
    private final String prefixField;
    private final List<String> wrongPrefixes;

    /**
     * {@code officialToken} is a token an official builder wrote; {@code wrongPrefixes} start like
     * another version or scheme ("" is always tried too), reported on {@code prefixField}.
     */
    protected DecoderContract(Function<DecodeLimits, ? extends TokenDecoder<D>> newDecoder, String officialToken,
                              String prefixField, String... wrongPrefixes) {
        this.newDecoder = newDecoder;
        this.officialToken = officialToken;
        this.prefixField = prefixField;
        this.wrongPrefixes = List.of(wrongPrefixes);
    }

    private TokenDecoder<D> newDecoder(DecodeLimits limits) {
        return newDecoder.apply(limits);
    }

    /** The scheme's thread-safe entry point, {@code ...Codec.decode(token, limits)}. */
    protected abstract D codecDecode(String token, DecodeLimits limits);

    @Test
    void shouldDecodeTheOfficialTokenAlikeWhenReused() {
        TokenDecoder<D> decoder = newDecoder(DecodeLimits.DEFAULT);
        D first = decoder.decode(officialToken);
        assertEquals(first, decoder.decode(officialToken));
    }

    @Test
    void shouldRejectNullAsEmpty() {
        TokenFormatException e = reject(newDecoder(DecodeLimits.DEFAULT), null);
        assertEquals(Reason.EMPTY, e.reason());
        assertEquals("token", e.field());
    }

    @Test
    void shouldRejectAWrongPrefixAtOffsetZero() {
        TokenDecoder<D> decoder = newDecoder(DecodeLimits.DEFAULT);
        for (String text : concat("", wrongPrefixes)) {
            TokenFormatException e = reject(decoder, text);
            assertEquals(Reason.BAD_PREFIX, e.reason(), text);
            assertEquals(prefixField, e.field(), text);
            assertEquals(0, e.offset(), text);
        }
    }

    @Test
    void shouldRespectTheTokenLengthLimit() {
        int length = officialToken.length();
        newDecoder(DecodeLimits.builder().maxTokenLength(length).build()).decode(officialToken);

        TokenFormatException e = reject(newDecoder(DecodeLimits.builder().maxTokenLength(length - 1).build()), officialToken);
        assertEquals(Reason.TOO_LARGE, e.reason());
        assertEquals("token", e.field());
    }

    @Test
    void shouldHoldTheCodecToTheLimitsItIsGiven() {
        int length = officialToken.length();
        D expected = newDecoder(DecodeLimits.DEFAULT).decode(officialToken);
        assertEquals(expected, codecDecode(officialToken, DecodeLimits.DEFAULT));
        assertEquals(expected, codecDecode(officialToken, DecodeLimits.builder().maxTokenLength(length).build()));

        TokenFormatException e = assertThrows(TokenFormatException.class,
                () -> codecDecode(officialToken, DecodeLimits.builder().maxTokenLength(length - 1).build()));
        assertEquals(Reason.TOO_LARGE, e.reason());
        assertThrows(IllegalArgumentException.class, () -> codecDecode(officialToken, null));
    }

    @Test
    void shouldRefuseNullLimits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> newDecoder(null));
        assertTrue(e.getMessage().startsWith("limits:"), e.getMessage());
    }

    private static TokenFormatException reject(TokenDecoder<?> decoder, String text) {
        return assertThrows(TokenFormatException.class, () -> decoder.decode(text));
    }

    private static List<String> concat(String first, List<String> rest) {
        var all = new java.util.ArrayList<String>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
