package io.countersign.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Request bodies in, response bodies out. Reading is strict: one JSON object, no trailing
 * content, no duplicate keys (a duplicate would make "which value was signed" ambiguous).
 */
final class JsonBodies {
    static final ObjectMapper READER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    static final ObjectMapper WRITER = new ObjectMapper();

    private JsonBodies() {
    }

    /** The body as a JSON object, or a 400 saying why not. */
    static ObjectNode object(byte[] body) {
        JsonNode node;
        try {
            node = READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw HttpError.badRequest("body", "body: not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || !node.isObject()) {
            throw HttpError.badRequest("body", "body: must be a JSON object");
        }
        return (ObjectNode) node;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return WRITER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode newObject() {
        return WRITER.createObjectNode();
    }

    /** An optional string field: null when absent or JSON null; 400 when another type. */
    static String optionalText(JsonNode object, String name) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw HttpError.badRequest(name, name + ": must be a string");
        }
        return value.textValue();
    }

    /** An optional integer field: null when absent or JSON null; 400 when not an integer that fits a long. */
    static Long optionalInteger(JsonNode object, String name) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw HttpError.badRequest(name, name + ": must be an integer");
        }
        return value.longValue();
    }
}
