package io.countersign.schemes;

import io.countersign.internal.Checks;
import io.countersign.codec.ByteString;
import io.countersign.internal.Hex;
import io.countersign.codec.InvalidArgumentException;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict reading of plain data, the shape a JSON library gives a parsed document: maps with
 * string keys, lists, strings, integers (Integer, Long or BigInteger), other numbers, booleans.
 * A missing field or one of the wrong kind is an {@link ArgumentShapeException}; a value out of
 * range for the Java API is an {@link InvalidArgumentException}. Field names in errors are the
 * caller's path ("services[0].type").
 */
public final class Values {
    private Values() {
    }

    /** The field's value; absent or null is an {@link ArgumentShapeException}. */
    static Object field(Map<String, ?> object, String path, String name) {
        Object value = object == null ? null : object.get(name);
        if (value == null) {
            throw new ArgumentShapeException(join(path, name), "missing");
        }
        return value;
    }

    /** Whether {@code object} holds a non-null {@code name}. */
    static boolean has(Map<String, ?> object, String name) {
        return object != null && object.get(name) != null;
    }

    /**
     * A string field.
     *
     * @param object the parsed object, or null (then every field is missing)
     * @param path where {@code object} sits in the document, for errors (e.g. {@code "content"}); "" at the top
     * @param name the field's name
     * @return the string
     * @throws ArgumentShapeException if it is missing, null or not a string
     */
    public static String text(Map<String, ?> object, String path, String name) {
        if (field(object, path, name) instanceof String text) {
            return text;
        }
        throw new ArgumentShapeException(join(path, name), "must be a string");
    }

    /**
     * An integer field: any Integer, Long, Short, Byte or BigInteger that fits a long (range rules are the core's).
     *
     * @param object the parsed object, or null (then every field is missing)
     * @param path where {@code object} sits in the document, for errors (e.g. {@code "content"}); "" at the top
     * @param name the field's name
     * @return the value
     * @throws ArgumentShapeException if it is missing, not an integer or beyond a long
     */
    public static long integer(Map<String, ?> object, String path, String name) {
        return integerValue(field(object, path, name), join(path, name));
    }

    /** An integer that must fit an int for the Java API; larger values are out of range, not malformed. */
    static int smallInteger(Map<String, ?> object, String path, String name) {
        long value = integer(object, path, name);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new InvalidArgumentException(join(path, name), "out of range, was " + value);
        }
        return (int) value;
    }

    /**
     * An unsigned 32-bit integer field (0 to 4294967295), as the token formats store clocks and salts.
     *
     * @param object the parsed object, or null (then every field is missing)
     * @param path where {@code object} sits in the document, for errors (e.g. {@code "content"}); "" at the top
     * @param name the field's name
     * @return the value
     * @throws ArgumentShapeException if it is missing or not an integer
     * @throws InvalidArgumentException if it is outside the u32 range
     */
    public static long u32(Map<String, ?> object, String path, String name) {
        return Checks.u32(join(path, name), integer(object, path, name));
    }

    static long integerValue(Object value, String field) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        throw new ArgumentShapeException(field, "must be an integer");
    }

    /** A byte string: a string (its UTF-8 bytes) or {"hex": "..."}. */
    static ByteString bytes(Map<String, ?> object, String path, String name) {
        return bytesValue(field(object, path, name), join(path, name));
    }

    static ByteString bytesValue(Object value, String field) {
        if (value instanceof String text) {
            return ByteString.utf8(field, text);
        }
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.get("hex") instanceof String hex) {
            return ByteString.copyOf(Hex.decode(field + ".hex", hex));
        }
        throw new ArgumentShapeException(field, "must be a string or {\"hex\": \"...\"}");
    }

    /** A byte string as plain data: its text when it is UTF-8, else {"hex": "..."}. */
    static Object bytesValue(ByteString value) {
        if (value.isUtf8()) {
            return value.utf8String();
        }
        Map<String, Object> hex = new LinkedHashMap<>();
        hex.put("hex", value.hex());
        return hex;
    }

    /**
     * An object field, as the map the JSON library gave.
     *
     * @param object the parsed object, or null (then every field is missing)
     * @param path where {@code object} sits in the document, for errors (e.g. {@code "content"}); "" at the top
     * @param name the field's name
     * @return the object, not copied
     * @throws ArgumentShapeException if it is missing, null or not an object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Map<String, ?> object, String path, String name) {
        if (field(object, path, name) instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new ArgumentShapeException(join(path, name), "must be an object");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> objectValue(Object value, String field) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new ArgumentShapeException(field, "must be an object");
    }

    static List<?> array(Map<String, ?> object, String path, String name) {
        if (field(object, path, name) instanceof List<?> list) {
            return list;
        }
        throw new ArgumentShapeException(join(path, name), "must be an array");
    }

    /** A decimal map key such as "1" or "1000", as the protocol writes integer-keyed maps. */
    static int intKey(String mapPath, String key) {
        if (!Checks.isDecimal(key, 9)) {
            throw new ArgumentShapeException(mapPath, "key \"" + key + "\" must be a decimal integer");
        }
        return Integer.parseInt(key);
    }

    static String join(String path, String name) {
        return path == null || path.isEmpty() ? name : path + "." + name;
    }
}
