package io.countersign.codec;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every decoder fuzz target checks on each input: the decoder returns or throws
 * {@link TokenFormatException} (anything else escapes to Jazzer as a finding), and it allocates
 * no more than a fixed multiple of what the limits allow (not counted on a call that loads
 * classes, whose one-time initialisation is no input's doing). Time per input is bounded by the
 * {@code @Timeout} on each target, which Jazzer turns into its per-input timeout.
 */
public final class FuzzContract {
    /** Tighter than the defaults so that a bound that holds here is cheap to reach. */
    public static final DecodeLimits LIMITS = DecodeLimits.builder()
            .maxTokenLength(1 << 16).maxInflatedLength(1 << 16).build();

    /**
     * Bytes a decode may allocate per byte of token text or of allowed inflated payload: the
     * text, the decoded bytes, the inflater's buffers and the objects a payload becomes, with
     * room to spare. A decoder that sizes anything from a forged count blows well past it.
     */
    static final long ALLOCATION_PER_BYTE = 64;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final ClassLoadingMXBean CLASSES = ManagementFactory.getClassLoadingMXBean();

    private FuzzContract() {
    }

    /** The fuzzer's bytes as token text (UTF-8, malformed sequences become U+FFFD). */
    public static String text(byte[] input) {
        return new String(input, StandardCharsets.UTF_8);
    }

    /** Decodes {@code token}; null if it was rejected with a {@link TokenFormatException}. */
    public static <T> T decode(String token, Function<String, T> decoder) {
        long classesBefore = CLASSES.getTotalLoadedClassCount();
        long before = THREADS.getCurrentThreadAllocatedBytes();
        T decoded;
        try {
            decoded = decoder.apply(token);
        } catch (TokenFormatException e) {
            decoded = null;
        }
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        if (CLASSES.getTotalLoadedClassCount() != classesBefore) {
            return decoded; // a first use loads and initialises classes: not the input's doing
        }
        long bound = ALLOCATION_PER_BYTE * (2L * token.length() + LIMITS.maxInflatedLength()) + (1 << 20);
        assertTrue(allocated <= bound, () -> "decoding " + token.length() + " characters allocated "
                + allocated + " bytes, the bound is " + bound);
        return decoded;
    }
}
