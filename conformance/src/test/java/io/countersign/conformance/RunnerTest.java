package io.countersign.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner's comparison and process handling, on hand-built vectors and toy adapters. */
class RunnerTest {
    private static final Identity COUNTERSIGN = Identity.of(null, "countersign 0.1");
    private static final Identity NODE = Identity.of(null,
            "official-node agora-token 2.0.6, agora-access-token 2.0.4, netless-token 1.0.2");

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- comparison

    @Test
    void shouldPassAnIdenticalExactToken() {
        Vector v = vector("{\"op\":\"build\",\"builder\":\"SignalingToken.get\"}", "{\"ok\":true,\"token\":\"1:abc:9:ff\"}", "exact");
        Verdict verdict = Comparison.judge(v, json("{\"id\":\"r1\",\"ok\":true,\"token\":\"1:abc:9:ff\"}"), COUNTERSIGN);
        assertEquals(Verdict.Outcome.PASSED, verdict.outcome());
    }

    @Test
    void shouldReportATokenMismatch() {
        Vector v = vector("{\"op\":\"build\",\"builder\":\"SignalingToken.get\"}", "{\"ok\":true,\"token\":\"1:abc:9:ff\"}", "exact");
        Verdict verdict = Comparison.judge(v, json("{\"ok\":true,\"token\":\"1:abc:9:fe\"}"), COUNTERSIGN);
        assertEquals(Verdict.Outcome.FAILED, verdict.outcome());
        assertTrue(verdict.reason().contains("\"token\" differs"), verdict.reason());
    }

    @Test
    void shouldReportAnErrorCodeMismatch() {
        Vector v = vector("{\"op\":\"decode\",\"token\":\"007x\"}", "{\"ok\":false,\"error\":{\"code\":\"malformed\"}}", "exact");
        Verdict verdict = Comparison.judge(v,
                json("{\"ok\":false,\"error\":{\"code\":\"invalid-argument\",\"message\":\"m\"}}"), COUNTERSIGN);
        assertEquals(Verdict.Outcome.FAILED, verdict.outcome());
        assertTrue(verdict.reason().contains("expected error \"malformed\", got error \"invalid-argument\""), verdict.reason());
    }

    @Test
    void shouldReportACrashWithItsMessage() {
        Vector v = vector("{\"op\":\"build\",\"builder\":\"SignalingToken.get\"}", "{\"ok\":true,\"token\":\"1:abc:9:ff\"}", "exact");
        Verdict verdict = Comparison.judge(v,
                json("{\"ok\":false,\"error\":{\"code\":\"crashed\",\"message\":\"free(): invalid next size\"}}"), COUNTERSIGN);
        assertEquals(Verdict.Outcome.FAILED, verdict.outcome());
        assertEquals("expected ok:true, got error \"crashed\" (the implementation crashed: free(): invalid next size)", verdict.reason());
    }

    @Test
    void shouldCompareOnlyTheCodeOfAnError() {
        Vector v = vector("{\"op\":\"decode\",\"token\":\"007x\"}", "{\"ok\":false,\"error\":{\"code\":\"malformed\"}}", "exact");
        Verdict verdict = Comparison.judge(v,
                json("{\"ok\":false,\"error\":{\"code\":\"malformed\",\"message\":\"any text at all\"},\"extra\":1}"), COUNTERSIGN);
        assertEquals(Verdict.Outcome.PASSED, verdict.outcome());
    }

    @Test
    void shouldReportSuccessWhereAnErrorIsExpected() {
        Vector v = vector("{\"op\":\"decode\",\"token\":\"007x\"}", "{\"ok\":false,\"error\":{\"code\":\"malformed\"}}", "exact");
        Verdict verdict = Comparison.judge(v, json("{\"ok\":true,\"content\":{}}"), COUNTERSIGN);
        assertEquals(Verdict.Outcome.FAILED, verdict.outcome());
    }

