package io.countersign.cli.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.countersign.accesstoken2.AccessToken2;
import io.countersign.accesstoken2.AccessToken2Codec;
import io.countersign.accesstoken2.ApaasTokenBuilder;
import io.countersign.accesstoken2.ChatTokenBuilder2;
import io.countersign.accesstoken2.ConvoAITokenBuilder;
import io.countersign.accesstoken2.DecodedAccessToken2;
import io.countersign.accesstoken2.EducationTokenBuilder2;
import io.countersign.accesstoken2.FpaTokenBuilder;
import io.countersign.accesstoken2.RtcTokenBuilder2.Role;
import io.countersign.accesstoken2.RtcTokenBuilder2;
import io.countersign.accesstoken2.RtmTokenBuilder2;
import io.countersign.accesstoken2.Service;
import io.countersign.accesstoken2.SttTokenBuilder;
import io.countersign.codec.ByteString;
import io.countersign.codec.Checks;
import io.countersign.codec.Privileges;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** AccessToken2 ("007") in the adapter protocol. */
public final class AccessToken2Scheme extends VersionedScheme {
    public AccessToken2Scheme() {
        super(AccessToken2.VERSION);
        builder("RtcTokenBuilder2.buildTokenWithUid", (a, f) -> new RtcTokenBuilder2(f.clock(), f.salts())
                .buildTokenWithUid(appId(a), cert(a), Json.text(a, "channelName"), Json.integer(a, "uid"), role(a, "role"),
                        Json.integer(a, "tokenExpire"), privilegeExpire(a)));
        builder("RtcTokenBuilder2.buildTokenWithUserAccount", (a, f) -> new RtcTokenBuilder2(f.clock(), f.salts())
                .buildTokenWithUserAccount(appId(a), cert(a), Json.text(a, "channelName"), Json.text(a, "account"),
                        role(a, "role"), Json.integer(a, "tokenExpire"), privilegeExpire(a)));
        builder("RtcTokenBuilder2.buildTokenWithUidAndPrivilege", (a, f) -> new RtcTokenBuilder2(f.clock(), f.salts())
                .buildTokenWithUidAndPrivilege(appId(a), cert(a), Json.text(a, "channelName"), Json.integer(a, "uid"),
                        Json.integer(a, "tokenExpire"), Json.integer(a, "joinChannelPrivilegeExpire"),
                        Json.integer(a, "pubAudioPrivilegeExpire"), Json.integer(a, "pubVideoPrivilegeExpire"),
                        Json.integer(a, "pubDataStreamPrivilegeExpire")));
        builder("RtcTokenBuilder2.buildTokenWithUserAccountAndPrivilege", (a, f) -> new RtcTokenBuilder2(f.clock(), f.salts())
                .buildTokenWithUserAccountAndPrivilege(appId(a), cert(a), Json.text(a, "channelName"), Json.text(a, "account"),
                        Json.integer(a, "tokenExpire"), Json.integer(a, "joinChannelPrivilegeExpire"),
                        Json.integer(a, "pubAudioPrivilegeExpire"), Json.integer(a, "pubVideoPrivilegeExpire"),
                        Json.integer(a, "pubDataStreamPrivilegeExpire")));
        builder("RtcTokenBuilder2.buildTokenWithRtm", (a, f) -> new RtcTokenBuilder2(f.clock(), f.salts())
                .buildTokenWithRtm(appId(a), cert(a), Json.text(a, "channelName"), Json.text(a, "account"), role(a, "role"),
                        Json.integer(a, "tokenExpire"), privilegeExpire(a)));
        builder("RtcTokenBuilder2.buildTokenWithRtm2", (a, f) -> new RtcTokenBuilder2(f.clock(), f.salts())
                .buildTokenWithRtm2(appId(a), cert(a), Json.text(a, "channelName"), Json.text(a, "rtcAccount"),
                        role(a, "rtcRole"), Json.integer(a, "rtcTokenExpire"), Json.integer(a, "joinChannelPrivilegeExpire"),
                        Json.integer(a, "pubAudioPrivilegeExpire"), Json.integer(a, "pubVideoPrivilegeExpire"),
                        Json.integer(a, "pubDataStreamPrivilegeExpire"), Json.text(a, "rtmUserId"),
                        Json.integer(a, "rtmTokenExpire")));
        builder("RtmTokenBuilder2.buildToken", (a, f) -> new RtmTokenBuilder2(f.clock(), f.salts())
                .buildToken(appId(a), cert(a), Json.text(a, "userId"), Json.integer(a, "expire")));
        builder("RtmTokenBuilder2.buildTokenWithPermissions", (a, f) -> new RtmTokenBuilder2(f.clock(), f.salts())
                .buildTokenWithPermissions(appId(a), cert(a), Json.text(a, "userId"), rtm2Permissions(a),
                        Json.integer(a, "expire")));
        builder("ChatTokenBuilder2.buildUserToken", (a, f) -> new ChatTokenBuilder2(f.clock(), f.salts())
                .buildUserToken(appId(a), cert(a), Json.text(a, "userId"), Json.integer(a, "expire")));
        builder("ChatTokenBuilder2.buildAppToken", (a, f) -> new ChatTokenBuilder2(f.clock(), f.salts())
                .buildAppToken(appId(a), cert(a), Json.integer(a, "expire")));
        builder("FpaTokenBuilder.buildToken", (a, f) -> new FpaTokenBuilder(f.clock(), f.salts())
                .buildToken(appId(a), cert(a)));
        for (String name : List.of("EducationTokenBuilder2", "ApaasTokenBuilder")) {
            boolean education = name.startsWith("Education");
            builder(name + ".buildRoomUserToken", (a, f) -> apaas(education, f)
                    .buildRoomUserToken(appId(a), cert(a), Json.text(a, "roomUuid"), Json.text(a, "userUuid"),
                            (short) Checks.i16("role", Json.smallInteger(a, "role")), Json.integer(a, "expire")));
            builder(name + ".buildUserToken", (a, f) -> apaas(education, f)
                    .buildUserToken(appId(a), cert(a), Json.text(a, "userUuid"), Json.integer(a, "expire")));
            builder(name + ".buildAppToken", (a, f) -> apaas(education, f)
                    .buildAppToken(appId(a), cert(a), Json.integer(a, "expire")));
        }
        builder("ConvoAITokenBuilder.buildToken", (a, f) -> new ConvoAITokenBuilder(f.clock(), f.salts())
                .buildToken(appId(a), cert(a), Json.text(a, "channelName"), Json.text(a, "rtcAccount"), role(a, "rtcRole"),
                        Json.integer(a, "rtcTokenExpire"), Json.integer(a, "joinChannelPrivilegeExpire"),
                        Json.integer(a, "pubAudioPrivilegeExpire"), Json.integer(a, "pubVideoPrivilegeExpire"),
                        Json.integer(a, "pubDataStreamPrivilegeExpire"), Json.text(a, "rtmUserId"),
                        Json.integer(a, "rtmTokenExpire")));
        builder("SttTokenBuilder.buildToken", (a, f) -> new SttTokenBuilder(f.clock(), f.salts())
                .buildToken(appId(a), cert(a), Json.text(a, "channelName"), Json.text(a, "rtcAccount"), role(a, "rtcRole"),
                        Json.integer(a, "rtcTokenExpire"), Json.integer(a, "joinChannelPrivilegeExpire"),
                        Json.integer(a, "pubAudioPrivilegeExpire"), Json.integer(a, "pubVideoPrivilegeExpire"),
                        Json.integer(a, "pubDataStreamPrivilegeExpire"), Json.text(a, "rtmUserId"),
                        Json.integer(a, "rtmTokenExpire")));
    }

