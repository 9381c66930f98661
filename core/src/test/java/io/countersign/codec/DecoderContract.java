package io.countersign.codec;

import io.countersign.codec.TokenFormatException.Reason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every scheme's {@link TokenDecoder} must do, run once per scheme by a subclass: decode an
 * official token the same way each time, and refuse null, a text past
 * {@link DecodeLimits#maxTokenLength()} and another scheme's prefix with a typed error at offset 0.
 */
public abstract class DecoderContract<D> {
    protected abstract TokenDecoder<D> newDecoder(DecodeLimits limits);

    /** A token an official builder wrote. */
    protected abstract String officialToken();

    /** Texts that start like another version or scheme (or not at all); "" is always tried too. */
    protected abstract List<String> wrongPrefixes();

    /** The field a wrong prefix is reported on. */
    protected String prefixField() {
        return "version";
    }

    @Test
    void shouldDecodeTheOfficialTokenAlikeWhenReused() {
        TokenDecoder<D> decoder = newDecoder(DecodeLimits.DEFAULT);
        D first = decoder.decode(officialToken());
        assertEquals(first, decoder.decode(officialToken()));
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
        for (String text : concat("", wrongPrefixes())) {
            TokenFormatException e = reject(decoder, text);
            assertEquals(Reason.BAD_PREFIX, e.reason(), text);
            assertEquals(prefixField(), e.field(), text);
            assertEquals(0, e.offset(), text);
        }
    }

    @Test
    void shouldRespectTheTokenLengthLimit() {
        int length = officialToken().length();
        newDecoder(DecodeLimits.builder().maxTokenLength(length).build()).decode(officialToken());

        TokenFormatException e = reject(newDecoder(DecodeLimits.builder().maxTokenLength(length - 1).build()), officialToken());
        assertEquals(Reason.TOO_LARGE, e.reason());
        assertEquals("token", e.field());
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