    @Test
    void payloadMatchShouldIgnoreTheZlibBytes() {
        byte[] payload = "the same signed bytes, the same signed bytes, the same signed bytes".getBytes(StandardCharsets.UTF_8);
        String fast = token007(payload, Deflater.BEST_SPEED);
        String stored = token007(payload, Deflater.NO_COMPRESSION);
        assertNotEquals(fast, stored);
        Vector v = vector("{\"op\":\"encode\",\"content\":{\"scheme\":\"007\"}}", "{\"ok\":true,\"token\":\"" + fast + "\"}", "payload");

        Verdict other = Comparison.judge(v, json("{\"ok\":true,\"token\":\"" + stored + "\"}"), COUNTERSIGN);
        assertEquals(Verdict.Outcome.PASSED, other.outcome());
        assertEquals(Boolean.FALSE, other.stringIdentical());

        Verdict same = Comparison.judge(v, json("{\"ok\":true,\"token\":\"" + fast + "\"}"), COUNTERSIGN);
        assertEquals(Boolean.TRUE, same.stringIdentical());
    }

    @Test
    void payloadMatchShouldReportDifferentBytes() {
        String expected = token007("signed bytes A".getBytes(StandardCharsets.UTF_8), Deflater.DEFAULT_COMPRESSION);
        String got = token007("signed bytes B".getBytes(StandardCharsets.UTF_8), Deflater.DEFAULT_COMPRESSION);
        Vector v = vector("{\"op\":\"encode\",\"content\":{\"scheme\":\"007\"}}", "{\"ok\":true,\"token\":\"" + expected + "\"}", "payload");
        Verdict verdict = Comparison.judge(v, json("{\"ok\":true,\"token\":\"" + got + "\"}"), COUNTERSIGN);
        assertEquals(Verdict.Outcome.FAILED, verdict.outcome());
        assertTrue(verdict.reason().contains("payload differs"), verdict.reason());
    }

    @Test
    void payloadMatchShouldRejectATokenThatIsNotOneCleanZlibStream() {
        byte[] payload = "signed bytes".getBytes(StandardCharsets.UTF_8);
        String good = token007(payload, Deflater.DEFAULT_COMPRESSION);
        byte[] deflated = Base64.getDecoder().decode(good.substring(3));
        byte[] trailing = java.util.Arrays.copyOf(deflated, deflated.length + 1);
        String withTrailingByte = "007" + Base64.getEncoder().encodeToString(trailing);
        Vector v = vector("{\"op\":\"encode\",\"content\":{\"scheme\":\"007\"}}", "{\"ok\":true,\"token\":\"" + good + "\"}", "payload");

        assertEquals(Verdict.Outcome.FAILED, Comparison.judge(v, json("{\"ok\":true,\"token\":\"" + withTrailingByte + "\"}"), COUNTERSIGN).outcome());
        assertEquals(Verdict.Outcome.FAILED, Comparison.judge(v, json("{\"ok\":true,\"token\":\"" + good.replace("=", "") + "\"}"), COUNTERSIGN).outcome());
        assertEquals(Verdict.Outcome.FAILED, Comparison.judge(v, json("{\"ok\":true,\"token\":\"006" + good.substring(3) + "\"}"), COUNTERSIGN).outcome());
    }

    @Test
    void shouldCompareContentByValueInAnyKeyOrder() {
        Vector v = vector("{\"op\":\"decode\",\"token\":\"007x\"}",
                "{\"ok\":true,\"content\":{\"scheme\":\"007\",\"salt\":4294967295,\"services\":[{\"type\":1,\"privileges\":{\"1\":600}}]}}", "exact");
        ObjectNode got = (ObjectNode) json("{\"ok\":true,\"content\":{\"services\":[{\"privileges\":{\"1\":600},\"type\":1}],\"scheme\":\"007\"}}");
        ((ObjectNode) got.get("content")).put("salt", 4294967295L);
        assertEquals(Verdict.Outcome.PASSED, Comparison.judge(v, got, COUNTERSIGN).outcome());

        JsonNode otherPrivilege = json("{\"ok\":true,\"content\":{\"scheme\":\"007\",\"salt\":4294967295,\"services\":[{\"type\":1,\"privileges\":{\"1\":601}}]}}");
        Verdict verdict = Comparison.judge(v, otherPrivilege, COUNTERSIGN);
        assertEquals(Verdict.Outcome.FAILED, verdict.outcome());
        assertTrue(verdict.reason().contains("content.services[0].privileges.1"), verdict.reason());
    }

