package io.countersign.cli.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.countersign.accesstoken.AccessToken;
import io.countersign.accesstoken.AccessTokenCodec;
import io.countersign.accesstoken.DecodedAccessToken;
import io.countersign.accesstoken.RtcTokenBuilder;
import io.countersign.accesstoken.RtmTokenBuilder;
import io.countersign.codec.ByteString;
import io.countersign.codec.Checks;
import io.countersign.codec.Privileges;

import java.util.Iterator;
import java.util.Map;

/**
 * AccessToken ("006") in the adapter protocol. The token carries only CRC32s of the channel
 * name and uid, so decode gives {@code crcChannelName, crcUid} in their place and verify reads
 * {@code channelName} and {@code uid} (the packed string, or a number: 0 packs as "") from the
 * request.
 */
public final class AccessTokenScheme extends VersionedScheme {
    public AccessTokenScheme() {
        super(AccessToken.VERSION);
        builder("RtcTokenBuilder.buildTokenWithUid", (a, f) -> new RtcTokenBuilder(f.clock(), f.salts())
                .buildTokenWithUid(appId(a), cert(a), Json.text(a, "channelName"), Json.integer(a, "uid"), role(a),
                        Json.integer(a, "privilegeExpiredTs")));
        builder("RtcTokenBuilder.buildTokenWithAccount", (a, f) -> new RtcTokenBuilder(f.clock(), f.salts())
                .buildTokenWithAccount(appId(a), cert(a), Json.text(a, "channelName"), Json.text(a, "account"), role(a),
                        Json.integer(a, "privilegeExpiredTs")));
        // Every official RtmTokenBuilder ignores its role argument, so a request may leave it out.
        builder("RtmTokenBuilder.buildToken", (a, f) -> new RtmTokenBuilder(f.clock(), f.salts())
                .buildToken(appId(a), cert(a), Json.text(a, "account"), RtmTokenBuilder.Role.Rtm_User,
                        Json.integer(a, "privilegeExpiredTs")));
    }

    @Override
    public String encode(JsonNode content, String secret) {
        AccessToken token = new AccessToken(Json.text(content, "appId"), Json.bytes(content, "channelName"),
                uid(content), Json.integer(content, "salt"), Json.integer(content, "ts"),
                privileges(content.has("privileges") ? Json.object(content, "privileges") : Json.NODES.objectNode()));
        return AccessTokenCodec.encode(token, secret);
    }

    @Override
    public ObjectNode decode(String token) {
        DecodedAccessToken decoded = AccessTokenCodec.decode(token);
        ObjectNode content = Json.NODES.objectNode();
        content.put("scheme", name());
        content.put("appId", decoded.appId());
        content.put("salt", decoded.salt());
        content.put("ts", decoded.ts());
        ObjectNode privileges = content.putObject("privileges");
        Privileges p = decoded.privileges();
        for (int i = 0; i < p.size(); i++) {
            privileges.put(Integer.toString(p.idAt(i)), p.valueAt(i));
        }
        content.put("signature", decoded.signature().hex());
        content.put("crcChannelName", decoded.crcChannelName());
        content.put("crcUid", decoded.crcUid());
        return content;
    }

    @Override
    public boolean verify(String token, String secret, JsonNode request) {
        DecodedAccessToken decoded = AccessTokenCodec.decode(token);
        return decoded.verify(secret, Json.bytes(request, "channelName"), uid(request));
    }

    /** The packed uid: a byte string as given, or a number (0 packs as "", as the official builders write it). */
    private static ByteString uid(JsonNode holder) {
        JsonNode uid = Json.field(holder, "uid");
        if (uid.isNumber()) {
            long value = Json.integer(holder, "uid");
            Checks.u32("uid", value);
            return value == 0 ? ByteString.EMPTY : ByteString.utf8(Long.toString(value));
        }
        return Json.bytes(holder, "uid");
    }

    private static String appId(JsonNode args) {
        return Json.text(args, "appId");
    }

    private static String cert(JsonNode args) {
        return Json.text(args, "appCertificate");
    }

    private static RtcTokenBuilder.Role role(JsonNode args) {
        return RtcTokenBuilder.Role.of(Json.smallInteger(args, "role"));
    }

    private static Privileges privileges(ObjectNode map) {
        Privileges.Builder b = Privileges.builder();
        Iterator<Map.Entry<String, JsonNode>> fields = map.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            b.put(Json.intKey("privileges", e.getKey()), Json.integer(map, e.getKey()));
        }
        return b.build();
    }
}
