package io.countersign.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every vector line against conformance/schema/vector.schema.json, and vectors/manifest.json
 * against the files: the count per file, the total, and a meaning for every flag in use (an
 * undeclared flag fails).
 */
class VectorSchemaTest {
    private static final Path ROOT = Oracle.root();

    @Test
    void everyVectorShouldMatchTheSchema() throws IOException {
        SchemaValidator schemas = new SchemaValidator(ROOT.resolve("conformance/schema"));
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path file : Vectors.defaultFiles(ROOT)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                JsonNode vector = Vectors.MAPPER.readTree(lines.get(i));
                for (String problem : schemas.validate("vector.schema.json", vector)) {
                    problems.add(file.getFileName() + ":" + (i + 1) + " " + problem);
                }
                checked++;
            }
        }
        assertTrue(checked > 0, "no vectors under " + ROOT.resolve("vectors"));
        assertTrue(problems.isEmpty(), problems.size() + " schema violations, the first: "
                + problems.subList(0, Math.min(Integer.getInteger("schema.show", 10), problems.size())));
    }

    @Test
    void everyRequestAndOurAdaptersResponsesShouldMatchTheSchemas() throws IOException {
        SchemaValidator schemas = new SchemaValidator(ROOT.resolve("conformance/schema"));
        io.countersign.cli.adapter.Adapter adapter = new io.countersign.cli.adapter.Adapter();
        List<String> problems = new ArrayList<>();
        List<Vector> vectors = Vectors.read(Vectors.defaultFiles(ROOT));
        for (Vector v : vectors) {
            JsonNode request = Runner.request(v, "s1");
            schemas.validate("request.schema.json", request).forEach(p -> problems.add(v.where() + " request " + p));
            JsonNode response = adapter.handle(request.toString());
            schemas.validate("response.schema.json", response).forEach(p -> problems.add(v.where() + " response " + p));
        }
        JsonNode hello = adapter.handle("{\"id\":\"h\",\"op\":\"hello\"}");
        schemas.validate("response.schema.json", hello).forEach(p -> problems.add("hello " + p));
        assertTrue(problems.isEmpty(), problems.size() + " schema violations, the first: "
                + problems.subList(0, Math.min(10, problems.size())));
    }

    @Test
    void theSchemaShouldRejectWhatItForbids() throws IOException {
        SchemaValidator schemas = new SchemaValidator(ROOT.resolve("conformance/schema"));
        String good = "{\"id\":\"007-decode-0001\",\"request\":{\"op\":\"decode\",\"token\":\"007x\"},"
                + "\"expect\":{\"ok\":false,\"error\":{\"code\":\"malformed\"}},\"match\":\"exact\",\"sources\":[\"official-go x v1\"]}";
        assertEquals(List.of(), schemas.validate("vector.schema.json", Vectors.MAPPER.readTree(good)));
        Map<String, String> bad = Map.of(
                "an unknown error code", good.replace("malformed", "broken"),
                "no sources", good.replace("[\"official-go x v1\"]", "[]"),
                "a request with an id", good.replace("{\"op\":\"decode\"", "{\"id\":\"1\",\"op\":\"decode\""),
                "an unknown top-level field", good.replace("\"match\"", "\"extra\":1,\"match\""),
                "a decode without token", good.replace(",\"token\":\"007x\"", ""),
                "a flag in the wrong case", good.replace("\"match\"", "\"flags\":[\"lower\"],\"match\""));
        bad.forEach((what, json) -> {
            try {
                assertFalse(schemas.validate("vector.schema.json", Vectors.MAPPER.readTree(json)).isEmpty(), what);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        JsonNode hello = Vectors.MAPPER.readTree("{\"id\":\"h\",\"ok\":true,\"implementation\":\"official-port 1\"}");
        assertFalse(schemas.validate("response.schema.json", hello).isEmpty(), "an implementation named official-...");
    }

    @Test
    void theManifestShouldDescribeTheFiles() throws IOException {
        JsonNode manifest = Vectors.MAPPER.readTree(ROOT.resolve("vectors/manifest.json").toFile());
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Integer> flags = new TreeMap<>();
        int total = 0;
        for (Path file : Vectors.defaultFiles(ROOT)) {
            List<Vector> vectors = Vectors.read(file);
            counts.put(file.getFileName().toString(), vectors.size());
            total += vectors.size();
            for (Vector v : vectors) {
                v.flags().forEach(f -> flags.merge(f, 1, Integer::sum));
            }
        }
        Map<String, Integer> declared = new TreeMap<>();
        manifest.path("files").fields().forEachRemaining(f -> declared.put(f.getKey(), f.getValue().path("vectors").asInt()));
        assertEquals(counts, declared, "vectors per file (scripts/gen-vectors --manifest rewrites the manifest)");
        assertEquals(total, manifest.path("total").asInt());
        for (Map.Entry<String, Integer> flag : flags.entrySet()) {
            JsonNode entry = manifest.path("flags").path(flag.getKey());
            assertFalse(entry.path("meaning").asText("").isBlank(), "flag " + flag.getKey() + " is not declared in vectors/manifest.json");
            assertEquals(flag.getValue(), entry.path("vectors").asInt(), "vectors with flag " + flag.getKey());
        }
        assertEquals(flags.keySet(), toSet(manifest.path("flags")), "the manifest declares flags no vector uses");
        assertFalse(manifest.path("oracles").isEmpty(), "the manifest names no oracle");
        assertEquals("1.1", manifest.path("formatVersion").asText());
    }

    private static java.util.Set<String> toSet(JsonNode object) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