    @Test
    void unsupportedShouldBeItsOwnOutcomeAndNotAFailure() {
        Vector v = vector("{\"op\":\"build\",\"builder\":\"DynamicKey5.generateRecordingKey\"}", "{\"ok\":true,\"token\":\"005x\"}", "exact");
        Verdict verdict = Comparison.judge(v,
                json("{\"ok\":false,\"error\":{\"code\":\"unsupported\",\"message\":\"not in agoraiotools 0.3.4\"}}"), COUNTERSIGN);
        assertEquals(Verdict.Outcome.UNSUPPORTED, verdict.outcome());
        assertEquals("not in agoraiotools 0.3.4", verdict.reason());

        Results results = new Results(COUNTERSIGN);
        results.add(v, v.request(), verdict);
        assertEquals(0, results.count(Verdict.Outcome.FAILED));
        assertEquals(1, results.cells().get(0).unsupportedReasons.get("not in agoraiotools 0.3.4"));
    }

    @Test
    void shouldHoldADivergentImplementationToItsRecordedOutcome() {
        String line = "{\"id\":\"d1\",\"request\":{\"op\":\"decode\",\"token\":\"007*\"},"
                + "\"expect\":{\"ok\":false,\"error\":{\"code\":\"malformed\"}},\"match\":\"exact\","
                + "\"sources\":[\"PROTOCOL.md strict decoding\"],"
                + "\"divergent\":[{\"sources\":[\"official-node agora-token 2.0.6\"],\"expect\":{\"ok\":true,\"content\":{\"salt\":1}}}]}";
        Vector v = parse(line);
        JsonNode lenient = json("{\"ok\":true,\"content\":{\"salt\":1}}");
        JsonNode strict = json("{\"ok\":false,\"error\":{\"code\":\"malformed\"}}");

        assertEquals(Verdict.Outcome.DIVERGENT_AS_RECORDED, Comparison.judge(v, lenient, NODE).outcome());
        assertEquals(Verdict.Outcome.PASSED, Comparison.judge(v, strict, COUNTERSIGN).outcome());
        assertEquals(Verdict.Outcome.FAILED, Comparison.judge(v, lenient, COUNTERSIGN).outcome());
        // A divergent implementation that starts to agree with expect makes the vector's record stale.
        Verdict stale = Comparison.judge(v, strict, NODE);
        assertEquals(Verdict.Outcome.FAILED, stale.outcome());
        assertTrue(stale.reason().contains("update the vector"), stale.reason());
        assertEquals(Verdict.Outcome.FAILED, Comparison.judge(v, json("{\"ok\":true,\"content\":{\"salt\":2}}"), NODE).outcome());
    }

    @Test
    void anAdapterOverSeveralPackagesMayGiveExpectOrItsRecordedOutcome() {
        // Node's adapter holds agora-token (in sources) and agora-access-token (divergent: no appId).
        Vector v = parse("{\"id\":\"p1\",\"request\":{\"op\":\"decode\",\"token\":\"006x\"},"
                + "\"expect\":{\"ok\":true,\"content\":{\"appId\":\"a\"}},\"match\":\"exact\","
                + "\"sources\":[\"official-node agora-token 2.0.6\"],"
                + "\"divergent\":[{\"sources\":[\"official-node agora-access-token 2.0.4\"],\"expect\":{\"ok\":true,\"content\":{}}}]}");
        assertEquals(Verdict.Outcome.PASSED, Comparison.judge(v, json("{\"ok\":true,\"content\":{\"appId\":\"a\"}}"), NODE).outcome());
        assertEquals(Verdict.Outcome.DIVERGENT_AS_RECORDED, Comparison.judge(v, json("{\"ok\":true,\"content\":{}}"), NODE).outcome());
        assertEquals(Verdict.Outcome.FAILED, Comparison.judge(v, json("{\"ok\":true,\"content\":{\"appId\":\"b\"}}"), NODE).outcome());
        // Named for its default package only, it is held to expect.
        Identity agoraToken = Identity.of("official-node agora-token 2.0.6, netless-token 1.0.2", "ignored when a name is given");
        assertEquals(Verdict.Outcome.FAILED, Comparison.judge(v, json("{\"ok\":true,\"content\":{}}"), agoraToken).outcome());
    }

