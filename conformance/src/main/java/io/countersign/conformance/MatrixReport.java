package io.countersign.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * Combines the runner's --json results of several implementations into one markdown matrix:
 * implementation x scheme x op, passed / failed / unsupported. A results file may instead say
 * {@code {"implementation": "...", "skipped": "why"}} for an implementation that could not run.
 */
@Command(name = "matrix", mixinStandardHelpOptions = true, description = "Writes the conformance matrix as markdown.")
public final class MatrixReport implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The markdown file to write.")
    Path out;

    @Parameters(paramLabel = "RESULTS", arity = "1..*", description = "Results files written by the runner's --json.")
    List<Path> inputs;

    /** Not API (the command line is): options stay unset until picocli parses a command line into them. */
    MatrixReport() {
    }

    /**
     * Writes the matrix ({@code scripts/matrix} calls this) and exits 0 once it is written.
     *
     * @param args {@code --out FILE} and the results files, in the order of the matrix's rows
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new MatrixReport()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        List<JsonNode> results = new ArrayList<>();
        for (Path p : inputs) {
            results.add(Vectors.MAPPER.readTree(p.toFile()));
        }
        Files.writeString(out, markdown(results), StandardCharsets.UTF_8);
        return 0;
    }

    /** The matrix for {@code results} (runner JSON documents), in the given implementation order. */
    static String markdown(List<JsonNode> results) {
        StringBuilder md = new StringBuilder();
        md.append("# Conformance matrix\n\n");
        md.append("Written by `scripts/matrix`; do not edit by hand. Each implementation's adapter was run over the golden\n")
                .append("vectors by `scripts/conformance` (see [README.md](README.md)).\n\n");
        JsonNode first = results.stream().filter(r -> r.has("vectors")).findFirst().orElse(null);
        if (first != null) {
            md.append("Vectors: ").append(first.path("vectors").asInt()).append(" from `")
                    .append(first.path("vectorsFrom").asText()).append("` (").append(first.path("vectorFiles").asInt())
                    .append(" files).\n\n");
        }
        md.append("""
                A cell reads *passed/vectors*, then what did not pass or passed in a special way:
                - *failed*: the response does not match (run `scripts/conformance` to see each one);
                - *unsupported*: the implementation answered `unsupported`, it lacks that op, scheme or
                  builder (reasons below); not a failure;
                - *as recorded*: the implementation gave exactly the divergent outcome the vector records
                  for it (see `vectors/DIVERGENCES.md`);
                - *acceptable*: the implementation refused an input that breaks a documented input rule,
                  which the vector allows (Wycheproof's "acceptable"; the officials accept the input);
                - *identical strings*: 007 tokens are matched on their inflated payload; this counts those
                  whose token string was byte-identical too (same zlib output).

                `-` means no vectors for that scheme and op.

                """);
        List<String> names = new ArrayList<>();
        for (JsonNode r : results) {
            names.add(r.path("implementation").asText("?"));
        }
        for (String scheme : schemes(results)) {
            md.append("## ").append(scheme).append("\n\n| implementation |");
            List<String> ops = ops(results, scheme);
            ops.forEach(op -> md.append(' ').append(op).append(" |"));
            md.append("\n|---|");
            ops.forEach(op -> md.append("---|"));
            md.append('\n');
            for (int i = 0; i < results.size(); i++) {
                JsonNode r = results.get(i);
                md.append("| ").append(names.get(i)).append(" |");
                for (String op : ops) {
                    md.append(' ').append(r.has("skipped") ? "not run" : cell(find(r, scheme, op))).append(" |");
                }
                md.append('\n');
            }
            md.append('\n');
        }
        appendBuilders(md, results, names);
        StringBuilder notes = new StringBuilder();
        for (int i = 0; i < results.size(); i++) {
            JsonNode r = results.get(i);
            if (r.has("skipped")) {
                notes.append("- **").append(names.get(i)).append("** was not run: ").append(r.get("skipped").asText()).append('\n');
                continue;
            }
            String name = names.get(i);
            for (JsonNode c : r.path("cells")) {
                Map<String, Integer> reasons = new LinkedHashMap<>();
                c.path("unsupportedReasons").fields().forEachRemaining(e -> reasons.put(e.getKey(), e.getValue().asInt()));
                reasons.forEach((reason, n) -> notes.append("- ").append(name).append(", ").append(c.path("scheme").asText())
                        .append(' ').append(c.path("op").asText()).append(": ").append(n).append(" unsupported: ")
                        .append(oneLine(reason)).append('\n'));
            }
        }
        if (notes.length() > 0) {
            md.append("## Not run and unsupported\n\n").append(notes).append('\n');
        }
        StringBuilder failures = new StringBuilder();
        for (int i = 0; i < results.size(); i++) {
            JsonNode r = results.get(i);
            int failed = r.path("totals").path("failed").asInt();
            if (failed == 0) {
                continue;
            }
            failures.append("- **").append(names.get(i)).append("**: ").append(failed).append(" failed");
            List<String> first3 = new ArrayList<>();
            for (JsonNode f : r.path("failures")) {
                if (first3.size() == 3) {
                    break;
                }
                first3.add("`" + f.path("vector").asText() + "`: " + oneLine(f.path("reason").asText()));
            }
            failures.append(first3.isEmpty() ? "" : ", e.g. " + String.join("; ", first3)).append('\n');
        }
        if (failures.length() > 0) {
            md.append("## Failures\n\nRun `scripts/conformance --adapter ...` for that implementation to see each one in full.\n\n")
                    .append(failures).append('\n');
        }
        return md.toString();
    }

    /**
     * One row per builder of the build vectors, one column per implementation: how many of that
     * builder's vectors it passed (as recorded and acceptable included), failed, or could not run.
     * Read from the runner's per-vector records.
     */
    private static void appendBuilders(StringBuilder md, List<JsonNode> results, List<String> names) {
        Map<String, String> schemeOf = new TreeMap<>();
        List<Map<String, int[]>> counts = new ArrayList<>();
        for (JsonNode r : results) {
            Map<String, int[]> byBuilder = new TreeMap<>();
            for (JsonNode rec : r.path("records")) {
                String builder = rec.path("builder").asText();
                if (!rec.path("op").asText().equals("build") || builder.isEmpty()) {
                    continue;
                }
                schemeOf.putIfAbsent(builder, rec.path("scheme").asText());
                int[] n = byBuilder.computeIfAbsent(builder, k -> new int[3]);
                switch (rec.path("verdict").asText()) {
                    case "failed" -> n[1]++;
                    case "unsupported" -> n[2]++;
                    default -> n[0]++; // passed, divergent-as-recorded, acceptable
                }
            }
            counts.add(byBuilder);
        }
        if (schemeOf.isEmpty()) {
            return;
        }
        List<String> schemes = schemes(results);
        List<String> builders = new ArrayList<>(schemeOf.keySet());
        builders.sort(Comparator.comparingInt((String b) -> schemes.indexOf(schemeOf.get(b))).thenComparing(b -> b));
        md.append("## Build vectors per builder\n\n")
                .append("A cell reads *passed/vectors* for that builder's build vectors (as recorded and acceptable count\n")
                .append("as passed); *unsupported* alone means the implementation ran none of them (reasons below).\n\n")
                .append("| scheme | builder |");
        names.forEach(name -> md.append(' ').append(name.split(" ", 2)[0]).append(" |"));
        md.append("\n|---|---|");
        names.forEach(name -> md.append("---|"));
        md.append('\n');
        for (String builder : builders) {
            md.append("| ").append(schemeOf.get(builder)).append(" | `").append(builder).append("` |");
            for (int i = 0; i < results.size(); i++) {
                int[] n = counts.get(i).get(builder);
                md.append(' ').append(results.get(i).has("skipped") ? "not run" : builderCell(n)).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    /** passed / failed / unsupported counts of one builder's build vectors, as a matrix cell. */
    static String builderCell(int[] n) {
        if (n == null) {
            return "-";
        }
        int total = n[0] + n[1] + n[2];
        if (n[2] == total) {
            return "unsupported";
        }
        return n[0] + "/" + total + (n[1] > 0 ? ", **" + n[1] + " failed**" : "") + (n[2] > 0 ? ", " + n[2] + " unsupported" : "");
    }

    static String cell(JsonNode c) {
        if (c == null) {
            return "-";
        }
        int passed = c.path("passed").asInt();
        int recorded = c.path("divergentAsRecorded").asInt();
        int acceptable = c.path("acceptable").asInt();
        int failed = c.path("failed").asInt();
        int unsupported = c.path("unsupported").asInt();
        int total = passed + recorded + acceptable + failed + unsupported;
        List<String> parts = new ArrayList<>();
        if (failed > 0) {
            parts.add("**" + failed + " failed**");
        }
        if (unsupported > 0) {
            parts.add(unsupported + " unsupported");
        }
        if (recorded > 0) {
            parts.add(recorded + " as recorded");
        }
        if (acceptable > 0) {
            parts.add(acceptable + " acceptable");
        }
        int payload = c.path("payloadPassed").asInt();
        if (payload > 0) {
            int identical = c.path("stringIdentical").asInt();
            parts.add(identical + (identical == 1 ? " identical string" : " identical strings"));
        }
        return (passed + recorded + acceptable) + "/" + total + (parts.isEmpty() ? "" : ": " + String.join(", ", parts));
    }

    private static JsonNode find(JsonNode results, String scheme, String op) {
        for (JsonNode c : results.path("cells")) {
            if (c.path("scheme").asText().equals(scheme) && c.path("op").asText().equals(op)) {
                return c;
            }
        }
        return null;
    }

    private static List<String> schemes(List<JsonNode> results) {
        List<String> found = new ArrayList<>(Vectors.SCHEMES);
        for (JsonNode r : results) {
            r.path("cells").forEach(c -> {
                if (!found.contains(c.path("scheme").asText())) {
                    found.add(c.path("scheme").asText());
                }
            });
        }
        return found.stream().filter(s -> results.stream().anyMatch(r -> hasScheme(r, s))).toList();
    }

    private static boolean hasScheme(JsonNode r, String scheme) {
        for (JsonNode c : r.path("cells")) {
            if (c.path("scheme").asText().equals(scheme)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> ops(List<JsonNode> results, String scheme) {
        List<String> found = new ArrayList<>(Vectors.OPS);
        for (JsonNode r : results) {
            r.path("cells").forEach(c -> {
                if (c.path("scheme").asText().equals(scheme) && !found.contains(c.path("op").asText())) {
                    found.add(c.path("op").asText());
                }
            });
        }
        return found;
    }

    private static String oneLine(String s) {
        String line = s.replace('\n', ' ').replace("|", "\\|");
        return line.length() <= 160 ? line : line.substring(0, 160) + "...";
    }
}
