package io.countersign.codec;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What every scheme's signer offers: the token's ASCII text as a String, into a caller's array
 * at an offset, or into a {@link ByteBuffer}. A scheme writes the text once, into this signer's
 * own buffer ({@link #signIntoText}); the three forms only copy it out, so the caller-buffer
 * forms allocate nothing once the buffer has grown to the longest token seen. Not thread-safe
 * (the buffer is reused): keep one per thread, as each scheme's {@code ...Codec} does.
 *
 * @param <T> the content a token of the scheme carries
 */
public abstract class TokenSigner<T> {
    private byte[] text;

    /**
     * A signer whose text buffer starts at {@code initialTextCapacity} bytes and grows as needed.
     *
     * @param initialTextCapacity the length of a typical token of the scheme, in bytes
     */
    protected TokenSigner(int initialTextCapacity) {
        text = new byte[initialTextCapacity];
    }

    /**
     * The signed token as a String.
     *
     * @param content what the token carries
     * @param secret the App Certificate (or the scheme's key), which the token is signed with
     * @return the token text
     * @throws InvalidArgumentException if {@code content} or {@code secret} breaks a rule of the scheme
     */
    public final String sign(T content, String secret) {
        int length = signIntoText(content, secret);
        return new String(text, 0, length, StandardCharsets.ISO_8859_1);
    }

    /**
     * Writes the token's ASCII text into {@code out} from {@code off}, one byte a character.
     *
     * @param content what the token carries
     * @param secret the App Certificate (or the scheme's key), which the token is signed with
     * @param out the array to write into
     * @param off where the first character goes
     * @return the token's length in bytes
     * @throws IndexOutOfBoundsException (before writing) if the token does not fit
     * @throws InvalidArgumentException if {@code content} or {@code secret} breaks a rule of the scheme
     */
    public final int sign(T content, String secret, byte[] out, int off) {
        int length = signIntoText(content, secret);
        if (off < 0 || out.length - off < length) {
            throw new IndexOutOfBoundsException("out: token needs " + length + " bytes from offset " + off
                    + ", buffer has " + out.length);
        }
        System.arraycopy(text, 0, out, off, length);
        return length;
    }

    /**
     * Puts the token's ASCII text into {@code out} at its position and advances it.
     *
     * @param content what the token carries
     * @param secret the App Certificate (or the scheme's key), which the token is signed with
     * @param out the buffer to write into
     * @return the token's length in bytes
     * @throws BufferOverflowException (before writing) if the token does not fit
     * @throws InvalidArgumentException if {@code content} or {@code secret} breaks a rule of the scheme
     */
    public final int sign(T content, String secret, ByteBuffer out) {
        int length = signIntoText(content, secret);
        out.put(text, 0, length);
        return length;
    }

    /**
     * Signs {@code content} with {@code secret}, checking both, and writes the token's ASCII
     * text from index 0 of {@link #text(int)}.
     *
     * @param content what the token carries
     * @param secret the key the scheme signs with
     * @return the token's length in bytes
     * @throws InvalidArgumentException if {@code content} or {@code secret} breaks a rule of the scheme
     */
    protected abstract int signIntoText(T content, String secret);

    /**
     * The text buffer, grown first (its content dropped) if it holds fewer than {@code capacity} bytes.
     *
     * @param capacity the longest text about to be written
     * @return the buffer, at least {@code capacity} bytes long
     */
    protected final byte[] text(int capacity) {
        if (text.length < capacity) {
            text = new byte[capacity];
        }
        return text;
    }
}
