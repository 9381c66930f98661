package io.countersign.conformance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.countersign.accesstoken.AccessToken;
import io.countersign.accesstoken2.AccessToken2;
import io.countersign.accesstoken2.Service;
import io.countersign.codec.ByteString;
import io.countersign.codec.Privileges;
import io.countersign.dynamickey5.DynamicKey5Content;
import io.countersign.netless.NetlessTokenContent;
import io.countersign.signaling.SignalingTokenContent;

import java.util.TreeMap;

/**
 * Turns generated content (our core's records) into the two other forms the differential tests
 * need: PROTOCOL.md content JSON for adapters, and the official Java classes' input.
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

    /** The PROTOCOL.md "006" content shape. */
    static ObjectNode json(AccessToken token) {
        ObjectNode content = NODES.objectNode();
        content.put("scheme", "006");
        content.put("appId", token.appId());
        content.set("channelName", bytes(token.channelName()));
        content.set("uid", bytes(token.uid()));
        content.put("salt", token.salt());
        content.put("ts", token.ts());
        ObjectNode privileges = content.putObject("privileges");
        Privileges p = token.privileges();
        for (int i = 0; i < p.size(); i++) {
            privileges.put(Integer.toString(p.idAt(i)), p.valueAt(i));
        }
        return content;
    }

    /** The PROTOCOL.md "005" content shape. */
    static ObjectNode json(DynamicKey5Content key) {
        ObjectNode content = NODES.objectNode();
        content.put("scheme", "005");
        content.put("serviceType", key.serviceType());
        content.put("appId", key.appId());
        content.put("unixTs", key.unixTs());
        content.put("salt", key.salt());
        content.set("channelName", bytes(key.channelName()));
        content.put("uid", key.uid());
        content.put("expiredTs", key.expiredTs());
        ObjectNode extra = content.putObject("extra");
        key.extra().forEach((k, v) -> extra.set(Integer.toString(k), bytes(v)));
        return content;
    }

    /** The PROTOCOL.md "signaling" content shape. */
    static ObjectNode json(SignalingTokenContent token) {
        ObjectNode content = NODES.objectNode();
        content.put("scheme", "signaling");
        content.put("appId", token.appId());
        content.set("account", bytes(token.account()));
        content.put("expiredTs", token.expiredTs());
        return content;
    }

    /** The PROTOCOL.md "netless" content shape (expireAt as a decimal string of unix ms). */
    static ObjectNode json(NetlessTokenContent token) {
        ObjectNode content = NODES.objectNode();
        content.put("scheme", "netless");
        content.put("prefix", token.prefix().prefix());
        content.put("ak", token.ak());
        content.put("nonce", token.nonce());
        content.put("role", token.role().value());
        token.uuid().ifPresent(u -> content.put("uuid", u));
        token.expireAt().ifPresent(ms -> content.put("expireAt", Long.toString(ms)));
        return content;
    }

    /**
     * The official Java 006 token for the same content: the constructor draws a salt and reads the
     * clock, so the public message fields are set afterwards, as the oracle adapter does.
     */
    static String officialJava(AccessToken token, String appCertificate) throws Exception {
        io.agora.media.AccessToken t = new io.agora.media.AccessToken(token.appId(), appCertificate,
                text(token.channelName()), text(token.uid()));
        t.message.salt = (int) token.salt();
        t.message.ts = (int) token.ts();
        TreeMap<Short, Integer> messages = new TreeMap<>();
        Privileges p = token.privileges();
        for (int i = 0; i < p.size(); i++) {
            messages.put((short) p.idAt(i), (int) p.valueAt(i));
        }
        t.message.messages = messages;
        return t.build();
    }

    /** The official Java 005 key for the same content (u32 values as Java ints with the same bits). */
    static String officialJava(DynamicKey5Content key, String appCertificate) throws Exception {
        TreeMap<Short, String> extra = new TreeMap<>();
        key.extra().forEach((k, v) -> extra.put((short) (int) k, text(v)));
        return io.agora.media.DynamicKey5.generateDynamicKey(key.appId(), appCertificate, text(key.channelName()),
                (int) key.unixTs(), (int) key.salt(), key.uid(), (int) key.expiredTs(), extra, (short) key.serviceType());
    }

    /** The official Java signaling token for the same content (its expiry is a Java int). */
    static String officialJava(SignalingTokenContent token, String appCertificate) throws Exception {
        return io.agora.signal.SignalingToken.getToken(token.appId(), appCertificate, text(token.account()),
                Math.toIntExact(token.expiredTs()));
    }
}
