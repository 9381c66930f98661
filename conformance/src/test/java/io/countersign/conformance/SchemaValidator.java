package io.countersign.conformance;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks JSON against the schemas in conformance/schema. It implements the part of JSON Schema
 * (draft 2020-12) those files use: type, enum, const, properties, required,
 * additionalProperties, propertyNames, items, minItems, minLength, minimum, maximum, pattern,
 * allOf, anyOf, not, if/then/else and $ref to "#/$defs/x" or "file.json#/$defs/x". A keyword
 * outside that list fails loudly, so a schema cannot silently check less than it says.
 */
final class SchemaValidator {
    private static final List<String> KNOWN = List.of("$schema", "$id", "$defs", "title", "description", "type", "enum",
            "const", "properties", "required", "additionalProperties", "propertyNames", "items", "minItems", "minLength",
            "minimum", "maximum", "pattern", "allOf", "anyOf", "not", "if", "then", "else", "$ref");

    private final Map<String, JsonNode> documents = new HashMap<>();
    private final Map<String, Pattern> patterns = new HashMap<>();

    /** Loads every *.schema.json of {@code dir}, keyed by file name. */
    SchemaValidator(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".schema.json")).toList()) {
                documents.put(f.getFileName().toString(), Vectors.MAPPER.readTree(f.toFile()));
            }
        }
    }

    /** The violations of {@code instance} against schema file {@code document}; empty when it conforms. */
    List<String> validate(String document, JsonNode instance) {
        List<String> errors = new ArrayList<>();
        check(document, schema(document), instance, "$", errors);
        return errors;
    }

    private JsonNode schema(String document) {
        JsonNode s = documents.get(document);
        if (s == null) {
            throw new IllegalArgumentException("no schema " + document);
        }
        return s;
    }

    private void check(String doc, JsonNode schema, JsonNode value, String at, List<String> errors) {
        if (schema.isBoolean()) {
            if (!schema.booleanValue()) {
                errors.add(at + ": not allowed");
            }
            return;
        }
        for (Iterator<String> keys = schema.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!KNOWN.contains(key)) {
                throw new IllegalStateException("schema keyword \"" + key + "\" is not implemented here");
            }
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").textValue();
            int hash = ref.indexOf('#');
            String target = hash > 0 ? ref.substring(0, hash) : doc;
            JsonNode resolved = schema(target);
            for (String part : ref.substring(hash + 1).split("/")) {
                if (!part.isEmpty()) {
                    resolved = resolved.path(part);
                }
            }
            if (resolved.isMissingNode()) {
                throw new IllegalStateException("unresolved $ref " + ref + " in " + doc);
            }
            check(target, resolved, value, at, errors);
        }
        if (schema.has("type") && !hasType(schema.get("type"), value)) {
            errors.add(at + ": expected " + schema.get("type") + ", got " + abbreviate(value));
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            errors.add(at + ": expected " + schema.get("const") + ", got " + abbreviate(value));
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode e : schema.get("enum")) {
                found |= e.equals(value);
            }
            if (!found) {
                errors.add(at + ": " + abbreviate(value) + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isTextual()) {
            if (schema.has("pattern") && !pattern(schema.get("pattern").textValue()).matcher(value.textValue()).find()) {
                errors.add(at + ": " + abbreviate(value) + " does not match " + schema.get("pattern").textValue());
            }
            if (schema.has("minLength") && value.textValue().codePointCount(0, value.textValue().length()) < schema.get("minLength").intValue()) {
                errors.add(at + ": shorter than " + schema.get("minLength"));
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
                errors.add(at + ": " + value + " is below " + schema.get("minimum"));
            }
            if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
                errors.add(at + ": " + value + " is above " + schema.get("maximum"));
            }
        }
        if (value.isObject()) {
            checkObject(doc, schema, value, at, errors);
        }
        if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").intValue()) {
                errors.add(at + ": fewer than " + schema.get("minItems") + " items");
            }
            if (schema.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    check(doc, schema.get("items"), value.get(i), at + "[" + i + "]", errors);
                }
            }
        }
        for (JsonNode sub : schema.path("allOf")) {
            check(doc, sub, value, at, errors);
        }
        if (schema.has("anyOf")) {
            boolean any = false;
            for (JsonNode sub : schema.get("anyOf")) {
                any |= conforms(doc, sub, value, at);
            }
            if (!any) {
                errors.add(at + ": matches none of anyOf");
            }
        }
        if (schema.has("not") && conforms(doc, schema.get("not"), value, at)) {
            errors.add(at + ": matches what \"not\" forbids: " + schema.get("not"));
        }
        if (schema.has("if")) {
            JsonNode branch = conforms(doc, schema.get("if"), value, at) ? schema.get("then") : schema.get("else");
            if (branch != null) {
                check(doc, branch, value, at, errors);
            }
        }
    }

    private void checkObject(String doc, JsonNode schema, JsonNode value, String at, List<String> errors) {
        for (JsonNode name : schema.path("required")) {
            if (!value.has(name.textValue())) {
                errors.add(at + ": missing \"" + name.textValue() + "\"");
            }
        }
        JsonNode properties = schema.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String where = at + "." + field.getKey();
            if (schema.has("propertyNames")) {
                check(doc, schema.get("propertyNames"), Vectors.MAPPER.getNodeFactory().textNode(field.getKey()), where + " (name)", errors);
            }
            if (properties.has(field.getKey())) {
                check(doc, properties.get(field.getKey()), field.getValue(), where, errors);
            } else if (schema.has("additionalProperties")) {
                JsonNode extra = schema.get("additionalProperties");
                if (extra.isBoolean() && !extra.booleanValue()) {
                    errors.add(at + ": unexpected \"" + field.getKey() + "\"");
                } else {
                    check(doc, extra, field.getValue(), where, errors);
                }
            }
        }
    }

    private boolean conforms(String doc, JsonNode schema, JsonNode value, String at) {
        List<String> ignored = new ArrayList<>();
        check(doc, schema, value, at, ignored);
        return ignored.isEmpty();
    }

    private static boolean hasType(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (hasType(t, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.textValue()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalStateException("unknown type " + type);
        };
    }

    private Pattern pattern(String regex) {
        return patterns.computeIfAbsent(regex, Pattern::compile);
    }

    private static String abbreviate(JsonNode value) {
        String s = value.toString();
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
