package io.countersign.dynamickey5;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC-SHA1 (RFC 2104) over one reused {@link MessageDigest}, writing into caller arrays, as
 * {@link io.countersign.codec.HmacSha256} does for SHA-256; 005 keys are the only users.
 * Not thread-safe: use one per thread.
 */
final class HmacSha1 {
    static final int LENGTH = 20;
    private static final int BLOCK = 64;

    private final MessageDigest sha1;
    private final byte[] pad = new byte[BLOCK];
    private final byte[] innerHash = new byte[LENGTH];

    HmacSha1() {
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JDK", e);
        }
    }

    /** Writes HMAC(key, message) into {@code out[outOff, outOff+20)}; keys here are 16 bytes, under the block size. */
    void sign(byte[] key, int keyLen, byte[] msg, int msgOff, int msgLen, byte[] out, int outOff) {
        try {
            Arrays.fill(pad, (byte) 0);
            System.arraycopy(key, 0, pad, 0, keyLen);
            for (int i = 0; i < BLOCK; i++) {
                pad[i] ^= 0x36;
            }
            sha1.update(pad, 0, BLOCK);
            sha1.update(msg, msgOff, msgLen);
            sha1.digest(innerHash, 0, LENGTH);
            for (int i = 0; i < BLOCK; i++) {
                pad[i] ^= 0x36 ^ 0x5c;
            }
            sha1.update(pad, 0, BLOCK);
            sha1.update(innerHash, 0, LENGTH);
            sha1.digest(out, outOff, LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-1 digest into a 20-byte slot cannot fail", e);
        }
    }
}
