package io.countersign.dynamickey5;

import io.countersign.internal.Base64Codec;
import io.countersign.codec.ByteString;
import io.countersign.codec.DecodeLimits;
import io.countersign.internal.PackedReader;
import io.countersign.codec.TokenDecoder;
import io.countersign.codec.TokenFormatException;
import io.countersign.codec.TokenFormatException.Reason;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Decodes 005 keys strictly: the {@code "005"} prefix, canonical base64, a signature of exactly
 * 40 upper-case hex characters (the only form any official builder writes), a 16-byte App ID,
 * every length within the content, no extra key twice, nothing after the extra map. Every
 * failure is a {@link TokenFormatException}. Holds no state: thread-safe.
 */
public final class DynamicKey5Decoder extends TokenDecoder<DecodedDynamicKey5> {
    /** A decoder within {@link DecodeLimits#DEFAULT}. */
    public DynamicKey5Decoder() {
        this(DecodeLimits.DEFAULT);
    }

    /**
     * A decoder within {@code limits} (a 005 key uses only its token length).
     *
     * @param limits the bounds
     * @throws io.countersign.codec.InvalidArgumentException if {@code limits} is null
     */
    public DynamicKey5Decoder(DecodeLimits limits) {
        super(limits);
    }

    @Override
    protected DecodedDynamicKey5 decodeText(String key) {
        requireVersion(key, DynamicKey5Content.VERSION, "a 005 key");
        byte[] content = Base64Codec.STANDARD.decode("token", key, DynamicKey5Content.VERSION.length());
        return parse(content);
    }

    private static DecodedDynamicKey5 parse(byte[] content) {
        PackedReader r = new PackedReader(content, 0, content.length);
        int serviceType = r.readU16("serviceType");
        int signatureAt = r.position();
        ByteString signature = r.readBytes("signature");
        checkSignature(signature, signatureAt);
        int appIdAt = r.position();
        ByteString appId = r.readBytes("appId");
        if (appId.length() != 16) {
            throw new TokenFormatException(Reason.BAD_VALUE, "appId", appIdAt,
                    "an App ID is 16 bytes, was " + appId.length());
        }
        long unixTs = r.readU32("unixTs");
        long salt = r.readU32("salt");
        long expiredTs = r.readU32("expiredTs");
        int extraAt = r.position();
        int count = r.readU16("extra count");
        TreeMap<Integer, ByteString> extra = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            int keyAt = r.position();
            int key = r.readU16("extra[" + i + "].key");
            ByteString value = r.readBytes("extra[" + i + "].value");
            if (extra.put(key, value) != null) {
                throw new TokenFormatException(Reason.BAD_VALUE, "extra[" + i + "].key", keyAt, "key " + key + " appears twice");
            }
        }
        r.requireEnd(count == 0 ? "extra count" : "extra[" + (count - 1) + "]");
        return new DecodedDynamicKey5(serviceType, signature.utf8String(), appId.hex(), unixTs, salt, expiredTs,
                Collections.unmodifiableSortedMap(extra), ByteString.copyOf(content, extraAt, content.length - extraAt));
    }

    private static void checkSignature(ByteString signature, int at) {
        if (signature.length() != DynamicKey5Signer.SIGNATURE_LENGTH) {
            throw new TokenFormatException(Reason.BAD_VALUE, "signature", at,
                    "a signature is 40 hex characters, was " + signature.length() + " bytes");
        }
        for (int i = 0; i < signature.length(); i++) {
            byte b = signature.byteAt(i);
            if (!(b >= '0' && b <= '9' || b >= 'A' && b <= 'F')) {
                throw new TokenFormatException(Reason.BAD_VALUE, "signature", at + 2 + i,
                        "not an upper-case hex digit");
            }
        }
    }
}
