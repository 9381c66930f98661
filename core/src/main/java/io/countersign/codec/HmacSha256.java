package io.countersign.codec;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA256 (RFC 2104) over one reused {@link MessageDigest}, writing into caller arrays.
 * Unlike {@code javax.crypto.Mac}, a new key costs no allocation (Mac.init needs a fresh
 * SecretKeySpec), which matters because a 007 token chains three HMACs with three keys.
 * Not thread-safe: use one per thread.
 */
public final class HmacSha256 {
    public static final int LENGTH = 32;
    private static final int BLOCK = 64;

    private final MessageDigest sha256;
    private final byte[] pad = new byte[BLOCK];
    private final byte[] innerHash = new byte[LENGTH];

    public HmacSha256() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** Writes HMAC(key, message) into {@code out[outOff, outOff+32)}. */
    public void sign(byte[] key, int keyOff, int keyLen, byte[] msg, int msgOff, int msgLen, byte[] out, int outOff) {
        try {
            java.util.Arrays.fill(pad, (byte) 0);
            if (keyLen > BLOCK) {
                sha256.update(key, keyOff, keyLen);
                sha256.digest(pad, 0, LENGTH);
            } else {
                System.arraycopy(key, keyOff, pad, 0, keyLen);
            }
            for (int i = 0; i < BLOCK; i++) {
                pad[i] ^= 0x36;
            }
            sha256.update(pad, 0, BLOCK);
            sha256.update(msg, msgOff, msgLen);
            sha256.digest(innerHash, 0, LENGTH);
            for (int i = 0; i < BLOCK; i++) {
                pad[i] ^= 0x36 ^ 0x5c;
            }
            sha256.update(pad, 0, BLOCK);
            sha256.update(innerHash, 0, LENGTH);
            sha256.digest(out, outOff, LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 digest into a 32-byte slot cannot fail", e);
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
}