    @Test
    void payloadMismatchShouldSayWhetherTheSignedBytesDiffer() {
        byte[] a = {2, 0, 9, 9, 1, 2, 3};
        byte[] b = {2, 0, 8, 8, 1, 2, 3};
        byte[] c = {2, 0, 8, 8, 1, 7, 3};
        String ta = token007(a, Deflater.DEFAULT_COMPRESSION);
        Vector v = vector("{\"op\":\"encode\",\"content\":{\"scheme\":\"007\"}}", "{\"ok\":true,\"token\":\"" + ta + "\"}", "payload");
        String onlySignature = Comparison.judge(v, json("{\"ok\":true,\"token\":\"" + token007(b, 6) + "\"}"), COUNTERSIGN).reason();
        assertTrue(onlySignature.contains("only the signature differs"), onlySignature);
        String signedBytes = Comparison.judge(v, json("{\"ok\":true,\"token\":\"" + token007(c, 6) + "\"}"), COUNTERSIGN).reason();
        assertTrue(signedBytes.contains("differ first at byte 1 of 3"), signedBytes);
    }

    @Test
    void shouldAcceptARefusalTheVectorAllowsButNotAnother() {
        Vector v = parse("{\"id\":\"a1\",\"request\":{\"op\":\"build\",\"builder\":\"SignalingToken.get\"},"
                + "\"expect\":{\"ok\":true,\"token\":\"1::9:ff\"},\"match\":\"exact\",\"sources\":[\"official-node agora-token 2.0.6\"],"
                + "\"acceptable\":{\"because\":[\"appId must be 32 hex characters\"],"
                + "\"outcomes\":[{\"ok\":false,\"error\":{\"code\":\"invalid-argument\"}}]}}");
        Verdict refused = Comparison.judge(v, json("{\"ok\":false,\"error\":{\"code\":\"invalid-argument\",\"message\":\"appId\"}}"), COUNTERSIGN);
        assertEquals(Verdict.Outcome.ACCEPTABLE, refused.outcome());
        assertEquals("appId must be 32 hex characters", refused.reason());
        assertTrue(refused.passed());
        assertEquals(Verdict.Outcome.FAILED,
                Comparison.judge(v, json("{\"ok\":false,\"error\":{\"code\":\"malformed\"}}"), COUNTERSIGN).outcome());
        assertEquals(Verdict.Outcome.FAILED, Comparison.judge(v, json("{\"ok\":true,\"token\":\"1::9:fe\"}"), COUNTERSIGN).outcome());
    }

    @Test
    void identityShouldMatchSourcesByFamilyPackageAndVersion() {
        assertTrue(NODE.isAmong(List.of("official-node agora-access-token 2.0.4")));
        assertFalse(NODE.isAmong(List.of("official-node agora-token 2.0.5")));
        assertFalse(NODE.isAmong(List.of("official-python agoraiotools 0.3.4")));
        Identity go = Identity.of(null, "official-go github.com/AgoraIO-Community/go-tokenbuilder v1.5.0");
        assertTrue(go.isAmong(List.of("official-go go-tokenbuilder v1.5.0")));
        assertTrue(Identity.of("official-java", null).isAmong(List.of("official-java")));
    }

    // ---------------------------------------------------------------- vectors

