package io.countersign.accesstoken2;

import io.countersign.internal.Base64Codec;
import io.countersign.internal.Checks;
import io.countersign.internal.Hmac;
import io.countersign.codec.InvalidArgumentException;
import io.countersign.internal.PackedWriter;
import io.countersign.codec.TokenSigner;
import io.countersign.internal.Zlib;

import java.nio.charset.StandardCharsets;

/**
 * Signs 007 tokens into caller-supplied buffers, reusing its digest, deflater and scratch
 * arrays so that after warm-up a token costs no allocation. Not thread-safe: keep one per
 * thread ({@link AccessToken2Codec} does that for you).
 *
 * <p>Layout: {@code "007" + base64(zlib(u16 32, signature[32], signingInfo))}, where
 * signingInfo is {@code appId, issueTs, expire, salt, u16 service count, services} and the
 * signature is HMAC(HMAC(HMAC(u32 issueTs, certificate), u32 salt) as key, signingInfo).
 */
public final class AccessToken2Signer extends TokenSigner<AccessToken2> implements AutoCloseable {
    /** The content starts with the signature behind its u16 length; signingInfo follows. */
    private static final int SIGNATURE_FIELD = 2 + Hmac.SHA256_LENGTH;
    private static final byte[] PREFIX = AccessToken2.VERSION.getBytes(StandardCharsets.US_ASCII);

    private final Hmac hmac = Hmac.sha256();
    private final Zlib zlib = new Zlib();
    private final PackedWriter content = new PackedWriter(512);
    private final byte[] certificate = new byte[32];
    private final byte[] u32 = new byte[4];
    private final byte[] key = new byte[Hmac.SHA256_LENGTH];
    /**
     * The chain's first link, HMAC(u32 issueTs, certificate), for the last issueTs and
     * certificate: every token signed in the same second with the same certificate reuses it.
     */
    private final byte[] firstLink = new byte[Hmac.SHA256_LENGTH];
    private final byte[] firstLinkCertificate = new byte[32];
    private long firstLinkIssueTs = -1;
    private final byte[] check = new byte[Hmac.SHA256_LENGTH];
    private byte[] compressed = new byte[Zlib.maxCompressedLength(512)];

    /** A signer whose buffers start at a size that fits common tokens and grow as needed. */
    public AccessToken2Signer() {
        super(textLength(Zlib.maxCompressedLength(512)));
    }

    /**
     * Whether {@code signature} is the signature of {@code signingInfo} under the certificate,
     * with the issueTs and salt read from signingInfo. Compared in constant time. A certificate
     * that is not 32 hex characters is a caller error, not a mismatch: IllegalArgumentException.
     */
    boolean verify(byte[] signature, byte[] signingInfo, long issueTs, long salt, String appCertificate) {
        Checks.hex32Secret("appCertificate", appCertificate);
        if (signature.length != Hmac.SHA256_LENGTH) {
            return false;
        }
        signingKey(issueTs, salt, appCertificate);
        hmac.sign(key, 0, key.length, signingInfo, 0, signingInfo.length, check, 0);
        return Hmac.constantTimeEquals(check, 0, signature, 0, Hmac.SHA256_LENGTH);
    }

    @Override
    protected int signIntoText(AccessToken2 token, String appCertificate) {
        Checks.hex32Secret("appCertificate", appCertificate);
        if (token.services().isEmpty()) {
            throw new InvalidArgumentException("services", "a token needs at least one service");
        }
        content.reset().skip(SIGNATURE_FIELD)
                .putAscii(token.appId())
                .putU32(token.issueTs())
                .putU32(token.expire())
                .putU32(token.salt())
                .putU16(token.services().size());
        packSortedByType(token);

        byte[] bytes = content.array();
        int infoLength = content.position() - SIGNATURE_FIELD;
        signingKey(token.issueTs(), token.salt(), appCertificate);
        bytes[0] = Hmac.SHA256_LENGTH;
        bytes[1] = 0;
        hmac.sign(key, 0, key.length, bytes, SIGNATURE_FIELD, infoLength, bytes, 2);

        int contentLength = content.position();
        if (compressed.length < Zlib.maxCompressedLength(contentLength)) {
            compressed = new byte[Zlib.maxCompressedLength(contentLength)];
        }
        byte[] text = text(textLength(compressed.length));
        int compressedLength = zlib.compress(bytes, 0, contentLength, compressed, 0);
        System.arraycopy(PREFIX, 0, text, 0, PREFIX.length);
        return PREFIX.length + Base64Codec.STANDARD.encode(compressed, 0, compressedLength, text, PREFIX.length);
    }

    /** The text of a token whose zlib stream fills {@code compressedCapacity} bytes. */
    private static int textLength(int compressedCapacity) {
        return PREFIX.length + Base64Codec.STANDARD.encodedLength(compressedCapacity);
    }

    /** Packs services sorted by type, stable within a type, without allocating a sorted copy. */
    private void packSortedByType(AccessToken2 token) {
        var services = token.services();
        for (int type = 1; type <= Service.MAX_KNOWN_TYPE; type++) {
            for (int i = 0; i < services.size(); i++) {
                Service s = services.get(i);
                if (s.type() == type) {
                    ServiceCodec.pack(s, content);
                }
            }
        }
    }

    /** key = HMAC(HMAC(u32 issueTs, certificate), u32 salt), the first two links of the chain. */
    private void signingKey(long issueTs, long salt, String appCertificate) {
        for (int i = 0; i < 32; i++) {
            certificate[i] = (byte) appCertificate.charAt(i);
        }
        if (issueTs != firstLinkIssueTs || !Hmac.constantTimeEquals(certificate, 0, firstLinkCertificate, 0, 32)) {
            PackedWriter.writeU32(u32, 0, issueTs);
            hmac.sign(u32, 0, 4, certificate, 0, 32, firstLink, 0);
            System.arraycopy(certificate, 0, firstLinkCertificate, 0, 32);
            firstLinkIssueTs = issueTs;
        }
        PackedWriter.writeU32(u32, 0, salt);
        hmac.sign(u32, 0, 4, firstLink, 0, firstLink.length, key, 0);
    }

    /**
     * Frees the native memory of its zlib streams now rather than at garbage collection; do not use the signer afterwards.
     */
    @Override
    public void close() {
        zlib.close();
    }
}
