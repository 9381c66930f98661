package io.countersign.dynamickey5;

import io.countersign.internal.Base64Codec;
import io.countersign.codec.ByteString;
import io.countersign.internal.Checks;
import io.countersign.internal.Hex;
import io.countersign.internal.Hmac;
import io.countersign.internal.PackedWriter;
import io.countersign.codec.TokenSigner;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Signs 005 keys into caller-supplied buffers, reusing its digest and scratch arrays so that
 * after warm-up a key costs no allocation. Not thread-safe: keep one per thread
 * ({@link DynamicKey5Codec} does that for you).
 *
 * <p>Layout: {@code "005" + base64(u16 serviceType, u16 40, signature, u16 16, appId[16],
 * u32 unixTs, u32 salt, u32 expiredTs, extra)}, where extra is {@code u16 count, (u16 key,
 * u16 length, value)*} by ascending key, and signature is the upper-case hex of HMAC-SHA1,
 * keyed with the certificate's 16 bytes, over {@code u16 serviceType, u16 16, appId[16],
 * u32 unixTs, u32 salt, u16 length, channelName, u32 uid, u32 expiredTs, extra}. App ID and
 * certificate are hex-decoded first, so their case does not matter.
 */
public final class DynamicKey5Signer extends TokenSigner<DynamicKey5Content> {
    static final int SIGNATURE_LENGTH = 2 * Hmac.SHA1_LENGTH;
    private static final byte[] PREFIX = DynamicKey5Content.VERSION.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UPPER_HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private final Hmac hmac = Hmac.sha1();
    private final PackedWriter message = new PackedWriter(256);
    private final PackedWriter content = new PackedWriter(128);
    private final byte[] certificate = new byte[16];
    private final byte[] appId = new byte[16];
    private final byte[] mac = new byte[Hmac.SHA1_LENGTH];
    private final byte[] check = new byte[SIGNATURE_LENGTH];

    /** A signer whose buffers start at a size that fits common keys and grow as needed. */
    public DynamicKey5Signer() {
        super(PREFIX.length + Base64Codec.STANDARD.encodedLength(128));
    }

    /** Whether {@code decoded} was signed with {@code appCertificate} for this channel name and uid; constant time. */
    boolean verify(DecodedDynamicKey5 decoded, String appCertificate, ByteString channelName, long uid) {
        Checks.u16Length("channelName", channelName);
        Checks.u32("uid", uid);
        Checks.hex32Secret("appCertificate", appCertificate);
        message.reset();
        putMessageHead(decoded.serviceType(), decoded.appId(), decoded.unixTs(), decoded.salt(), channelName, uid,
                decoded.expiredTs());
        ByteString extra = decoded.packedExtra();
        int at = message.position();
        message.skip(extra.length());
        extra.copyTo(message.array(), at);
        signatureHex(appCertificate, check, 0);
        return Hmac.constantTimeEquals(check, decoded.signature());
    }

    @Override
    protected int signIntoText(DynamicKey5Content key, String appCertificate) {
        Checks.hex32Secret("appCertificate", appCertificate);
        message.reset();
        putMessageHead(key.serviceType(), key.appId(), key.unixTs(), key.salt(), key.channelName(), key.uid(),
                key.expiredTs());
        int extraAt = message.position();
        putExtra(key);
        int extraLength = message.position() - extraAt;

        content.reset().putU16(key.serviceType()).putU16(SIGNATURE_LENGTH).skip(SIGNATURE_LENGTH);
        signatureHex(appCertificate, content.array(), 4);
        content.putU16(appId.length).putRaw(appId, 0, appId.length)
                .putU32(key.unixTs())
                .putU32(key.salt())
                .putU32(key.expiredTs())
                .putRaw(message.array(), extraAt, extraLength);

        byte[] text = text(PREFIX.length + Base64Codec.STANDARD.encodedLength(content.position()));
        System.arraycopy(PREFIX, 0, text, 0, PREFIX.length);
        return PREFIX.length + Base64Codec.STANDARD.encode(content.array(), 0, content.position(), text, PREFIX.length);
    }

    /** Everything the signature covers except the extra map; leaves the raw App ID in {@link #appId}. */
    private void putMessageHead(int serviceType, String appIdHex, long unixTs, long salt, ByteString channelName,
                                long uid, long expiredTs) {
        hexToBytes(appIdHex, appId);
        message.putU16(serviceType).putU16(appId.length).putRaw(appId, 0, appId.length)
                .putU32(unixTs)
                .putU32(salt)
                .putBytes(channelName)
                .putU32(uid)
                .putU32(expiredTs);
    }

    private void putExtra(DynamicKey5Content key) {
        message.putU16(key.extra().size());
        // An empty map is the common case (three of the four services); skip even the iterator.
        if (!key.extra().isEmpty()) {
            for (Map.Entry<Integer, ByteString> e : key.extra().entrySet()) {
                message.putU16(e.getKey()).putBytes(e.getValue());
            }
        }
    }

    /** The upper-case hex HMAC-SHA1 of the message, keyed with the certificate's bytes, into {@code out}. */
    private void signatureHex(String appCertificate, byte[] out, int off) {
        hexToBytes(appCertificate, certificate);
        hmac.sign(certificate, 0, certificate.length, message.array(), 0, message.position(), mac, 0);
        for (int i = 0; i < mac.length; i++) {
            out[off + 2 * i] = UPPER_HEX[(mac[i] >>> 4) & 0xF];
            out[off + 2 * i + 1] = UPPER_HEX[mac[i] & 0xF];
        }
    }

    /** 32 hex digits (already checked) into 16 bytes. */
    private static void hexToBytes(String hex, byte[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (Hex.digit(hex.charAt(2 * i)) << 4 | Hex.digit(hex.charAt(2 * i + 1)));
        }
    }
}