    @Test
    void shouldRejectAVectorWithoutSources() {
        assertThrows(Vectors.BadVectorException.class, () -> Vectors.parse("f", 1,
                "{\"id\":\"x\",\"request\":{\"op\":\"hello\"},\"expect\":{\"ok\":true},\"match\":\"exact\",\"sources\":[]}"));
        assertThrows(Vectors.BadVectorException.class, () -> Vectors.parse("f", 1,
                "{\"id\":\"x\",\"request\":{\"op\":\"hello\"},\"expect\":{\"ok\":true},\"match\":\"bytes\",\"sources\":[\"s\"]}"));
        assertThrows(Vectors.BadVectorException.class, () -> Vectors.parse("f", 1,
                "{\"id\":\"x\",\"request\":{\"op\":\"hello\"},\"expect\":{\"ok\":false},\"match\":\"exact\",\"sources\":[\"s\"]}"));
    }

    @Test
    void shouldTellTheSchemeOfEachRequest() throws Vectors.BadVectorException {
        assertEquals("007", parse(line("{\"op\":\"build\",\"builder\":\"ApaasTokenBuilder.buildAppToken\"}")).scheme());
        assertEquals("006", parse(line("{\"op\":\"build\",\"builder\":\"RtcTokenBuilder.buildTokenWithUid\"}")).scheme());
        assertEquals("signaling", parse(line("{\"op\":\"encode\",\"content\":{\"scheme\":\"signaling\"}}")).scheme());
        assertEquals("netless", parse(line("{\"op\":\"decode\",\"token\":\"NETLESSROOM_abc\"}")).scheme());
        assertEquals("signaling", parse(line("{\"op\":\"verify\",\"token\":\"1:a:2:b\"}")).scheme());
        assertEquals("005", Vectors.parse("005-decode.jsonl", 1, line("{\"op\":\"decode\",\"token\":\"\"}")).scheme());
    }

    // ---------------------------------------------------------------- adapter processes

    /** Answers hello, "ok valid" to everything else, exits on "crash", hangs on "hang", prints garbage on "garbage". */
    private static final String TOY = """
            while IFS= read -r line; do
              [[ $line =~ \\"id\\":\\"([^\\"]*)\\" ]] && id=${BASH_REMATCH[1]}
              case "$line" in
                *'"hello"'*) echo "{\\"id\\":\\"$id\\",\\"ok\\":true,\\"implementation\\":\\"toy 1\\"}" ;;
                *crash*) echo "dying" >&2; exit 3 ;;
                *hang*) sleep 60 ;;
                *garbage*) echo "this is not JSON" ;;
                *) echo "{\\"id\\":\\"$id\\",\\"ok\\":true,\\"valid\\":true}" ;;
              esac
            done
            """;

    @Test
    void shouldReportAndSurviveACrashingAdapter() throws IOException {
        Results results = runToy("crash");
        assertEquals(2, results.count(Verdict.Outcome.PASSED));
        assertEquals(1, results.count(Verdict.Outcome.FAILED));
        String why = results.failures().get(0).verdict().reason();
        assertTrue(why.contains("exited before answering (exit status 3)") && why.contains("dying"), why);
    }

    @Test
    void shouldReportAndSurviveAHangingAdapter() throws IOException {
        Results results = runToy("hang");
        assertEquals(2, results.count(Verdict.Outcome.PASSED));
        assertEquals(1, results.count(Verdict.Outcome.FAILED));
        String why = results.failures().get(0).verdict().reason();
        assertTrue(why.contains("no response within 3.0 s"), why);
    }

    @Test
    void shouldReportAndSurviveAnAdapterThatPrintsGarbage() throws IOException {
        Results results = runToy("garbage");
        assertEquals(2, results.count(Verdict.Outcome.PASSED));
        String why = results.failures().get(0).verdict().reason();
        assertTrue(why.contains("not a JSON object"), why);
    }

    @Test
    void shouldReportAnAdapterThatExitsAfterOneLine() throws IOException {
        // Answers hello, then exits on the next line unanswered: each vector fails, each gets a fresh process.
        Path script = dir.resolve("one-line.sh");
        Files.writeString(script, """
                read -r line
                [[ $line =~ \\"id\\":\\"([^\\"]*)\\" ]] && echo "{\\"id\\":\\"${BASH_REMATCH[1]}\\",\\"ok\\":true}"
                read -r line
                exit 0
                """);
        List<Vector> vectors = List.of(verifyVector("v1"), verifyVector("v2"));
        try (AdapterProcess p = new AdapterProcess("bash " + script, dir, Duration.ofSeconds(5), Duration.ofSeconds(5))) {
            p.start();
            Results results = Runner.run(vectors, p, p::nextId, COUNTERSIGN);
            assertEquals(2, results.count(Verdict.Outcome.FAILED));
            assertTrue(results.failures().get(1).verdict().reason().contains("exited before answering (exit status 0)"),
                    results.failures().get(1).verdict().reason());
            assertEquals(2, p.starts());
        }
    }

