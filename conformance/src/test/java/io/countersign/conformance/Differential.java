package io.countersign.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.countersign.cli.adapter.Adapter;

import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs one request through an oracle adapter and through our adapter in this JVM, and holds ours
 * to the oracle's answer exactly as a vector made from that answer would (one comparison logic:
 * {@link Comparison}).
 */
final class Differential {
    /** Our adapter, in-process; properties run one try at a time, so one instance serves all. */
    static final Adapter OURS = new Adapter();
    static final Identity COUNTERSIGN = Identity.of(null, Adapter.IMPLEMENTATION + " " + Adapter.VERSION);

    private static long nextId;

    private Differential() {
    }

    /** Our response to {@code request} (no id needed), or a failed assertion naming the problem. */
    static JsonNode ours(ObjectNode request) {
        return OURS.handle(withId(request).toString());
    }

    /** Our token for {@code request}, which must succeed. */
    static String ourToken(ObjectNode request) {
        JsonNode response = ours(request);
        if (!response.path("ok").asBoolean(false)) {
            fail("our adapter refused a generated request: " + response + "\nrequest: " + request);
        }
        return response.get("token").asText();
    }

    /**
     * Asserts that we answer {@code request} as {@code oracle} does, under {@code match}; returns
     * the oracle's response (without id). An oracle that answers "unsupported" or not at all
     * fails the property too: the generator must stay inside what the oracle can do.
     */
    static JsonNode assertAgrees(Transport process, Oracle oracle, ObjectNode request, String match) {
        ObjectNode sent = withId(request);
        Transport.Reply reply = process.call(sent);
        if (reply.failed()) {
            fail(oracle + " oracle gave no answer: " + reply.failure() + "\nrequest: " + sent);
        }
        ObjectNode expect = reply.response().deepCopy();
        expect.remove("id");
        if ("unsupported".equals(expect.path("error").path("code").asText())) {
            fail(oracle + " oracle answered unsupported, so the generator strays outside what it supports: "
                    + expect + "\nrequest: " + sent);
        }
        Vector v = new Vector("generated", 0, sent.get("id").asText(),
                Vectors.schemeOf(request, expect, ""), request.path("op").asText(), request, expect, match,
                List.of(oracle.source), List.of(), Vector.Acceptable.NONE, "", List.of());
        JsonNode ours = OURS.handle(sent.toString());
        Verdict verdict = Comparison.judge(v, ours, COUNTERSIGN);
        if (!verdict.passed()) {
            fail("we disagree with " + oracle.source + ": " + verdict.reason()
                    + "\n  request: " + sent + "\n  theirs:  " + expect + "\n  ours:    " + ours);
        }
        return expect;
    }

    private static ObjectNode withId(ObjectNode request) {
        ObjectNode copy = Vectors.MAPPER.createObjectNode();
        copy.put("id", "p" + (++nextId));
        request.fields().forEachRemaining(f -> copy.set(f.getKey(), f.getValue()));
        return copy;
    }

    static ObjectNode encode(JsonNode content, String secret) {
        ObjectNode request = Vectors.MAPPER.createObjectNode();
        request.put("op", "encode");
        request.set("content", content);
        request.put("secret", secret);
        return request;
    }

    static ObjectNode decode(String token) {
        ObjectNode request = Vectors.MAPPER.createObjectNode();
        request.put("op", "decode");
        request.put("token", token);
        return request;
    }

    static ObjectNode verify(String token, String secret) {
        ObjectNode request = Vectors.MAPPER.createObjectNode();
        request.put("op", "verify");
        request.put("token", token);
        request.put("secret", secret);
        return request;
    }

    /** Our encode of {@code content} with {@code secret} agrees with the oracle's, under {@code match}. */
    static void assertEncodesAlike(Transport process, Oracle oracle, JsonNode content, String secret, String match) {
        assertAgrees(process, oracle, encode(content, secret), match);
    }

    /**
     * The oracle decodes our token for {@code content} (signed with the first secret) as we do,
     * and verifies it as we do with each of {@code secrets}. {@code inputs} names the content
     * fields a verify request also carries because the token does not (006: channelName and uid;
     * signaling: account).
     */
    static void assertDecodesAndVerifiesAlike(Transport process, Oracle oracle, JsonNode content, List<String> secrets,
                                              String... inputs) {
        String ours = ourToken(encode(content, secrets.get(0)));
        assertAgrees(process, oracle, decode(ours), Vector.EXACT);
        for (String secret : secrets) {
            ObjectNode request = verify(ours, secret);
            for (String input : inputs) {
                request.set(input, content.get(input));
            }
            assertAgrees(process, oracle, request, Vector.EXACT);
        }
    }
}
