package io.countersign.schemes;

import io.countersign.accesstoken2.AccessToken2;
import io.countersign.accesstoken2.AccessToken2Codec;
import io.countersign.accesstoken2.DecodedAccessToken2;
import io.countersign.accesstoken2.Service;
import io.countersign.internal.Checks;
import io.countersign.codec.DecodeLimits;
import io.countersign.codec.InvalidArgumentException;
import io.countersign.codec.Privileges;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** AccessToken2 ("007") as plain data. */
final class AccessToken2Scheme extends PrefixedScheme {
    AccessToken2Scheme() {
        super(AccessToken2.VERSION, AccessToken2.VERSION);
    }

    @Override
    public Map<String, Object> decode(String token, DecodeLimits limits) {
        DecodedAccessToken2 decoded = AccessToken2Codec.decode(token, limits);
        AccessToken2 t = decoded.token();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("scheme", name());
        content.put("appId", t.appId());
        content.put("issueTs", t.issueTs());
        content.put("expire", t.expire());
        content.put("salt", t.salt());
        List<Object> services = new ArrayList<>();
        for (Service s : t.services()) {
            services.add(service(s));
        }
        content.put("services", services);
        if (decoded.unparsed().length() > 0) {
            content.put("unparsedHex", decoded.unparsed().hex());
        }
        content.put("signature", decoded.signature().hex());
        return content;
    }

    @Override
    public String encode(Map<String, ?> content, String secret) {
        List<Service> services = new ArrayList<>();
        List<?> list = Values.array(content, "", "services");
        for (int i = 0; i < list.size(); i++) {
            services.add(service(Values.objectValue(list.get(i), "services[" + i + "]")));
        }
        AccessToken2 token = new AccessToken2(Values.text(content, "", "appId"), Values.integer(content, "", "issueTs"),
                Values.integer(content, "", "expire"), Values.integer(content, "", "salt"), services);
        return AccessToken2Codec.encode(token, secret);
    }

    @Override
    public boolean verify(String token, String secret, Map<String, ?> inputs) {
        return AccessToken2Codec.decode(token).verify(secret);
    }

    /** Privileges keyed by decimal id, as the protocol writes integer-keyed maps. */
    static Map<String, Object> privileges(Privileges privileges) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < privileges.size(); i++) {
            map.put(Integer.toString(privileges.idAt(i)), privileges.valueAt(i));
        }
        return map;
    }

    static Privileges privileges(Map<String, Object> map, String path) {
        Privileges.Builder b = Privileges.builder();
        for (String key : map.keySet()) {
            b.put(Values.intKey(path, key), Values.integer(map, path, key));
        }
        return b.build();
    }

    private static Service service(Map<String, Object> s) {
        int type = Values.smallInteger(s, "", "type");
        Privileges privileges = privileges(Values.object(s, "", "privileges"), "privileges");
        return switch (type) {
            case Service.TYPE_RTC -> new Service.Rtc(Values.bytes(s, "", "channelName"), Values.bytes(s, "", "uid"), privileges);
            case Service.TYPE_RTM -> new Service.Rtm(Values.bytes(s, "", "userId"), privileges);
            case Service.TYPE_STREAMING -> new Service.Streaming(Values.bytes(s, "", "channelName"),
                    Values.bytes(s, "", "account"), privileges);
            case Service.TYPE_FPA -> new Service.Fpa(privileges);
            case Service.TYPE_CHAT -> new Service.Chat(Values.bytes(s, "", "userId"), privileges);
            case Service.TYPE_FCDN -> new Service.Fcdn(Values.bytes(s, "", "channelName"), Values.bytes(s, "", "account"),
                    privileges);
            case Service.TYPE_APAAS -> new Service.Apaas(Values.bytes(s, "", "roomUuid"), Values.bytes(s, "", "userUuid"),
                    (short) Checks.i16("role", Values.smallInteger(s, "", "role")), privileges);
            case Service.TYPE_RTM2 -> new Service.Rtm2(Values.bytes(s, "", "userId"), Arguments.permissions(s, "permissions"),
                    privileges);
            case Service.TYPE_CONVOAI -> new Service.ConvoAi(privileges);
            case Service.TYPE_STT -> new Service.Stt(privileges);
            default -> throw new InvalidArgumentException("type", "service type " + type + " is not one of 1..10");
        };
    }

    private static Map<String, Object> service(Service s) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("type", s.type());
        node.put("privileges", privileges(s.privileges()));
        if (s instanceof Service.Rtc rtc) {
            node.put("channelName", Values.bytesValue(rtc.channelName()));
            node.put("uid", Values.bytesValue(rtc.uid()));
        } else if (s instanceof Service.Rtm rtm) {
            node.put("userId", Values.bytesValue(rtm.userId()));
        } else if (s instanceof Service.Streaming st) {
            node.put("channelName", Values.bytesValue(st.channelName()));
            node.put("account", Values.bytesValue(st.account()));
        } else if (s instanceof Service.Chat chat) {
            node.put("userId", Values.bytesValue(chat.userId()));
        } else if (s instanceof Service.Fcdn fcdn) {
            node.put("channelName", Values.bytesValue(fcdn.channelName()));
            node.put("account", Values.bytesValue(fcdn.account()));
        } else if (s instanceof Service.Apaas apaas) {
            node.put("roomUuid", Values.bytesValue(apaas.roomUuid()));
            node.put("userUuid", Values.bytesValue(apaas.userUuid()));
            node.put("role", (int) apaas.role());
        } else if (s instanceof Service.Rtm2 rtm2) {
            node.put("userId", Values.bytesValue(rtm2.userId()));
            List<Object> resources = new ArrayList<>();
            for (Service.Rtm2Resource r : rtm2.permissions()) {
                List<Object> permissions = new ArrayList<>();
                for (Service.Rtm2Permission p : r.permissions()) {
                    List<Object> names = new ArrayList<>();
                    p.resources().forEach(name -> names.add(Values.bytesValue(name)));
                    Map<String, Object> permission = new LinkedHashMap<>();
                    permission.put("permissionType", p.permissionType());
                    permission.put("resources", names);
                    permissions.add(permission);
                }
                Map<String, Object> resource = new LinkedHashMap<>();
                resource.put("resourceType", r.resourceType());
                resource.put("permissions", permissions);
                resources.add(resource);
            }
            node.put("permissions", resources);
        }
        return node;
    }
}
