package io.countersign.schemes;

import io.countersign.accesstoken.AccessToken;
import io.countersign.accesstoken.AccessTokenCodec;
import io.countersign.accesstoken.DecodedAccessToken;
import io.countersign.codec.ByteString;
import io.countersign.internal.Checks;
import io.countersign.codec.DecodeLimits;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AccessToken ("006") as plain data. The token carries only CRC32s of the channel name and uid,
 * so decode gives {@code crcChannelName, crcUid} in their place and verify reads
 * {@code channelName} and {@code uid} (the packed string, or a number: 0 packs as "").
 */
final class AccessTokenScheme extends PrefixedScheme {
    AccessTokenScheme() {
        super(AccessToken.VERSION, AccessToken.VERSION);
    }

    @Override
    public Map<String, Object> decode(String token, DecodeLimits limits) {
        DecodedAccessToken decoded = AccessTokenCodec.decode(token, limits);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("scheme", name());
        content.put("appId", decoded.appId());
        content.put("salt", decoded.salt());
        content.put("ts", decoded.ts());
        content.put("privileges", AccessToken2Scheme.privileges(decoded.privileges()));
        content.put("signature", decoded.signature().hex());
        content.put("crcChannelName", decoded.crcChannelName());
        content.put("crcUid", decoded.crcUid());
        return content;
    }

    @Override
    public String encode(Map<String, ?> content, String secret) {
        Map<String, Object> privileges = Values.has(content, "privileges")
                ? Values.object(content, "", "privileges") : Map.of();
        AccessToken token = new AccessToken(Values.text(content, "", "appId"), Values.bytes(content, "", "channelName"),
                uid(content), Values.integer(content, "", "salt"), Values.integer(content, "", "ts"),
                AccessToken2Scheme.privileges(privileges, "privileges"));
        return AccessTokenCodec.encode(token, secret);
    }

    @Override
    public boolean verify(String token, String secret, Map<String, ?> inputs) {
        return AccessTokenCodec.decode(token).verify(secret, Values.bytes(inputs, "", "channelName"), uid(inputs));
    }

    /** The packed uid: a byte string as given, or a number (0 packs as "", as the official builders write it). */
    private static ByteString uid(Map<String, ?> holder) {
        if (Values.field(holder, "", "uid") instanceof Number) {
            long value = Checks.u32("uid", Values.integer(holder, "", "uid"));
            return value == 0 ? ByteString.EMPTY : ByteString.utf8(Long.toString(value));
        }
        return Values.bytes(holder, "", "uid");
    }
}
