package io.countersign.internal;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HmacTest {
    /** Every key length around the 64-byte block (shorter keys are padded, longer ones hashed first), against javax.crypto.Mac. */
    @Test
    void shouldMatchTheJdksMacForEveryKeyLengthAroundTheBlock() throws Exception {
        Random random = new Random(7);
        Hmac sha256 = Hmac.sha256();
        Hmac sha1 = Hmac.sha1();
        for (int keyLength = 1; keyLength <= 150; keyLength++) {
            for (int messageLength : new int[] {0, 1, 32, 55, 56, 64, 119, 120, 200}) {
                byte[] key = new byte[keyLength + 3];
                byte[] message = new byte[messageLength + 5];
                random.nextBytes(key);
                random.nextBytes(message);
                check(sha256, "HmacSHA256", key, message, keyLength, messageLength);
                check(sha1, "HmacSHA1", key, message, keyLength, messageLength);
            }
        }
    }

    private static void check(Hmac hmac, String algorithm, byte[] key, byte[] message, int keyLength, int messageLength)
            throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key, 2, keyLength, algorithm));
        mac.update(message, 4, messageLength);
        byte[] expected = mac.doFinal();
        byte[] out = new byte[hmac.length() + 1];
        hmac.sign(key, 2, keyLength, message, 4, messageLength, out, 1);
        byte[] actual = java.util.Arrays.copyOfRange(out, 1, 1 + hmac.length());
        assertArrayEquals(expected, actual, algorithm + " key " + keyLength + " message " + messageLength);
    }

    @Test
    void shouldCompareWholeArraysInConstantTimeAndTellADifferenceAnywhere() {
        byte[] a = new byte[32];
        for (int i = 0; i < a.length; i++) {
            byte[] b = a.clone();
            b[i] = 1;
            assertFalse(Hmac.constantTimeEquals(a, 0, b, 0, 32), "difference at " + i);
        }
        assertTrue(Hmac.constantTimeEquals(a, 0, a.clone(), 0, 32));
    }

    /** The hex form: text one character short or long is unequal, and reads no byte past either end. */
    @Test
    void shouldCompareBytesWithTextOfAnyLength() {
        byte[] expected = "9F2A".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue(Hmac.constantTimeEquals(expected, "9F2A"));
        for (String other : new String[] {"", "9F2", "9F2A0", "9F2B", "8F2A", "9f2a"}) {
            assertFalse(Hmac.constantTimeEquals(expected, other), other);
        }
    }
}
