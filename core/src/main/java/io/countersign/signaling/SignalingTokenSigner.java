package io.countersign.signaling;

import io.countersign.codec.ByteString;
import io.countersign.internal.Checks;
import io.countersign.internal.Hmac;
import io.countersign.internal.PackedWriter;
import io.countersign.codec.TokenSigner;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Signs signaling tokens into caller-supplied buffers, reusing its digest and scratch arrays so
 * that after warm-up a token costs no allocation. Not thread-safe: keep one per thread
 * ({@link SignalingTokenCodec} does that for you).
 *
 * <p>Layout: {@code "1:" + appId + ":" + expiredTs + ":" + md5hex(account + appId +
 * appCertificate + expiredTs)}, the expiry in decimal, the MD5 in lower-case hex, the account as
 * UTF-8, App ID and certificate as given (so the certificate's case matters, as in every
 * official builder).
 */
public final class SignalingTokenSigner extends TokenSigner<SignalingTokenContent> {
    static final int MD5_HEX_LENGTH = 32;
    private static final byte[] LOWER_HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** "1:" + 32 + ":" + at most 10 digits + ":" + 32. */
    private static final int MAX_LENGTH = 2 + 32 + 1 + 10 + 1 + MD5_HEX_LENGTH;

    private final MessageDigest md5;
    private final PackedWriter input = new PackedWriter(128);
    private final byte[] digest = new byte[16];
    private final byte[] check = new byte[MD5_HEX_LENGTH];

    /** A signer with its own MD5 digest and a buffer for the longest token. */
    public SignalingTokenSigner() {
        super(MAX_LENGTH);
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JDK", e);
        }
    }

    /** Whether {@code decoded} was signed with {@code appCertificate} for {@code account}; constant time. */
    boolean verify(DecodedSignalingToken decoded, String appCertificate, ByteString account) {
        Checks.notNull("account", account);
        Checks.hex32Secret("appCertificate", appCertificate);
        md5Hex(account, decoded.appId(), appCertificate, decoded.expiredTs(), check, 0);
        return Hmac.constantTimeEquals(check, decoded.signature());
    }

    @Override
    protected int signIntoText(SignalingTokenContent token, String appCertificate) {
        Checks.hex32Secret("appCertificate", appCertificate);
        byte[] text = text(MAX_LENGTH);
        int p = 0;
        text[p++] = '1';
        text[p++] = ':';
        p = ascii(token.appId(), text, p);
        text[p++] = ':';
        p = decimal(token.expiredTs(), text, p);
        text[p++] = ':';
        md5Hex(token.account(), token.appId(), appCertificate, token.expiredTs(), text, p);
        return p + MD5_HEX_LENGTH;
    }

    private void md5Hex(ByteString account, String appId, String appCertificate, long expiredTs, byte[] out, int off) {
        input.reset();
        int at = input.position();
        input.skip(account.length() + 32 + 32 + 10);
        byte[] in = input.array();
        account.copyTo(in, at);
        int p = ascii(appId, in, at + account.length());
        p = ascii(appCertificate, in, p);
        p = decimal(expiredTs, in, p);
        md5.update(in, 0, p);
        try {
            md5.digest(digest, 0, digest.length);
        } catch (DigestException e) {
            throw new IllegalStateException("MD5 digest into a 16-byte slot cannot fail", e);
        }
        for (int i = 0; i < digest.length; i++) {
            out[off + 2 * i] = LOWER_HEX[(digest[i] >>> 4) & 0xF];
            out[off + 2 * i + 1] = LOWER_HEX[digest[i] & 0xF];
        }
    }

    private static int ascii(String s, byte[] out, int off) {
        for (int i = 0; i < s.length(); i++) {
            out[off + i] = (byte) s.charAt(i);
        }
        return off + s.length();
    }

    /** The decimal digits of a u32, without allocating. */
    private static int decimal(long value, byte[] out, int off) {
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        long v = value;
        for (int i = digits - 1; i >= 0; i--) {
            out[off + i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return off + digits;
    }
}
