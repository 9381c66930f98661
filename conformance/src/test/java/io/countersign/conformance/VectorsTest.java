package io.countersign.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.countersign.cli.adapter.Adapter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every golden vector (vectors/*.jsonl) against our adapter, in this JVM, through the runner's own
 * comparison. All must pass: a scheme or builder we answer "unsupported" for counts as a failure
 * here (the runner reports it apart from failures for other implementations).
 */
class VectorsTest {
    private static final Identity COUNTERSIGN = Identity.of(null, Adapter.IMPLEMENTATION + " " + Adapter.VERSION);

    private final Adapter adapter = new Adapter();
    private long nextId;

    @Test
    void shouldHaveVectors() throws IOException {
        List<Path> files = Vectors.defaultFiles(Oracle.root());
        assertFalse(files.isEmpty(), "no vectors/*.jsonl under " + Oracle.root());
        assertFalse(Vectors.read(files).isEmpty(), "the vector files hold no vectors");
    }

    @TestFactory
    Stream<DynamicTest> ourAdapterShouldPassEveryVector() throws IOException {
        return vectors().stream().map(v -> DynamicTest.dynamicTest(name(v), () -> {
            ObjectNode request = Runner.request(v, "t" + (++nextId));
            Verdict verdict = Runner.check(v, request, this::inProcess, COUNTERSIGN);
            if (!verdict.passed()) {
                fail(describe(v, request, verdict));
            }
        }));
    }

    /**
     * Where a 007 expect came from official Java or Python, whose zlib is the JDK's, our token must
     * be the identical string, not only the same payload. (A vector we pass by an acceptable
     * refusal has no token of ours to compare.)
     */
    @TestFactory
    Stream<DynamicTest> our007TokensShouldBeTheIdenticalStringWhereJavaOrPythonMadeExpect() throws IOException {
        return vectors().stream()
                .filter(v -> v.match().equals(Vector.PAYLOAD) && v.expect().has("token")
                        && v.sources().stream().anyMatch(s -> s.startsWith("official-java") || s.startsWith("official-python")))
                .map(v -> DynamicTest.dynamicTest(name(v), () -> {
                    ObjectNode request = Runner.request(v, "s" + (++nextId));
                    Verdict verdict = Runner.check(v, request, this::inProcess, COUNTERSIGN);
                    if (verdict.outcome() == Verdict.Outcome.ACCEPTABLE) {
                        return;
                    }
                    if (verdict.outcome() != Verdict.Outcome.PASSED) {
                        fail(describe(v, request, verdict));
                    }
                    assertEquals(v.expect().get("token").asText(), verdict.got().path("token").asText(),
                            v.where() + ": same payload, but not the identical string, from " + v.sources());
                }));
    }

    private Transport.Reply inProcess(ObjectNode request) {
        return Transport.Reply.of(adapter.handle(request.toString()));
    }

    private static List<Vector> vectors() throws IOException {
        return Vectors.read(Vectors.defaultFiles(Oracle.root()));
    }

    private static String name(Vector v) {
        return v.where() + (v.comment().isEmpty() ? "" : ": " + v.comment());
    }

    private static String describe(Vector v, ObjectNode request, Verdict verdict) {
        String what = verdict.outcome() == Verdict.Outcome.UNSUPPORTED
                ? "we answer unsupported (" + verdict.reason() + "); every vector must pass"
                : verdict.reason();
        return v.where() + ": " + what + "\n  request:  " + request + "\n  expected: " + verdict.expected() + "\n  got:      " + verdict.got()
                + "\n  sources:  " + v.sources() + (v.flags().isEmpty() ? "" : "\n  flags:    " + v.flags());
    }
}
