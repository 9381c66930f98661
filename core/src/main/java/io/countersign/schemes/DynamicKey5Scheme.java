package io.countersign.schemes;

import io.countersign.codec.ByteString;
import io.countersign.internal.Checks;
import io.countersign.codec.DecodeLimits;
import io.countersign.codec.InvalidArgumentException;
import io.countersign.dynamickey5.DecodedDynamicKey5;
import io.countersign.dynamickey5.DynamicKey5Codec;
import io.countersign.dynamickey5.DynamicKey5Content;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * DynamicKey5 ("005") as plain data. The key carries neither channel name nor uid, so decode
 * leaves them out and verify reads {@code channelName} and {@code uid} from its inputs.
 */
final class DynamicKey5Scheme extends PrefixedScheme {
    DynamicKey5Scheme() {
        super(DynamicKey5Content.VERSION, DynamicKey5Content.VERSION);
    }

    @Override
    public Map<String, Object> decode(String token, DecodeLimits limits) {
        DecodedDynamicKey5 decoded = DynamicKey5Codec.decode(token, limits);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("scheme", name());
        content.put("serviceType", decoded.serviceType());
        content.put("appId", decoded.appId());
        content.put("unixTs", decoded.unixTs());
        content.put("salt", decoded.salt());
        content.put("expiredTs", decoded.expiredTs());
        Map<String, Object> extra = new LinkedHashMap<>();
        decoded.extra().forEach((key, value) -> extra.put(Integer.toString(key), Values.bytesValue(value)));
        content.put("extra", extra);
        content.put("signature", decoded.signature());
        return content;
    }

    @Override
    public String encode(Map<String, ?> content, String secret) {
        TreeMap<Integer, ByteString> extra = new TreeMap<>();
        if (Values.has(content, "extra")) {
            Map<String, Object> map = Values.object(content, "", "extra");
            for (String key : map.keySet()) {
                extra.put(Values.intKey("extra", key), Values.bytes(map, "extra", key));
            }
        }
        DynamicKey5Content key = new DynamicKey5Content(Values.smallInteger(content, "", "serviceType"),
                Values.text(content, "", "appId"), Values.integer(content, "", "unixTs"), Values.integer(content, "", "salt"),
                Values.bytes(content, "", "channelName"), Values.integer(content, "", "uid"),
                Values.integer(content, "", "expiredTs"), extra);
        return DynamicKey5Codec.encode(key, secret);
    }

    @Override
    public boolean verify(String token, String secret, Map<String, ?> inputs) {
        return DynamicKey5Codec.decode(token).verify(secret, Values.bytes(inputs, "", "channelName"), uid(inputs));
    }

    /** A u32 uid: an integer, or its decimal string (as the command line passes it). */
    private static long uid(Map<String, ?> inputs) {
        if (Values.field(inputs, "", "uid") instanceof String text) {
            if (!Checks.isDecimal(text, 10)) {
                throw new InvalidArgumentException("uid", "a 005 uid is a decimal u32, was \"" + text + "\"");
            }
            return Checks.u32("uid", Long.parseLong(text));
        }
        return Checks.u32("uid", Values.integer(inputs, "", "uid"));
    }
}