    @Test
    void shouldPrintTheMatrixAndSpellOutFailures() throws IOException {
        Results results = runToy("crash");
        StringWriter text = new StringWriter();
        results.print(new PrintWriter(text), 5);
        String out = text.toString();
        // passed, divergent, acceptable, failed, unsupported
        assertTrue(out.matches("(?s).*\\n007\\s+verify\\s+2\\s+0\\s+0\\s+1\\s+0\\s*\\n.*"), out);
        assertTrue(out.contains("FAILED t.jsonl:2 crash-me"), out);
        assertTrue(out.contains("\"builder\":\"crash\""), out);
        JsonNode doc = results.toJson();
        assertEquals(1, doc.path("totals").path("failed").asInt());
        assertEquals("007", doc.path("cells").get(0).path("scheme").asText());
    }

    @Test
    void runnerMainShouldExitNonZeroOnAFailureAndZeroOnUnsupported() throws IOException {
        Path vectors = dir.resolve("v.jsonl");
        Files.writeString(vectors, line("{\"op\":\"verify\",\"token\":\"007x\",\"secret\":\"s\"}") + "\n");
        Path toy = dir.resolve("toy.sh");
        Files.writeString(toy, TOY);
        Path json = dir.resolve("out/results.json");
        int status = new picocli.CommandLine(new Runner()).setOut(new PrintWriter(new ByteArrayOutputStream()))
                .execute("--adapter", "bash " + toy, "--json", json.toString(), vectors.toString());
        assertEquals(0, status);
        assertEquals(1, Vectors.MAPPER.readTree(json.toFile()).path("totals").path("passed").asInt());

        Files.writeString(vectors, "{\"id\":\"w\",\"request\":{\"op\":\"verify\",\"token\":\"007x\",\"secret\":\"s\"},"
                + "\"expect\":{\"ok\":true,\"valid\":false},\"match\":\"exact\",\"sources\":[\"hand-made\"]}\n");
        StringWriter out = new StringWriter();
        status = new picocli.CommandLine(new Runner()).setOut(new PrintWriter(out))
                .execute("--adapter", "bash " + toy, vectors.toString());
        assertEquals(1, status, out.toString());
        assertTrue(out.toString().contains("\"valid\" differs"), out.toString());
    }

    @Test
    void shouldKeepARecordOfEveryVectorAndWriteJUnit() throws IOException {
        Results results = runToy("crash");
        JsonNode records = results.toJson().path("records");
        assertEquals(3, records.size());
        assertEquals("passed", records.get(0).path("verdict").asText());
        assertEquals("failed", records.get(1).path("verdict").asText());
        assertEquals("crash-me", records.get(1).path("id").asText());
        assertFalse(records.get(1).path("explanation").asText().isEmpty());
        String junit = results.toJUnit();
        assertTrue(junit.contains("<testsuite name=\"t.jsonl\" tests=\"3\" failures=\"1\" skipped=\"0\">"), junit);
        assertTrue(junit.contains("name=\"crash-me\">\n      <failure message=\""), junit);
    }

