package io.countersign.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads vector files (one JSON vector per line) strictly: a bad vector is an error, never skipped. */
final class Vectors {
    static final ObjectMapper MAPPER = new ObjectMapper();

    static final List<String> SCHEMES = List.of("007", "006", "005", "signaling", "netless");
    static final List<String> OPS = List.of("build", "encode", "decode", "verify");

    /** Builder class name (the part before the dot) to scheme, per PROTOCOL.md "Builders". */
    private static final Map<String, String> BUILDER_SCHEMES = Map.ofEntries(
            Map.entry("RtcTokenBuilder2", "007"), Map.entry("RtmTokenBuilder2", "007"),
            Map.entry("ChatTokenBuilder2", "007"), Map.entry("FpaTokenBuilder", "007"),
            Map.entry("EducationTokenBuilder2", "007"), Map.entry("ApaasTokenBuilder", "007"),
            Map.entry("ConvoAITokenBuilder", "007"), Map.entry("SttTokenBuilder", "007"),
            Map.entry("RtcTokenBuilder", "006"), Map.entry("RtmTokenBuilder", "006"),
            Map.entry("DynamicKey5", "005"), Map.entry("SignalingToken", "signaling"),
            Map.entry("NetlessToken", "netless"));

    private Vectors() {
    }

    /** A vector file that cannot be read as vectors. */
    static final class BadVectorException extends IOException {
        private static final long serialVersionUID = 1L;

        BadVectorException(String message) {
            super(message);
        }
    }

    /** The vector files of a checkout: {@code <root>/vectors/*.jsonl}, sorted by name. */
    static List<Path> defaultFiles(Path root) throws IOException {
        return filesIn(root.resolve("vectors"));
    }

