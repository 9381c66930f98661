package io.countersign.cli.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.countersign.codec.ByteString;
import io.countersign.codec.Checks;
import io.countersign.dynamickey5.DecodedDynamicKey5;
import io.countersign.dynamickey5.DynamicKey5;
import io.countersign.dynamickey5.DynamicKey5Codec;
import io.countersign.dynamickey5.DynamicKey5Content;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * DynamicKey5 ("005") in the adapter protocol. The builders take the timestamp and salt
 * ({@code unixTs}, {@code randomInt}) as arguments, so a request's {@code now} and
 * {@code salt} are not read. The key carries neither channel name nor uid, so decode leaves
 * them out and verify reads {@code channelName} and {@code uid} from the request.
 */
public final class DynamicKey5Scheme implements Scheme {
    public static final String NAME = DynamicKey5Content.VERSION;

    /** A builder call on the request's args. */
    private interface Call {
        String build(JsonNode args);
    }

    private final Map<String, Call> builders = new LinkedHashMap<>();

    public DynamicKey5Scheme() {
        builders.put("DynamicKey5.generatePublicSharingKey", a -> DynamicKey5.generatePublicSharingKey(Json.text(a, "appId"),
                Json.text(a, "appCertificate"), Json.text(a, "channelName"), Json.integer(a, "unixTs"),
                Json.integer(a, "randomInt"), Json.integer(a, "uid"), Json.integer(a, "expiredTs")));
        builders.put("DynamicKey5.generateRecordingKey", a -> DynamicKey5.generateRecordingKey(Json.text(a, "appId"),
                Json.text(a, "appCertificate"), Json.text(a, "channelName"), Json.integer(a, "unixTs"),
                Json.integer(a, "randomInt"), Json.integer(a, "uid"), Json.integer(a, "expiredTs")));
        builders.put("DynamicKey5.generateMediaChannelKey", a -> DynamicKey5.generateMediaChannelKey(Json.text(a, "appId"),
                Json.text(a, "appCertificate"), Json.text(a, "channelName"), Json.integer(a, "unixTs"),
                Json.integer(a, "randomInt"), Json.integer(a, "uid"), Json.integer(a, "expiredTs")));
        builders.put("DynamicKey5.generateInChannelPermissionKey", a -> DynamicKey5.generateInChannelPermissionKey(
                Json.text(a, "appId"), Json.text(a, "appCertificate"), Json.text(a, "channelName"), Json.integer(a, "unixTs"),
                Json.integer(a, "randomInt"), Json.integer(a, "uid"), Json.integer(a, "expiredTs"),
                Json.text(a, "permission")));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> builders() {
        return builders.keySet();
    }

    @Override
    public boolean recognizes(String token) {
        return token.startsWith(NAME);
    }

    @Override
    public String build(String builder, JsonNode request) {
        return builders.get(builder).build(Json.object(request, "args"));
    }

    @Override
    public String encode(JsonNode content, String secret) {
        TreeMap<Integer, ByteString> extra = new TreeMap<>();
        if (content.has("extra")) {
            ObjectNode map = Json.object(content, "extra");
            for (Iterator<String> keys = map.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                extra.put(Json.intKey("extra", key), Json.bytes(map, key));
            }
        }
        DynamicKey5Content key = new DynamicKey5Content(Json.smallInteger(content, "serviceType"), Json.text(content, "appId"),
                Json.integer(content, "unixTs"), Json.integer(content, "salt"), Json.bytes(content, "channelName"),
                Json.integer(content, "uid"), Json.integer(content, "expiredTs"), extra);
        return DynamicKey5Codec.encode(key, secret);
    }

    @Override
    public ObjectNode decode(String token) {
        DecodedDynamicKey5 decoded = DynamicKey5Codec.decode(token);
        ObjectNode content = Json.NODES.objectNode();
        content.put("scheme", name());
        content.put("serviceType", decoded.serviceType());
        content.put("appId", decoded.appId());
        content.put("unixTs", decoded.unixTs());
        content.put("salt", decoded.salt());
        content.put("expiredTs", decoded.expiredTs());
        ObjectNode extra = content.putObject("extra");
        decoded.extra().forEach((key, value) -> extra.set(Integer.toString(key), Json.bytesNode(value)));
        content.put("signature", decoded.signature());
        return content;
    }

    @Override
    public boolean verify(String token, String secret, JsonNode request) {
        DecodedDynamicKey5 decoded = DynamicKey5Codec.decode(token);
        return decoded.verify(secret, Json.bytes(request, "channelName"), uid(request));
    }

    /** A u32 uid: a JSON integer, or its decimal string (as the command line passes it). */
    private static long uid(JsonNode request) {
        JsonNode uid = Json.field(request, "uid");
        if (uid.isTextual()) {
            String text = uid.textValue();
            if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("uid: a 005 uid is a decimal u32, was \"" + text + "\"");
            }
            return Checks.u32("uid", Long.parseLong(text));
        }
        return Checks.u32("uid", Json.integer(request, "uid"));
    }
}