    @Test
    void filtersShouldSelectByGlobAndBeAlternativesWithinOneOption() {
        Runner runner = new Runner();
        Vector build = parse("{\"id\":\"007-build-0012\",\"request\":{\"op\":\"build\",\"builder\":\"RtcTokenBuilder2.buildTokenWithUid\"},"
                + "\"expect\":{\"ok\":true},\"match\":\"payload\",\"sources\":[\"x\"],\"flags\":[\"Baseline\"]}");
        assertTrue(runner.selected(build));
        runner.builders = List.of("RtcTokenBuilder2.*");
        runner.ids = List.of("006-*", "007-build-001?");
        runner.flags = List.of("Random", "Baseline");
        runner.schemes = List.of("007");
        runner.ops = List.of("build");
        assertTrue(runner.selected(build));
        runner.ids = List.of("007-build-01*");
        assertFalse(runner.selected(build));
        runner.ids = List.of();
        runner.builders = List.of("RtcTokenBuilder2.buildTokenWithUidAndPrivilege");
        assertFalse(runner.selected(build));
        assertTrue(Runner.glob("a.b*", "a.bc") && !Runner.glob("a.b*", "axbc"), "a dot in a glob is literal");
    }

    @Test
    void runnerMainShouldExitTwoWhenNoVectorIsSelected() throws IOException {
        Path vectors = dir.resolve("v.jsonl");
        Files.writeString(vectors, line("{\"op\":\"verify\",\"token\":\"007x\",\"secret\":\"s\"}") + "\n");
        StringWriter err = new StringWriter();
        int status = new picocli.CommandLine(new Runner()).setOut(new PrintWriter(new ByteArrayOutputStream()))
                .setErr(new PrintWriter(err)).execute("--adapter", "true", "--scheme", "006", "--vectors", dir.toString());
        assertEquals(2, status);
        assertTrue(err.toString().contains("no vectors selected (1 read from " + dir + "/*.jsonl)"), err.toString());
    }

    @Test
    void theRunnerShouldCarryItsVectors() throws IOException {
        List<Vector> bundled = Vectors.bundled();
        assertEquals(Vectors.read(Vectors.defaultFiles(Oracle.root())).size(), bundled.size(),
                "the vectors on the class path (in the jar) are the checkout's vectors");
    }

    private Results runToy(String trouble) throws IOException {
        Path toy = dir.resolve("toy.sh");
        Files.writeString(toy, TOY);
        List<Vector> vectors = List.of(verifyVector("before"),
                Vectors.parse("t.jsonl", 2, "{\"id\":\"" + trouble + "-me\",\"request\":{\"op\":\"verify\",\"builder\":\""
                        + trouble + "\",\"token\":\"007x\",\"secret\":\"s\"},\"expect\":{\"ok\":true,\"valid\":true},"
                        + "\"match\":\"exact\",\"sources\":[\"hand-made\"]}"),
                verifyVector("after"));
        try (AdapterProcess p = new AdapterProcess("bash " + toy, dir, Duration.ofSeconds(3), Duration.ofSeconds(10))) {
            p.start();
            Identity toyIdentity = Identity.of(null, p.hello().path("implementation").asText());
            Results results = Runner.run(vectors, p, p::nextId, toyIdentity);
            assertEquals(2, p.starts(), "restarted once after the trouble");
            return results;
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Vector verifyVector(String id) {
        return parse("{\"id\":\"" + id + "\",\"request\":{\"op\":\"verify\",\"token\":\"007x\",\"secret\":\"s\"},"
                + "\"expect\":{\"ok\":true,\"valid\":true},\"match\":\"exact\",\"sources\":[\"hand-made\"]}");
    }

    private static Vector vector(String request, String expect, String match) {
        return parse("{\"id\":\"t\",\"request\":" + request + ",\"expect\":" + expect + ",\"match\":\"" + match
                + "\",\"sources\":[\"hand-made\"]}");
    }

    private static String line(String request) {
        return "{\"id\":\"t\",\"request\":" + request + ",\"expect\":{\"ok\":true},\"match\":\"exact\",\"sources\":[\"hand-made\"]}";
    }

    private static Vector parse(String line) {
        try {
            return Vectors.parse("t.jsonl", 1, line);
        } catch (Vectors.BadVectorException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(String s) {
        try {
            return Vectors.MAPPER.readTree(s);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String token007(byte[] payload, int level) {
        Deflater deflater = new Deflater(level);
        deflater.setInput(payload);
        deflater.finish();
        byte[] out = new byte[payload.length + 64];
        int n = deflater.deflate(out);
        deflater.end();
        return "007" + Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(out, n));
    }
}
