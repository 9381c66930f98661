package io.countersign.cli.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.countersign.codec.ByteString;
import io.countersign.codec.Hex;

/**
 * Reading request fields strictly and writing content fields, per PROTOCOL.md: a missing field
 * or one of the wrong JSON type is a {@code bad-request}; a value out of range is left to the
 * core, whose {@link IllegalArgumentException} becomes {@code invalid-argument}.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    public static JsonNode field(JsonNode object, String name) {
        JsonNode value = object == null ? null : object.get(name);
        if (value == null || value.isNull()) {
            throw AdapterException.badRequest("missing field \"" + name + "\"");
        }
        return value;
    }

    public static String text(JsonNode object, String name) {
        JsonNode value = field(object, name);
        if (!value.isTextual()) {
            throw AdapterException.badRequest("field \"" + name + "\" must be a string");
        }
        return value.textValue();
    }

    /** An integer field; any JSON integer that fits a long (range rules are the core's). */
    public static long integer(JsonNode object, String name) {
        JsonNode value = field(object, name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw AdapterException.badRequest("field \"" + name + "\" must be an integer");
        }
        return value.longValue();
    }

    /** An integer that must fit an int for the Java API; larger values are out of range, not malformed. */
    public static int smallInteger(JsonNode object, String name) {
        long value = integer(object, name);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + ": out of range, was " + value);
        }
        return (int) value;
    }

    /** A byte string: a JSON string (its UTF-8 bytes) or {"hex": "..."}. */
    public static ByteString bytes(JsonNode object, String name) {
        JsonNode value = field(object, name);
        if (value.isTextual()) {
            return ByteString.utf8(name, value.textValue());
        }
        if (value.isObject() && value.size() == 1 && value.path("hex").isTextual()) {
            return ByteString.copyOf(Hex.decode(name + ".hex", value.get("hex").textValue()));
        }
        throw AdapterException.badRequest("field \"" + name + "\" must be a string or {\"hex\": \"...\"}");
    }

    /** Element {@code index} of an array, read as {@link #bytes(JsonNode, String)} reads a field. */
    public static ByteString bytes(JsonNode array, int index) {
        JsonNode holder = NODES.objectNode().set("[" + index + "]", array.get(index));
        return bytes(holder, "[" + index + "]");
    }

    public static JsonNode bytesNode(ByteString value) {
        if (value.isUtf8()) {
            return NODES.textNode(value.utf8String());
        }
        ObjectNode hex = NODES.objectNode();
        hex.put("hex", value.hex());
        return hex;
    }

    public static ObjectNode object(JsonNode object, String name) {
        JsonNode value = field(object, name);
        if (!value.isObject()) {
            throw AdapterException.badRequest("field \"" + name + "\" must be an object");
        }
        return (ObjectNode) value;
    }

    public static JsonNode array(JsonNode object, String name) {
        JsonNode value = field(object, name);
        if (!value.isArray()) {
            throw AdapterException.badRequest("field \"" + name + "\" must be an array");
        }
        return value;
    }

    /** A decimal map key such as "1" or "1000", as PROTOCOL.md writes integer-keyed maps. */
    public static int intKey(String mapName, String key) {
        if (key.isEmpty() || key.length() > 9 || !key.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw AdapterException.badRequest("key \"" + key + "\" of \"" + mapName + "\" must be a decimal integer");
        }
        return Integer.parseInt(key);
    }
}
