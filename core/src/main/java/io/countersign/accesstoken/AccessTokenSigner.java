package io.countersign.accesstoken;

import io.countersign.internal.Base64Codec;
import io.countersign.codec.ByteString;
import io.countersign.internal.Checks;
import io.countersign.internal.Hmac;
import io.countersign.internal.PackedWriter;
import io.countersign.codec.Privileges;
import io.countersign.codec.TokenSigner;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Signs 006 tokens into caller-supplied buffers, reusing its digest, CRC and scratch arrays so
 * that after warm-up a token costs no allocation. Not thread-safe: keep one per thread
 * ({@link AccessTokenCodec} does that for you).
 *
 * <p>Layout: {@code "006" + appId + base64(u16 32, signature[32], u32 crc32(channelName),
 * u32 crc32(uid), u16 length, message)}, where message is {@code u32 salt, u32 ts, u16 count,
 * (u16 id, u32 expireTs)*} and the signature is HMAC-SHA256 keyed with the certificate's 32
 * ASCII characters over {@code appId + channelName + uid + message}, concatenated raw.
 */
public final class AccessTokenSigner extends TokenSigner<AccessToken> {
    private static final byte[] PREFIX = AccessToken.VERSION.getBytes(StandardCharsets.US_ASCII);
    /** The App ID follows the version in clear text, 32 characters. */
    private static final int HEAD = 3 + 32;

    private final Hmac hmac = Hmac.sha256();
    private final CRC32 crc = new CRC32();
    private final PackedWriter signed = new PackedWriter(256);
    private final PackedWriter content = new PackedWriter(128);
    private final byte[] certificate = new byte[32];
    private final byte[] check = new byte[Hmac.SHA256_LENGTH];

    /** A signer whose buffers start at a size that fits common tokens and grow as needed. */
    public AccessTokenSigner() {
        super(HEAD + Base64Codec.STANDARD.encodedLength(128));
    }

    /**
     * Whether {@code decoded} was signed with {@code appCertificate} for this channel name and
     * uid: the signature (compared in constant time) and both CRC32s must match.
     */
    boolean verify(DecodedAccessToken decoded, String appCertificate, ByteString channelName, ByteString uid) {
        Checks.notNull("channelName", channelName);
        Checks.notNull("uid", uid);
        Checks.hex32Secret("appCertificate", appCertificate);
        if (decoded.signature().length() != Hmac.SHA256_LENGTH) {
            return false;
        }
        signed.reset();
        putAscii(decoded.appId());
        int channelAt = putRaw(channelName);
        int uidAt = putRaw(uid);
        putRaw(decoded.message());
        hmacInto(appCertificate, check, 0);
        ByteString signature = decoded.signature();
        int diff = 0;
        for (int i = 0; i < Hmac.SHA256_LENGTH; i++) {
            diff |= check[i] ^ signature.byteAt(i);
        }
        boolean signatureOk = diff == 0;
        boolean crcOk = crc32(channelAt, channelName.length()) == decoded.crcChannelName()
                & crc32(uidAt, uid.length()) == decoded.crcUid();
        return signatureOk & crcOk;
    }

    @Override
    protected int signIntoText(AccessToken token, String appCertificate) {
        Checks.hex32Secret("appCertificate", appCertificate);
        signed.reset();
        putAscii(token.appId());
        int channelAt = putRaw(token.channelName());
        int uidAt = putRaw(token.uid());
        int messageAt = signed.position();
        Privileges p = token.privileges();
        signed.putU32(token.salt()).putU32(token.ts()).putU16(p.size());
        for (int i = 0; i < p.size(); i++) {
            signed.putU16(p.idAt(i)).putU32(p.valueAt(i));
        }
        int messageLength = signed.position() - messageAt;

        content.reset().putU16(Hmac.SHA256_LENGTH).skip(Hmac.SHA256_LENGTH);
        hmacInto(appCertificate, content.array(), 2);
        content.putU32(crc32(channelAt, token.channelName().length()))
                .putU32(crc32(uidAt, token.uid().length()))
                .putU16(messageLength)
                .putRaw(signed.array(), messageAt, messageLength);

        byte[] text = text(HEAD + Base64Codec.STANDARD.encodedLength(content.position()));
        System.arraycopy(PREFIX, 0, text, 0, PREFIX.length);
        String appId = token.appId();
        for (int i = 0; i < 32; i++) {
            text[PREFIX.length + i] = (byte) appId.charAt(i);
        }
        return HEAD + Base64Codec.STANDARD.encode(content.array(), 0, content.position(), text, HEAD);
    }

    /** HMAC-SHA256 of everything written to {@code signed}, keyed with the certificate's ASCII. */
    private void hmacInto(String appCertificate, byte[] out, int outOff) {
        for (int i = 0; i < 32; i++) {
            certificate[i] = (byte) appCertificate.charAt(i);
        }
        hmac.sign(certificate, 0, 32, signed.array(), 0, signed.position(), out, outOff);
    }

    private long crc32(int at, int length) {
        crc.reset();
        crc.update(signed.array(), at, length);
        return crc.getValue();
    }

    private void putAscii(String ascii) {
        int at = signed.position();
        signed.skip(ascii.length());
        byte[] a = signed.array();
        for (int i = 0; i < ascii.length(); i++) {
            a[at + i] = (byte) ascii.charAt(i);
        }
    }

    /** Appends the bytes with no length prefix; returns where they start. */
    private int putRaw(ByteString bytes) {
        int at = signed.position();
        signed.skip(bytes.length());
        bytes.copyTo(signed.array(), at);
        return at;
    }
}
