package io.countersign.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The adapter templates of conformance/templates, run as a port author would: through the
 * one-jar runner (conformance/target/countersign-conformance.jar, so this runs in the
 * integration-test phase, after package), from an empty directory, with the vectors inside the jar. Each must fail no
 * vector, answer every vector, and run every RtmTokenBuilder2.buildToken vector. Under CI=true
 * every template must run (scripts/test installs Node, Go and Python for the oracles and Ruby
 * with scripts/setup-debian); elsewhere a template whose interpreter is missing is skipped.
 */
class TemplatesTest {
    private static final Path ROOT = Oracle.root();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "python     | python3 --version | python3 {templates}/python/adapter.py",
            "javascript | node --version    | node {templates}/javascript/adapter.js",
            "go         | go version        | cd {templates}/go && go run .",
            "ruby       | ruby --version    | ruby {templates}/ruby/adapter.rb"})
    void templateShouldRunThroughTheOneJarRunner(String template, String check, String adapter,
                                                 @org.junit.jupiter.api.io.TempDir Path out) throws Exception {
        if (!succeeds(check)) {
            String why = template + " template: `" + check + "` does not run here";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        Path jar = ROOT.resolve("conformance/target/countersign-conformance.jar");
        assertTrue(Files.isRegularFile(jar), "no " + jar + ": this test runs after `mvn package`");
        Path json = out.resolve("results.json");
        Path junit = out.resolve("results.xml");
        // Run from an empty directory: the jar needs no checkout, only its own vectors.
        String command = adapter.replace("{templates}", ROOT.resolve("conformance/templates").toAbsolutePath().toString());
        Process runner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "--adapter", command, "--json", json.toString(), "--junit", junit.toString(), "--show", "3")
                .directory(out.toFile()).redirectErrorStream(true).start();
        String output = new String(runner.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(runner.waitFor(5, TimeUnit.MINUTES), "the runner did not finish");
        assertEquals(0, runner.exitValue(), output);

        JsonNode results = Vectors.MAPPER.readTree(json.toFile());
        int vectors = Vectors.bundled().size();
        assertEquals(vectors, results.path("records").size(), "one record per vector");
        assertEquals(0, results.path("totals").path("failed").asInt(), output);
        assertTrue(results.path("totals").path("passed").asInt() > 0, output);
        JsonNode rtm = results.path("builders").path("RtmTokenBuilder2.buildToken");
        assertTrue(rtm.path("sent").asInt() > 0 && rtm.path("ran").asInt() == rtm.path("sent").asInt(), rtm.toString());
        assertTrue(Files.readString(junit).contains("<testsuites name=\"template-" + template + " 1.1\" tests=\"" + vectors
                + "\" failures=\"0\">"), "JUnit report");
    }

    private static boolean succeeds(String command) {
        try {
            Process p = new ProcessBuilder(List.of("bash", "-c", command + " >/dev/null 2>&1")).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
