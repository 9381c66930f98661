package io.countersign.internal;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC (RFC 2104) over one reused {@link MessageDigest}, writing into caller arrays: SHA-256
 * for 006, 007 and netless tokens, SHA-1 for 005 keys. Unlike {@code javax.crypto.Mac}, a new
 * key costs no allocation (Mac.init needs a fresh SecretKeySpec), which matters because a 007
 * token chains three HMACs with three keys. Not thread-safe: use one per thread.
 */
public final class Hmac {
    public static final int SHA256_LENGTH = 32;
    public static final int SHA1_LENGTH = 20;
    /** SHA-1 and SHA-256 both take 64-byte blocks. */
    private static final int BLOCK = 64;

    private final MessageDigest digest;
    private final int length;
    private final byte[] pad = new byte[BLOCK];
    private final byte[] innerHash;

    private Hmac(String algorithm, int length) {
        try {
            this.digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every JDK", e);
        }
        this.length = length;
        this.innerHash = new byte[length];
    }

    public static Hmac sha256() {
        return new Hmac("SHA-256", SHA256_LENGTH);
    }

    public static Hmac sha1() {
        return new Hmac("SHA-1", SHA1_LENGTH);
    }

    /** Bytes of output. */
    public int length() {
        return length;
    }

    /** Writes HMAC(key, message) into {@code out[outOff, outOff + length())}. */
    public void sign(byte[] key, int keyOff, int keyLen, byte[] msg, int msgOff, int msgLen, byte[] out, int outOff) {
        try {
            // The key (or its digest, if longer than a block) padded with zeros to a block, XOR 0x36.
            byte[] k = key;
            int kOff = keyOff;
            int n = keyLen;
            if (keyLen > BLOCK) {
                digest.update(key, keyOff, keyLen);
                digest.digest(pad, 0, length);
                k = pad;
                kOff = 0;
                n = length;
            }
            for (int i = 0; i < n; i++) {
                pad[i] = (byte) (k[kOff + i] ^ 0x36);
            }
            java.util.Arrays.fill(pad, n, BLOCK, (byte) 0x36);
            digest.update(pad, 0, BLOCK);
            digest.update(msg, msgOff, msgLen);
            digest.digest(innerHash, 0, length);
            for (int i = 0; i < BLOCK; i++) {
                pad[i] ^= 0x36 ^ 0x5c;
            }
            digest.update(pad, 0, BLOCK);
            digest.update(innerHash, 0, length);
            digest.digest(out, outOff, length);
        } catch (DigestException e) {
            throw new IllegalStateException("a digest into a slot of its own length cannot fail", e);
        }
    }

    /** Compares in time independent of where the arrays differ. */
    public static boolean constantTimeEquals(byte[] a, int aOff, byte[] b, int bOff, int len) {
        int diff = 0;
        for (int i = 0; i < len; i++) {
            diff |= a[aOff + i] ^ b[bOff + i];
        }
        return diff == 0;
    }

    /**
     * Whether {@code text} is exactly the ASCII of {@code expected} (a hex signature), in time
     * independent of where they differ.
     */
    public static boolean constantTimeEquals(byte[] expected, String text) {
        int diff = text.length() ^ expected.length;
        for (int i = 0; i < expected.length && i < text.length(); i++) {
            diff |= expected[i] ^ text.charAt(i);
        }
        return diff == 0;
    }
}
