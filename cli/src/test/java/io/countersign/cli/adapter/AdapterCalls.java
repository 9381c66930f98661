package io.countersign.cli.adapter;

import com.fasterxml.jackson.databind.JsonNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the per-scheme adapter tests share: one adapter, asking it for a token, checking an error code. */
abstract class AdapterCalls {
    final Adapter adapter = new Adapter();

    /** The token of a build or encode request that must succeed. */
    String token(String request) {
        JsonNode response = adapter.handle(request);
        assertTrue(response.get("ok").asBoolean(), response.toString());
        return response.get("token").asText();
    }

    void assertCode(String code, String request) {
        JsonNode response = adapter.handle(request);
        assertFalse(response.get("ok").asBoolean(), response.toString());
        assertEquals(code, response.get("error").get("code").asText(), response.toString());
    }

    static JsonNode read(String json) {
        try {
            return Adapter.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
