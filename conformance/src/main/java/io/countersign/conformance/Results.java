package io.countersign.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The verdicts of one implementation over a set of vectors, tallied per scheme and op. */
final class Results {
    private final Identity implementation;
    private final Map<String, Cell> cells = new TreeMap<>(Results::cellOrder);
    private final List<Failure> failures = new ArrayList<>();
    private final List<Record> records = new ArrayList<>();
    /** Per builder: the build vectors sent, and how many of them were answered other than unsupported. */
    private final Map<String, int[]> builders = new TreeMap<>();

    Results(Identity implementation) {
        this.implementation = implementation;
    }

    /** The counts for one scheme and op. */
    static final class Cell {
        final String scheme;
        final String op;
        int passed;
        int divergentAsRecorded;
        int acceptable;
        int failed;
        int unsupported;
        /** Passed payload matches, and how many of them had the identical token string. */
        int payloadPassed;
        int stringIdentical;
        /** The implementation's "unsupported" messages, with counts. */
        final Map<String, Integer> unsupportedReasons = new LinkedHashMap<>();

        Cell(String scheme, String op) {
            this.scheme = scheme;
            this.op = op;
        }

        int total() {
            return passed + divergentAsRecorded + acceptable + failed + unsupported;
        }
    }

    /** One failed vector, spelled out. */
    record Failure(Vector vector, Verdict verdict, JsonNode request) {
    }

    /** The verdict on one vector, whatever it was. */
    record Record(Vector vector, Verdict verdict) {
    }

    void add(Vector v, JsonNode sentRequest, Verdict verdict) {
        Cell cell = cells.computeIfAbsent(v.scheme() + " " + v.op(), k -> new Cell(v.scheme(), v.op()));
        switch (verdict.outcome()) {
            case PASSED -> cell.passed++;
            case DIVERGENT_AS_RECORDED -> cell.divergentAsRecorded++;
            case ACCEPTABLE -> cell.acceptable++;
            case FAILED -> {
                cell.failed++;
                failures.add(new Failure(v, verdict, sentRequest));
            }
            case UNSUPPORTED -> {
                cell.unsupported++;
                cell.unsupportedReasons.merge(verdict.reason().isEmpty() ? "unsupported" : verdict.reason(), 1, Integer::sum);
            }
        }
        records.add(new Record(v, verdict));
        if (!v.builder().isEmpty()) {
            int[] ran = builders.computeIfAbsent(v.builder(), k -> new int[2]);
            ran[0]++;
            if (verdict.outcome() != Verdict.Outcome.UNSUPPORTED) {
                ran[1]++;
            }
        }
        if (verdict.stringIdentical() != null) {
            cell.payloadPassed++;
            if (verdict.stringIdentical()) {
                cell.stringIdentical++;
            }
        }
    }

    Identity implementation() {
        return implementation;
    }

    List<Cell> cells() {
        return List.copyOf(cells.values());
    }

    List<Failure> failures() {
        return List.copyOf(failures);
    }

    int count(Verdict.Outcome outcome) {
        int n = 0;
        for (Cell c : cells.values()) {
            n += switch (outcome) {
                case PASSED -> c.passed;
                case DIVERGENT_AS_RECORDED -> c.divergentAsRecorded;
                case ACCEPTABLE -> c.acceptable;
                case FAILED -> c.failed;
                case UNSUPPORTED -> c.unsupported;
            };
        }
        return n;
    }

    /** The matrix as a text table, then the first {@code show} failures in full. */
    void print(PrintWriter out, int show) {
        String format = "%-10s %-7s %7s %10s %11s %7s %12s %17s%n";
        out.printf(format, "scheme", "op", "passed", "divergent*", "acceptable*", "failed", "unsupported", "identical string");
        for (Cell c : cells.values()) {
            out.printf(format, c.scheme, c.op, c.passed, c.divergentAsRecorded, c.acceptable, c.failed, c.unsupported,
                    c.payloadPassed == 0 ? "" : c.stringIdentical + "/" + c.payloadPassed);
        }
        out.printf(format, "total", "", count(Verdict.Outcome.PASSED), count(Verdict.Outcome.DIVERGENT_AS_RECORDED),
                count(Verdict.Outcome.ACCEPTABLE), count(Verdict.Outcome.FAILED), count(Verdict.Outcome.UNSUPPORTED), "");
        out.println("* divergent: gave exactly the divergent outcome the vector records for this implementation.");
        out.println("* acceptable: refused an input that breaks a documented input rule, as the vector allows.");
        for (Cell c : cells.values()) {
            c.unsupportedReasons.forEach((reason, n) ->
                    out.printf("unsupported %s %s x%d: %s%n", c.scheme, c.op, n, reason));
        }
        if (!builders.isEmpty()) {
            out.println();
            out.println("build vectors run per builder (answered other than unsupported / sent):");
            builders.forEach((builder, ran) -> out.printf("  %-56s %5d / %d%n", builder, ran[1], ran[0]));
        }
        for (int i = 0; i < Math.min(show, failures.size()); i++) {
            Failure f = failures.get(i);
            out.println();
            out.printf("FAILED %s (%s %s)%s%n", f.vector().where(), f.vector().scheme(), f.vector().op(),
                    f.vector().comment().isEmpty() ? "" : ": " + f.vector().comment());
            out.println("  why:      " + f.verdict().reason());
            out.println("  request:  " + f.request());
            out.println("  expected: " + f.verdict().expected());
            out.println("  got:      " + (f.verdict().got() == null ? "(no response)" : f.verdict().got()));
        }
        if (failures.size() > show) {
            out.printf("%n... and %d more failures (--show N prints more)%n", failures.size() - show);
        }
    }