    @Override
    public String encode(JsonNode content, String secret) {
        List<Service> services = new ArrayList<>();
        JsonNode array = Json.array(content, "services");
        for (int i = 0; i < array.size(); i++) {
            services.add(service(array.get(i)));
        }
        AccessToken2 token = new AccessToken2(Json.text(content, "appId"), Json.integer(content, "issueTs"),
                Json.integer(content, "expire"), Json.integer(content, "salt"), services);
        return AccessToken2Codec.encode(token, secret);
    }

    @Override
    public ObjectNode decode(String token) {
        DecodedAccessToken2 decoded = AccessToken2Codec.decode(token);
        AccessToken2 t = decoded.token();
        ObjectNode content = Json.NODES.objectNode();
        content.put("scheme", name());
        content.put("appId", t.appId());
        content.put("issueTs", t.issueTs());
        content.put("expire", t.expire());
        content.put("salt", t.salt());
        ArrayNode services = content.putArray("services");
        for (Service s : t.services()) {
            services.add(serviceNode(s));
        }
        if (decoded.unparsed().length() > 0) {
            content.put("unparsedHex", decoded.unparsed().hex());
        }
        content.put("signature", decoded.signature().hex());
        return content;
    }

    @Override
    public boolean verify(String token, String secret, JsonNode request) {
        return AccessToken2Codec.decode(token).verify(secret);
    }

    private static String appId(JsonNode args) {
        return Json.text(args, "appId");
    }

    private static String cert(JsonNode args) {
        return Json.text(args, "appCertificate");
    }

    /** Optional, 0 when absent, as in the official Node builders' signatures. */
    private static long privilegeExpire(JsonNode args) {
        return args.hasNonNull("privilegeExpire") ? Json.integer(args, "privilegeExpire") : 0;
    }

    private static Role role(JsonNode args, String name) {
        return Role.of(Json.smallInteger(args, name));
    }

