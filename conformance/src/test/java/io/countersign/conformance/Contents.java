package io.countersign.conformance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.countersign.accesstoken2.AccessToken2;
import io.countersign.accesstoken2.Privileges;
import io.countersign.accesstoken2.Service;
import io.countersign.codec.ByteString;

/**
 * Turns generated 007 content into the two other forms the differential tests need: PROTOCOL.md
 * content JSON (for adapters) and the official Java {@code io.agora.media.AccessToken2} object.
 */
final class Contents {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Contents() {
    }

    /** The PROTOCOL.md "007" content shape, as {@code encode} takes it. */
    static ObjectNode json(AccessToken2 token) {
        ObjectNode content = NODES.objectNode();
        content.put("scheme", "007");
        content.put("appId", token.appId());
        content.put("issueTs", token.issueTs());
        content.put("expire", token.expire());
        content.put("salt", token.salt());
        ArrayNode services = content.putArray("services");
        for (Service s : token.services()) {
            services.add(json(s));
        }
        return content;
    }

    private static ObjectNode json(Service s) {
        ObjectNode node = NODES.objectNode();
        node.put("type", s.type());
        ObjectNode privileges = node.putObject("privileges");
        Privileges p = s.privileges();
        for (int i = 0; i < p.size(); i++) {
            privileges.put(Integer.toString(p.idAt(i)), p.valueAt(i));
        }
        if (s instanceof Service.Rtc rtc) {
            node.set("channelName", bytes(rtc.channelName()));
            node.set("uid", bytes(rtc.uid()));
        } else if (s instanceof Service.Rtm rtm) {
            node.set("userId", bytes(rtm.userId()));
        } else if (s instanceof Service.Streaming streaming) {
            node.set("channelName", bytes(streaming.channelName()));
            node.set("account", bytes(streaming.account()));
        } else if (s instanceof Service.Chat chat) {
            node.set("userId", bytes(chat.userId()));
        } else if (s instanceof Service.Fcdn fcdn) {
            node.set("channelName", bytes(fcdn.channelName()));
            node.set("account", bytes(fcdn.account()));
        } else if (s instanceof Service.Apaas apaas) {
            node.set("roomUuid", bytes(apaas.roomUuid()));
            node.set("userUuid", bytes(apaas.userUuid()));
            node.put("role", apaas.role());
        } else if (s instanceof Service.Rtm2 rtm2) {
            node.set("userId", bytes(rtm2.userId()));
            ArrayNode resources = node.putArray("permissions");
            for (Service.Rtm2Resource r : rtm2.permissions()) {
                ObjectNode resource = resources.addObject();
                resource.put("resourceType", r.resourceType());
                ArrayNode permissions = resource.putArray("permissions");
                for (Service.Rtm2Permission perm : r.permissions()) {
                    ObjectNode permission = permissions.addObject();
                    permission.put("permissionType", perm.permissionType());
                    ArrayNode names = permission.putArray("resources");
                    perm.resources().forEach(name -> names.add(bytes(name)));
                }
            }
        }
        return node;
    }

    /** A byte string as PROTOCOL.md writes it: a JSON string, or {"hex": ...} when it is not UTF-8. */
    static com.fasterxml.jackson.databind.JsonNode bytes(ByteString b) {
        if (b.isUtf8()) {
            return NODES.textNode(b.utf8String());
        }
        ObjectNode hex = NODES.objectNode();
        hex.put("hex", b.hex());
        return hex;
    }

    /**
     * The same content as the official Java object, ready for {@code build()}: its public fields set
     * directly (the constructor would read the clock and draw a salt). u32 values go into Java ints
     * with the same 32 bits. Only types 1, 2, 4, 5, 7 and UTF-8 text exist there.
     */
    static io.agora.media.AccessToken2 officialJava(AccessToken2 token, String appCertificate) {
        io.agora.media.AccessToken2 t = new io.agora.media.AccessToken2();
        t.appId = token.appId();
        t.appCert = appCertificate;
        t.issueTs = (int) token.issueTs();
        t.expire = (int) token.expire();
        t.salt = (int) token.salt();
        for (Service s : token.services()) {
            io.agora.media.AccessToken2.Service official;
            if (s instanceof Service.Rtc rtc) {
                official = new io.agora.media.AccessToken2.ServiceRtc(text(rtc.channelName()), text(rtc.uid()));
            } else if (s instanceof Service.Rtm rtm) {
                official = new io.agora.media.AccessToken2.ServiceRtm(text(rtm.userId()));
            } else if (s instanceof Service.Fpa) {
                official = new io.agora.media.AccessToken2.ServiceFpa();
            } else if (s instanceof Service.Chat chat) {
                official = new io.agora.media.AccessToken2.ServiceChat(text(chat.userId()));
            } else if (s instanceof Service.Apaas apaas) {
                official = new io.agora.media.AccessToken2.ServiceApaas(text(apaas.roomUuid()), text(apaas.userUuid()), apaas.role());
            } else {
                throw new IllegalArgumentException("official Java 2.1.3 has no service type " + s.type());
            }
            Privileges p = s.privileges();
            for (int i = 0; i < p.size(); i++) {
                official.privileges.put((short) p.idAt(i), (int) p.valueAt(i));
            }
            t.addService(official);
        }
        return t;
    }

    private static String text(ByteString b) {
        if (!b.isUtf8()) {
            throw new IllegalArgumentException("official Java takes text only");
        }
        return b.utf8String();
    }
}