    /**
     * The results as JSON (for scripts/matrix and a port's own tooling): totals, cells, build
     * vectors run per builder, every failure in full, and one record per vector.
     */
    ObjectNode toJson() {
        ObjectNode root = Vectors.MAPPER.createObjectNode();
        root.put("implementation", implementation.name());
        ObjectNode totals = root.putObject("totals");
        totals.put("passed", count(Verdict.Outcome.PASSED));
        totals.put("divergentAsRecorded", count(Verdict.Outcome.DIVERGENT_AS_RECORDED));
        totals.put("acceptable", count(Verdict.Outcome.ACCEPTABLE));
        totals.put("failed", count(Verdict.Outcome.FAILED));
        totals.put("unsupported", count(Verdict.Outcome.UNSUPPORTED));
        ArrayNode cellArray = root.putArray("cells");
        for (Cell c : cells.values()) {
            ObjectNode o = cellArray.addObject();
            o.put("scheme", c.scheme);
            o.put("op", c.op);
            o.put("passed", c.passed);
            o.put("divergentAsRecorded", c.divergentAsRecorded);
            o.put("acceptable", c.acceptable);
            o.put("failed", c.failed);
            o.put("unsupported", c.unsupported);
            o.put("payloadPassed", c.payloadPassed);
            o.put("stringIdentical", c.stringIdentical);
            ObjectNode reasons = o.putObject("unsupportedReasons");
            c.unsupportedReasons.forEach(reasons::put);
        }
        ObjectNode perBuilder = root.putObject("builders");
        builders.forEach((builder, ran) -> perBuilder.putObject(builder).put("sent", ran[0]).put("ran", ran[1]));
        ArrayNode recordArray = root.putArray("records");
        for (Record r : records) {
            ObjectNode o = recordArray.addObject();
            o.put("id", r.vector().id());
            o.put("file", r.vector().file());
            o.put("scheme", r.vector().scheme());
            o.put("op", r.vector().op());
            o.put("builder", r.vector().builder());
            o.put("verdict", verdictName(r.verdict().outcome()));
            o.put("explanation", r.verdict().reason());
        }
        ArrayNode failureArray = root.putArray("failures");
        for (Failure f : failures) {
            ObjectNode o = failureArray.addObject();
            o.put("vector", f.vector().where());
            o.put("scheme", f.vector().scheme());
            o.put("op", f.vector().op());
            o.put("reason", f.verdict().reason());
            o.set("request", f.request());
            o.set("expected", f.verdict().expected());
            o.set("got", f.verdict().got());
        }
        return root;
    }

    /** The verdict as the JSON and JUnit reports spell it. */
    static String verdictName(Verdict.Outcome outcome) {
        return outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * JUnit XML: one test suite per vector file, one test case per vector; a failed vector is a
     * failure with the explanation, an unsupported one is skipped.
     */
    String toJUnit() {
        Map<String, List<Record>> byFile = new TreeMap<>();
        records.forEach(r -> byFile.computeIfAbsent(r.vector().file(), k -> new ArrayList<>()).add(r));
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuites name=\"").append(xml(implementation.name())).append("\" tests=\"").append(records.size())
                .append("\" failures=\"").append(count(Verdict.Outcome.FAILED)).append("\">\n");
        byFile.forEach((file, rs) -> {
            long failed = rs.stream().filter(r -> r.verdict().outcome() == Verdict.Outcome.FAILED).count();
            long skipped = rs.stream().filter(r -> r.verdict().outcome() == Verdict.Outcome.UNSUPPORTED).count();
            xml.append("  <testsuite name=\"").append(xml(file)).append("\" tests=\"").append(rs.size())
                    .append("\" failures=\"").append(failed).append("\" skipped=\"").append(skipped).append("\">\n");
            for (Record r : rs) {
                Vector v = r.vector();
                xml.append("    <testcase classname=\"").append(xml(file)).append("\" name=\"").append(xml(v.id()))
                        .append(v.comment().isEmpty() ? "" : ": " + xml(v.comment())).append('"');
                switch (r.verdict().outcome()) {
                    case FAILED -> xml.append(">\n      <failure message=\"").append(xml(r.verdict().reason())).append("\">")
                            .append(xml("expected: " + r.verdict().expected() + "\ngot: " + r.verdict().got()))
                            .append("</failure>\n    </testcase>\n");
                    case UNSUPPORTED -> xml.append(">\n      <skipped message=\"unsupported: ").append(xml(r.verdict().reason()))
                            .append("\"/>\n    </testcase>\n");
                    default -> xml.append("/>\n");
                }
            }
            xml.append("  </testsuite>\n");
        });
        return xml.append("</testsuites>\n").toString();
    }

    /** Text escaped for XML; characters XML 1.0 cannot carry become U+FFFD. */
    private static String xml(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
                    out.appendCodePoint(allowed ? c : 0xFFFD);
                }
            }
        });
        return out.toString();
    }

    /** Schemes in PROTOCOL.md order, then ops in protocol order; anything else after, by name. */
    private static int cellOrder(String a, String b) {
        String[] x = a.split(" ", 2);
        String[] y = b.split(" ", 2);
        Comparator<String> schemes = Comparator.comparingInt((String s) -> rank(Vectors.SCHEMES, s)).thenComparing(s -> s);
        Comparator<String> ops = Comparator.comparingInt((String s) -> rank(Vectors.OPS, s)).thenComparing(s -> s);
        int bySchemes = schemes.compare(x[0], y[0]);
        return bySchemes != 0 ? bySchemes : ops.compare(x[1], y[1]);
    }

    private static int rank(List<String> order, String s) {
        int i = order.indexOf(s);
        return i < 0 ? order.size() : i;
    }
}
