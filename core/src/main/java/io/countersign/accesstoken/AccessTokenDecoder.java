package io.countersign.accesstoken;

import io.countersign.internal.Base64Codec;
import io.countersign.codec.ByteString;
import io.countersign.codec.DecodeLimits;
import io.countersign.internal.Hex;
import io.countersign.internal.PackedReader;
import io.countersign.codec.Privileges;
import io.countersign.codec.TokenDecoder;
import io.countersign.codec.TokenFormatException.Reason;
import io.countersign.codec.TokenFormatException;

import java.util.BitSet;

/**
 * Decodes 006 tokens strictly: the {@code "006"} prefix, a 32-hex-character App ID, canonical
 * base64 of the rest, every length within the content, nothing after the message and nothing
 * after the last privilege, and no privilege id twice (a map cannot say which one the signer
 * meant). Every failure is a {@link TokenFormatException}. Holds no state: thread-safe.
 */
public final class AccessTokenDecoder extends TokenDecoder<DecodedAccessToken> {
    private static final int APP_ID_AT = AccessToken.VERSION.length();
    private static final int CONTENT_AT = APP_ID_AT + 32;

    /** A decoder within {@link DecodeLimits#DEFAULT}. */
    public AccessTokenDecoder() {
        this(DecodeLimits.DEFAULT);
    }

    /**
     * A decoder within {@code limits} (a 006 token uses only its token length).
     *
     * @param limits the bounds
     * @throws io.countersign.codec.InvalidArgumentException if {@code limits} is null
     */
    public AccessTokenDecoder(DecodeLimits limits) {
        super(limits);
    }

    @Override
    protected DecodedAccessToken decodeText(String token) {
        requireVersion(token, AccessToken.VERSION, "a 006 token");
        if (token.length() < CONTENT_AT) {
            throw new TokenFormatException(Reason.TRUNCATED, "appId", APP_ID_AT,
                    "the 32-character App ID is cut short (" + (token.length() - APP_ID_AT) + " characters)");
        }
        for (int i = APP_ID_AT; i < CONTENT_AT; i++) {
            if (Hex.digit(token.charAt(i)) < 0) {
                throw new TokenFormatException(Reason.BAD_VALUE, "appId", i, "not a hexadecimal digit");
            }
        }
        String appId = token.substring(APP_ID_AT, CONTENT_AT);
        byte[] content = Base64Codec.STANDARD.decode("token", token, CONTENT_AT);
        return parse(appId, content);
    }

    private static DecodedAccessToken parse(String appId, byte[] content) {
        PackedReader r = new PackedReader(content, 0, content.length);
        ByteString signature = r.readBytes("signature");
        long crcChannelName = r.readU32("crcChannelName");
        long crcUid = r.readU32("crcUid");
        int messageAt = r.position() + 2;
        ByteString message = r.readBytes("message");
        r.requireEnd("message");

        PackedReader m = new PackedReader(content, messageAt, messageAt + message.length());
        long salt = m.readU32("message.salt");
        long ts = m.readU32("message.ts");
        int count = m.readU16("message.privileges count");
        Privileges.Builder privileges = Privileges.builder();
        BitSet seen = new BitSet();
        for (int i = 0; i < count; i++) {
            int idAt = m.position();
            int id = m.readU16("message.privileges[" + i + "].id");
            long expire = m.readU32("message.privileges[" + i + "].expireTs");
            if (seen.get(id)) {
                throw new TokenFormatException(Reason.BAD_VALUE, "message.privileges[" + i + "].id", idAt,
                        "privilege " + id + " appears twice");
            }
            seen.set(id);
            privileges.put(id, expire);
        }
        m.requireEnd(count == 0 ? "message.privileges count" : "message.privileges[" + (count - 1) + "]");
        return new DecodedAccessToken(appId, signature, crcChannelName, crcUid, salt, ts, privileges.build(), message);
    }
}
