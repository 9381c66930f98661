package io.countersign.codec;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every scheme's {@link TokenSigner} must do, run once per scheme by a subclass (as
 * JCTools runs one queue contract for every queue): the official text for known content, the
 * same text in every form, at offset 11 of a larger array, twice from the same object, nothing
 * written when it does not fit, and no allocation on the caller-buffer path after warm-up.
 */
public abstract class SignerContract<T> {
    private static final byte GUARD = 0x55;

    private final TokenSigner<T> signer;
    private final T content;
    private final String secret;
    private final String officialText;

    /** {@code officialText} is what an official builder writes for {@code content} under {@code secret}. */
    protected SignerContract(Supplier<? extends TokenSigner<T>> newSigner, T content, String secret, String officialText) {
        this.signer = newSigner.get();
        this.content = content;
        this.secret = secret;
        this.officialText = officialText;
    }

    @Test
    void shouldSignTheOfficialText() {
        assertEquals(officialText, signer.sign(content, secret));
    }

    /** An unpaired surrogate instead of the secret's last character, or after it: no scheme's rule allows one. */
    @Test
    void shouldRefuseABadSecretNamingTheFieldButNotTheValue() {
        String kept = secret.substring(0, secret.length() - 1);
        for (String bad : new String[] {kept + "\ud800", secret + "\ud800"}) {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> signer.sign(content, bad));
            assertFalse(e.field().isEmpty(), e.getMessage());
            assertFalse(e.getMessage().contains(kept.substring(0, 6)), e.getMessage());
        }
    }

    @Test
    void shouldWriteAtAnOffsetWhatTheStringFormReturnsWhenReused() {
        String expected = signer.sign(content, secret);
        byte[] out = new byte[expected.length() + 100];
        Arrays.fill(out, GUARD);

        int length = signer.sign(content, secret, out, 11);
        int again = signer.sign(content, secret, out, 11);

        assertEquals(expected.length(), length);
        assertEquals(length, again);
        assertEquals(expected, new String(out, 11, length, StandardCharsets.US_ASCII));
        assertEquals(GUARD, out[10]);
        assertEquals(GUARD, out[11 + length]);
    }

    @Test
    void shouldRefuseABufferTooSmallWithoutWritingIntoIt() {
        int length = signer.sign(content, secret).length();
        byte[] out = new byte[length + 11];
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> signer.sign(content, secret, out, 12));
        assertTrue(e.getMessage().startsWith("out:"), e.getMessage());
        assertArrayEquals(new byte[length + 11], out);
        assertThrows(IndexOutOfBoundsException.class, () -> signer.sign(content, secret, out, -1));
        assertArrayEquals(new byte[length + 11], out);
    }

    @Test
    void shouldPutIntoAByteBufferAtItsPositionAndAdvanceIt() {
        String expected = signer.sign(content, secret);
        for (ByteBuffer buffer : new ByteBuffer[] {ByteBuffer.allocate(1024), ByteBuffer.allocateDirect(1024)}) {
            buffer.position(7);
            int length = signer.sign(content, secret, buffer);
            assertEquals(expected.length(), length);
            assertEquals(7 + length, buffer.position());
            byte[] text = new byte[length];
            buffer.position(7);
            buffer.get(text);
            assertEquals(expected, new String(text, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void shouldRefuseAByteBufferTooSmallWithoutMovingIt() {
        int length = signer.sign(content, secret).length();
        ByteBuffer buffer = ByteBuffer.allocate(length + 2);
        buffer.position(3);
        assertThrows(BufferOverflowException.class, () -> signer.sign(content, secret, buffer));
        assertEquals(3, buffer.position());
        assertArrayEquals(new byte[length + 2], buffer.array());
    }

    @Test
    void shouldNotAllocateOnTheCallerBufferPathAfterWarmUp() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] out = new byte[signer.sign(content, secret).length()];
        for (int i = 0; i < 20_000; i++) {
            signer.sign(content, secret, out, 0);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        assertTrue(before > 0, "this JVM does not measure thread allocation");
        for (int i = 0; i < 1_000; i++) {
            signer.sign(content, secret, out, 0);
        }
        long perToken = (threads.getCurrentThreadAllocatedBytes() - before) / 1_000;
        // A few bytes of slack for the measurement itself; one allocated array would be 16+.
        assertTrue(perToken < 16, "allocated " + perToken + " bytes per token");
    }
}
