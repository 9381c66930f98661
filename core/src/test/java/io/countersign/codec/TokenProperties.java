package io.countersign.codec;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The setup every scheme's property class shares (the certificate, the certificate generator,
 * the scheme's content generator and signer), and the properties every {@link TokenSigner} must
 * have for any content its generators make. Each scheme runs them through a subclass.
 */
public abstract class TokenProperties<T> {
    /** Agora's published sample certificate, not a secret. */
    protected static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";

    private final TokenSigner<T> signer;
    private final Arbitrary<T> anyContent;
    private final String secret;

    /** {@code anyContent}: every content the scheme's generators make; signed with {@code secret}. */
    protected TokenProperties(Supplier<? extends TokenSigner<T>> newSigner, Arbitrary<T> anyContent, String secret) {
        this.signer = newSigner.get();
        this.anyContent = anyContent;
        this.secret = secret;
    }

    @Provide
    Arbitrary<String> certificates() {
        return CodecGenerators.hex32();
    }

    @Provide
    Arbitrary<T> anyContent() {
        return anyContent;
    }

    /** The String, byte[] (at an offset) and ByteBuffer forms write the same text, whatever the content. */
    @Property(tries = 300)
    void everyFormWritesTheSameText(@ForAll("anyContent") T content) {
        String text = signer.sign(content, secret);
        byte[] out = new byte[text.length() + 22];
        int length = signer.sign(content, secret, out, 11);
        assertEquals(text, new String(out, 11, length, StandardCharsets.US_ASCII));
        assertEquals(0, out[10]);
        assertEquals(0, out[11 + length]);

        ByteBuffer buffer = ByteBuffer.allocate(text.length() + 5).position(5);
        assertEquals(length, signer.sign(content, secret, buffer));
        assertEquals(text, new String(Arrays.copyOfRange(buffer.array(), 5, 5 + length), StandardCharsets.US_ASCII));
    }
}