    private static ApaasTokenBuilder apaas(boolean education, Fixed f) {
        return education ? new EducationTokenBuilder2(f.clock(), f.salts()) : new ApaasTokenBuilder(f.clock(), f.salts());
    }

    private static Service service(JsonNode s) {
        if (!s.isObject()) {
            throw AdapterException.badRequest("each service must be an object");
        }
        int type = Json.smallInteger(s, "type");
        Privileges privileges = privileges(Json.object(s, "privileges"));
        switch (type) {
            case Service.TYPE_RTC:
                return new Service.Rtc(Json.bytes(s, "channelName"), Json.bytes(s, "uid"), privileges);
            case Service.TYPE_RTM:
                return new Service.Rtm(Json.bytes(s, "userId"), privileges);
            case Service.TYPE_STREAMING:
                return new Service.Streaming(Json.bytes(s, "channelName"), Json.bytes(s, "account"), privileges);
            case Service.TYPE_FPA:
                return new Service.Fpa(privileges);
            case Service.TYPE_CHAT:
                return new Service.Chat(Json.bytes(s, "userId"), privileges);
            case Service.TYPE_FCDN:
                return new Service.Fcdn(Json.bytes(s, "channelName"), Json.bytes(s, "account"), privileges);
            case Service.TYPE_APAAS:
                return new Service.Apaas(Json.bytes(s, "roomUuid"), Json.bytes(s, "userUuid"),
                        (short) Checks.i16("role", Json.smallInteger(s, "role")), privileges);
            case Service.TYPE_RTM2:
                return new Service.Rtm2(Json.bytes(s, "userId"), rtm2Permissions(s), privileges);
            case Service.TYPE_CONVOAI:
                return new Service.ConvoAi(privileges);
            case Service.TYPE_STT:
                return new Service.Stt(privileges);
            default:
                throw new IllegalArgumentException("type: service type " + type + " is not one of 1..10");
        }
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

    /** RTM2 permissions in the PROTOCOL.md shape, kept in the given order. */
    private static List<Service.Rtm2Resource> rtm2Permissions(JsonNode holder) {
        List<Service.Rtm2Resource> resources = new ArrayList<>();
        for (JsonNode r : Json.array(holder, "permissions")) {
            List<Service.Rtm2Permission> permissions = new ArrayList<>();
            for (JsonNode p : Json.array(r, "permissions")) {
                List<ByteString> names = new ArrayList<>();
                JsonNode array = Json.array(p, "resources");
                for (int i = 0; i < array.size(); i++) {
                    names.add(Json.bytes(array, i));
                }
                permissions.add(new Service.Rtm2Permission(Json.smallInteger(p, "permissionType"), names));
            }
            resources.add(new Service.Rtm2Resource(Json.smallInteger(r, "resourceType"), permissions));
        }
        return resources;
    }

    private static ObjectNode serviceNode(Service s) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("type", s.type());
        ObjectNode privileges = node.putObject("privileges");
        for (int i = 0; i < s.privileges().size(); i++) {
            privileges.put(Integer.toString(s.privileges().idAt(i)), s.privileges().valueAt(i));
        }
        if (s instanceof Service.Rtc rtc) {
            node.set("channelName", Json.bytesNode(rtc.channelName()));
            node.set("uid", Json.bytesNode(rtc.uid()));
        } else if (s instanceof Service.Rtm rtm) {
            node.set("userId", Json.bytesNode(rtm.userId()));
        } else if (s instanceof Service.Streaming st) {
            node.set("channelName", Json.bytesNode(st.channelName()));
            node.set("account", Json.bytesNode(st.account()));
        } else if (s instanceof Service.Chat chat) {
            node.set("userId", Json.bytesNode(chat.userId()));
        } else if (s instanceof Service.Fcdn fcdn) {
            node.set("channelName", Json.bytesNode(fcdn.channelName()));
            node.set("account", Json.bytesNode(fcdn.account()));
        } else if (s instanceof Service.Apaas apaas) {
            node.set("roomUuid", Json.bytesNode(apaas.roomUuid()));
            node.set("userUuid", Json.bytesNode(apaas.userUuid()));
            node.put("role", apaas.role());
        } else if (s instanceof Service.Rtm2 rtm2) {
            node.set("userId", Json.bytesNode(rtm2.userId()));
            ArrayNode resources = node.putArray("permissions");
            for (Service.Rtm2Resource r : rtm2.permissions()) {
                ObjectNode resource = resources.addObject();
                resource.put("resourceType", r.resourceType());
                ArrayNode permissions = resource.putArray("permissions");
                for (Service.Rtm2Permission p : r.permissions()) {
                    ObjectNode permission = permissions.addObject();
                    permission.put("permissionType", p.permissionType());
                    ArrayNode names = permission.putArray("resources");
                    p.resources().forEach(name -> names.add(Json.bytesNode(name)));
                }
            }
        }
        return node;
    }
}