    /** The {@code *.jsonl} files of {@code dir}, sorted by name; none when it is not a directory. */
    static List<Path> filesIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
    }

    static List<Vector> read(List<Path> files) throws IOException {
        List<Vector> all = new ArrayList<>();
        for (Path file : files) {
            all.addAll(read(file));
        }
        return all;
    }

    static List<Vector> read(Path file) throws IOException {
        return read(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /**
     * The vectors packaged with the runner (the {@code vectors/} resources its jar carries, listed
     * by their manifest.json), in file name order; empty when the class path has none.
     */
    static List<Vector> bundled() throws IOException {
        JsonNode manifest;
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/manifest.json")) {
            if (in == null) {
                return List.of();
            }
            manifest = MAPPER.readTree(in);
        }
        List<Vector> all = new ArrayList<>();
        for (Iterator<String> names = manifest.path("files").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + name)) {
                if (in == null) {
                    throw new BadVectorException("the packaged manifest lists " + name + ", which is not packaged");
                }
                all.addAll(read(name, new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()));
            }
        }
        return all;
    }

    /** Parses the lines of one vector file named {@code name}; blank lines are skipped. */
    static List<Vector> read(String name, List<String> lines) throws BadVectorException {
        List<Vector> vectors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                vectors.add(parse(name, i + 1, lines.get(i)));
            }
        }
        return vectors;
    }

    /** Parses one vector line; {@code file} and {@code line} only label it. */
    static Vector parse(String file, int line, String json) throws BadVectorException {
        String at = file + ":" + line + ": ";
        JsonNode v;
        try {
            v = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BadVectorException(at + "not JSON: " + e.getOriginalMessage());
        }
        if (v == null || !v.isObject()) {
            throw new BadVectorException(at + "a vector must be a JSON object");
        }
        String id = text(v, "id", at);
        ObjectNode request = object(v, "request", at);
        String op = text(request, "op", at + "request: ");
        ObjectNode expect = expect(v, at);
        String match = text(v, "match", at);
        if (!match.equals(Vector.EXACT) && !match.equals(Vector.PAYLOAD)) {
            throw new BadVectorException(at + "\"match\" must be \"exact\" or \"payload\", was \"" + match + "\"");
        }
        List<String> sources = strings(v, "sources", at);
        if (sources.isEmpty()) {
            throw new BadVectorException(at + "\"sources\" must name at least one implementation");
        }
        List<Vector.Divergent> divergent = new ArrayList<>();
        JsonNode d = v.get("divergent");
        if (d != null) {
            if (!d.isArray()) {
                throw new BadVectorException(at + "\"divergent\" must be an array");
            }
            for (JsonNode entry : d) {
                divergent.add(new Vector.Divergent(strings(entry, "sources", at + "divergent: "), expect(entry, at + "divergent: ")));
            }
        }
        Vector.Acceptable acceptable = Vector.Acceptable.NONE;
        JsonNode a = v.get("acceptable");
        if (a != null) {
            if (!a.isObject() || !a.path("outcomes").isArray()) {
                throw new BadVectorException(at + "\"acceptable\" must be {\"because\": [...], \"outcomes\": [...]}");
            }
            List<ObjectNode> outcomes = new ArrayList<>();
            for (JsonNode o : a.get("outcomes")) {
                outcomes.add(outcome(o, at + "acceptable: "));
            }
            acceptable = new Vector.Acceptable(a.has("because") ? strings(a, "because", at + "acceptable: ") : List.of(), outcomes);
        }
        String comment = v.path("comment").asText("");
        List<String> flags = v.has("flags") ? strings(v, "flags", at) : List.of();
        String scheme = v.path("scheme").isTextual() ? v.get("scheme").textValue() : schemeOf(request, expect, file);
        return new Vector(file, line, id, scheme, op, request, expect, match, sources, divergent, acceptable, comment, flags);
    }

    /**
     * The scheme a request exercises: the builder's class, the content's "scheme", or the token's
     * version prefix; for a token without a known prefix (a malformed case), the expected content's
     * scheme or else the file name's leading scheme ("007-decode.jsonl"); "unknown" when nothing says.
     */
    static String schemeOf(JsonNode request, JsonNode expect, String fileName) {
        String builder = request.path("builder").asText("");
        int dot = builder.indexOf('.');
        if (dot > 0 && BUILDER_SCHEMES.containsKey(builder.substring(0, dot))) {
            return BUILDER_SCHEMES.get(builder.substring(0, dot));
        }
        String contentScheme = request.path("content").path("scheme").asText("");
        if (SCHEMES.contains(contentScheme)) {
            return contentScheme;
        }
        String byToken = schemeOfToken(request.path("token").asText(""));
        if (byToken != null) {
            return byToken;
        }
        String expected = expect.path("content").path("scheme").asText("");
        if (SCHEMES.contains(expected)) {
            return expected;
        }
        for (String s : SCHEMES) {
            if (fileName.startsWith(s)) {
                return s;
            }
        }
        return "unknown";
    }

    /** The scheme a token's version prefix names, or null. */
    static String schemeOfToken(String token) {
        if (token.startsWith("007") || token.startsWith("006") || token.startsWith("005")) {
            return token.substring(0, 3);
        }
        if (token.startsWith("NETLESS")) {
            return "netless";
        }
        if (token.startsWith("1:")) {
            return "signaling";
        }
        return null;
    }

    private static ObjectNode expect(JsonNode v, String at) throws BadVectorException {
        return outcome(object(v, "expect", at), at);
    }

    /** A response without "id": ok:true with result fields, or ok:false with an error code. */
    private static ObjectNode outcome(JsonNode o, String at) throws BadVectorException {
        if (!o.isObject()) {
            throw new BadVectorException(at + "an outcome must be an object");
        }
        ObjectNode expect = (ObjectNode) o;
        if (!expect.path("ok").isBoolean()) {
            throw new BadVectorException(at + "\"expect\" needs a boolean \"ok\"");
        }
        if (Vector.isError(expect) && !expect.path("error").path("code").isTextual()) {
            throw new BadVectorException(at + "an error \"expect\" needs \"error\": {\"code\": ...}");
        }
        if (expect.has("id")) {
            throw new BadVectorException(at + "\"expect\" is the response without \"id\"");
        }
        return expect;
    }

    private static String text(JsonNode v, String field, String at) throws BadVectorException {
        JsonNode value = v.get(field);
        if (value == null || !value.isTextual()) {
            throw new BadVectorException(at + "\"" + field + "\" must be a string");
        }
        return value.textValue();
    }

    private static ObjectNode object(JsonNode v, String field, String at) throws BadVectorException {
        JsonNode value = v.get(field);
        if (value == null || !value.isObject()) {
            throw new BadVectorException(at + "\"" + field + "\" must be an object");
        }
        return (ObjectNode) value;
    }

    private static List<String> strings(JsonNode v, String field, String at) throws BadVectorException {
        JsonNode value = v.get(field);
        if (value == null || !value.isArray()) {
            throw new BadVectorException(at + "\"" + field + "\" must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode s : value) {
            if (!s.isTextual()) {
                throw new BadVectorException(at + "\"" + field + "\" must be an array of strings");
            }
            out.add(s.textValue());
        }
        return out;
    }
}
