package io.countersign.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One golden vector (PROTOCOL.md "What counts as a match", plus our extensions): the request to
 * send, the expected response without its id, how to match it, and who produced it.
 *
 * @param file      the file it was read from, for messages
 * @param line      its 1-based line in that file
 * @param id        the vector's own id (the request sent gets a fresh one)
 * @param scheme    "007", "006", "005", "signaling", "netless", or "unknown" (see {@link Vectors#schemeOf})
 * @param op        the request's op
 * @param request   the request, as written in the file
 * @param expect    the expected response without "id"
 * @param match     {@link #EXACT} or {@link #PAYLOAD}
 * @param sources   every implementation (with version) that produced {@code expect}
 * @param divergent official outcomes that disagree with {@code expect}
 * @param acceptable outcomes also allowed because the input breaks a documented input rule
 *                  (Wycheproof's "acceptable"; the officials accept it, a stricter implementation
 *                  may refuse it with one of these); empty for most vectors
 * @param comment   why the case exists, may be empty
 * @param flags     the rules it exercises, may be empty
 */
record Vector(String file, int line, String id, String scheme, String op, ObjectNode request, ObjectNode expect,
                     String match, List<String> sources, List<Divergent> divergent, Acceptable acceptable,
                     String comment, List<String> flags) {
    static final String EXACT = "exact";
    static final String PAYLOAD = "payload";

    Vector {
        sources = List.copyOf(sources);
        divergent = List.copyOf(divergent);
        flags = List.copyOf(flags);
    }

    /** Outcomes allowed besides expect, and the input rules that make them so. */
    record Acceptable(List<String> because, List<ObjectNode> outcomes) {
        static final Acceptable NONE = new Acceptable(List.of(), List.of());

        Acceptable {
            because = List.copyOf(because);
            outcomes = List.copyOf(outcomes);
        }
    }

    /** An outcome some official implementations give instead of {@code expect}. */
    record Divergent(List<String> sources, ObjectNode expect) {
        Divergent {
            sources = List.copyOf(sources);
        }
    }

    /** The builder a build request names; empty for other ops. */
    String builder() {
        return op.equals("build") ? request.path("builder").asText("") : "";
    }

    /** "file:line id", the way failures name a vector. */
    String where() {
        return file + ":" + line + " " + id;
    }

    /** Whether the expected response is an error (only its code is compared). */
    static boolean isError(JsonNode expect) {
        return expect.path("ok").isBoolean() && !expect.path("ok").booleanValue();
    }
}
