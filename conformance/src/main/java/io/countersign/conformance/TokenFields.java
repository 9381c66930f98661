package io.countersign.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.countersign.accesstoken.AccessTokenDecoder;
import io.countersign.accesstoken2.AccessToken2Decoder;
import io.countersign.accesstoken2.Service;
import io.countersign.codec.ByteString;
import io.countersign.codec.Privileges;
import io.countersign.dynamickey5.DynamicKey5Decoder;
import io.countersign.netless.NetlessDecoder;
import io.countersign.netless.TokenPrefix;
import io.countersign.netless.TokenRole;
import io.countersign.signaling.SignalingTokenDecoder;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A token decoded by the core into named fields ({@code services[0].privileges.1}), so that a
 * runner failure can name the first field where two tokens differ instead of a byte offset.
 *
 * <p>The fields are the core's record components, which follow PROTOCOL.md's content names. The
 * bytes that only restate other fields (the signature, the signed bytes) come last, so the first
 * difference found is the cause, not the signature it changed.
 */
final class TokenFields {
    /** Record components that are derived bytes: compared only after every other field. */
    private static final List<String> DERIVED = List.of("signature", "signingInfo", "message", "packedExtra");

    private TokenFields() {
    }

    /**
     * The fields of {@code token}, decoded by the scheme its prefix names.
     *
     * @throws IllegalArgumentException when the core cannot decode it (the message says why)
     */
    static ObjectNode of(String token) {
        String scheme = Vectors.schemeOfToken(token);
        if (scheme == null) {
            throw new IllegalArgumentException("has no known version prefix");
        }
        Object decoded = switch (scheme) {
            case "007" -> {
                try (AccessToken2Decoder decoder = new AccessToken2Decoder()) {
                    yield decoder.decode(token);
                }
            }
            case "006" -> new AccessTokenDecoder().decode(token);
            case "005" -> new DynamicKey5Decoder().decode(token);
            case "signaling" -> new SignalingTokenDecoder().decode(token);
            default -> new NetlessDecoder().decode(token);
        };
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("scheme", scheme);
        ObjectNode derived = JsonNodeFactory.instance.objectNode();
        addComponents((Record) decoded, fields, derived);
        fields.setAll(derived);
        return fields;
    }

    /** The components of {@code r} into {@code into}; a nested token or content record is flattened. */
    private static void addComponents(Record r, ObjectNode into, ObjectNode derived) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Object value = component(r, c);
            if ((c.getName().equals("token") || c.getName().equals("content")) && value instanceof Record inner) {
                addComponents(inner, into, derived);
            } else if (value != null && !(value instanceof Optional<?> o && o.isEmpty())
                    && !(value instanceof OptionalLong l && l.isEmpty())) {
                (DERIVED.contains(c.getName()) ? derived : into).set(c.getName(), node(value));
            }
        }
    }

    private static JsonNode node(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value instanceof ByteString b) {
            return b.isUtf8() ? f.textNode(b.utf8String()) : f.objectNode().put("hex", b.hex());
        }
        if (value instanceof Privileges p) {
            ObjectNode o = f.objectNode();
            for (int i = 0; i < p.size(); i++) {
                o.put(Integer.toString(p.idAt(i)), p.valueAt(i));
            }
            return o;
        }
        if (value instanceof Service s) {
            ObjectNode o = f.objectNode().put("type", s.type());
            addComponents((Record) s, o, o);
            return o;
        }
        if (value instanceof Record r) {
            ObjectNode o = f.objectNode();
            addComponents(r, o, o);
            return o;
        }
        if (value instanceof Collection<?> list) {
            ArrayNode a = f.arrayNode();
            list.forEach(e -> a.add(node(e)));
            return a;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode o = f.objectNode();
            map.forEach((k, v) -> o.set(String.valueOf(k), node(v)));
            return o;
        }
        if (value instanceof Optional<?> o) {
            return node(o.get());
        }
        if (value instanceof OptionalLong l) {
            return f.numberNode(l.getAsLong());
        }
        if (value instanceof TokenPrefix p) {
            return f.textNode(p.prefix());
        }
        if (value instanceof TokenRole role) {
            return f.textNode(role.value());
        }
        if (value instanceof Number n) {
            return f.numberNode(n.longValue());
        }
        return f.textNode(String.valueOf(value));
    }

    private static Object component(Record r, RecordComponent c) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
        }
    }
}
