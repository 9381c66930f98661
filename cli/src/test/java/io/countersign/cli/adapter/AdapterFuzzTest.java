package io.countersign.cli.adapter;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of the adapter's JSON-lines request handling (Jazzer): every line gets
 * one response object with a boolean "ok", and an error carries one of the protocol's codes and
 * never the adapter's "internal error" (a bug it caught).
 */
class AdapterFuzzTest {
    private static final Set<String> CODES = Set.of(AdapterException.BAD_REQUEST, AdapterException.MALFORMED,
            AdapterException.UNSUPPORTED, AdapterException.INVALID_ARGUMENT);
    private final Adapter adapter = new Adapter();

    @FuzzTest
    @Timeout(10)
    void everyLineGetsOneWellFormedAnswer(byte[] input) {
        String line = new String(input, StandardCharsets.UTF_8).replace('\n', ' ').replace('\r', ' ');
        ObjectNode response = adapter.handle(line);
        JsonNode ok = response.get("ok");
        assertTrue(ok != null && ok.isBoolean(), response::toString);
        if (!ok.booleanValue()) {
            String code = response.path("error").path("code").asText();
            assertTrue(CODES.contains(code), response::toString);
            assertFalse(response.path("error").path("message").asText().startsWith("internal error"), response::toString);
        }
    }
}
