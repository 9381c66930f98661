package io.countersign.conformance;

import io.countersign.codec.Version;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs golden vectors against one adapter process (PROTOCOL.md) and prints the matrix: passed /
 * failed / unsupported per scheme and op, and per builder how many vectors the adapter ran.
 * The vectors come from the jar itself unless files or a directory are named.
 *
 * <p>Exit status: 0 when no vector failed ("unsupported" is not a failure), 1 when some vector
 * failed, 2 when it could not run (a bad option, a bad vector file, no vector selected, an
 * adapter that never answered hello).
 */
@Command(name = "countersign-conformance", mixinStandardHelpOptions = true,
        versionProvider = Runner.VersionProvider.class,
        description = "Checks a token implementation's adapter against the golden vectors.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:no vector failed (unsupported is not a failure)", "1:some vector failed",
                "2:could not run: bad option, bad vector file, no vector selected, or no hello from the adapter"})
public final class Runner implements Callable<Integer> {
    /** The version of conformance/PROTOCOL.md this runner speaks. */
    static final String PROTOCOL_VERSION = "1.1";

    /** {@code --version}: the release the build wrote into core, and the protocol version it speaks. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"countersign-conformance " + Version.current() + " (adapter protocol " + PROTOCOL_VERSION + ")"};
        }
    }

    @Option(names = "--adapter", required = true, paramLabel = "COMMAND",
            description = "The adapter's command line, run once with bash -c and kept running.")
    String adapter;

    @Option(names = "--name", paramLabel = "NAME",
            description = "The implementation's name as vectors' \"sources\" spell it (default: what hello says).")
    String name;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the results as JSON: totals, cells, per-builder counts and one record per vector.")
    Path json;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML: one test case per vector.")
    Path junit;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long one request may take before the adapter counts as hung (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--start-timeout", paramLabel = "SECONDS", defaultValue = "180",
            description = "How long the first hello may take; an adapter may build itself first (default: ${DEFAULT-VALUE}).")
    double startTimeoutSeconds;

    @Option(names = "--show", paramLabel = "N", defaultValue = "10", description = "Failures to spell out (default: ${DEFAULT-VALUE}).")
    int show;

    @Option(names = "--vectors", paramLabel = "DIR",
            description = "Read DIR/*.jsonl instead of the vectors inside this jar.")
    Path vectorDir;

    @Option(names = "--root", paramLabel = "DIR", hidden = true,
            description = "A countersign checkout: the same as --vectors DIR/vectors (kept for older scripts).")
    Path root;

    @Option(names = "--scheme", split = ",", paramLabel = "SCHEME", description = "Only these schemes (007, 006, 005, signaling, netless).")
    List<String> schemes = new ArrayList<>();

    @Option(names = "--op", split = ",", paramLabel = "OP", description = "Only these ops (build, encode, decode, verify).")
    List<String> ops = new ArrayList<>();

    @Option(names = "--builder", split = ",", paramLabel = "BUILDER",
            description = "Only build vectors of these builders (RtcTokenBuilder2.buildTokenWithUid; a glob like RtcTokenBuilder2.* works).")
    List<String> builders = new ArrayList<>();

    @Option(names = "--id", split = ",", paramLabel = "GLOB", description = "Only vectors whose id matches (007-build-00*).")
    List<String> ids = new ArrayList<>();

    @Option(names = "--flag", split = ",", paramLabel = "FLAG", description = "Only vectors with one of these flags (Baseline).")
    List<String> flags = new ArrayList<>();

    @Parameters(paramLabel = "VECTORS", arity = "0..*", description = "Vector files (default: the vectors inside this jar).")
    List<Path> files = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Not API (the command line is): options stay unset until picocli parses a command line into them. */
    Runner() {
    }

    /**
     * Runs the selected vectors against the adapter and exits with the status above;
     * {@code --help} lists every option.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new Runner()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Vector> all;
        String from;
        try {
            if (!files.isEmpty()) {
                all = Vectors.read(files);
                from = String.join(", ", files.stream().map(Path::toString).toList());
            } else if (vectorDir != null) {
                all = Vectors.read(Vectors.filesIn(vectorDir));
                from = vectorDir + "/*.jsonl";
            } else if (root != null) {
                all = Vectors.read(Vectors.defaultFiles(root));
                from = "vectors/*.jsonl";
            } else {
                all = Vectors.bundled();
                from = "the vectors inside the runner";
            }
        } catch (IOException e) {
            err.println("conformance: " + e.getMessage());
            return 2;
        }
        List<Vector> vectors = all.stream().filter(this::selected).toList();
        if (vectors.isEmpty()) {
            err.println("conformance: no vectors selected (" + all.size() + " read from " + from + ")");
            return 2;
        }
        Results results;
        try (AdapterProcess process = new AdapterProcess(adapter, Path.of("").toAbsolutePath(),
                seconds(timeoutSeconds), seconds(startTimeoutSeconds))) {
            JsonNode hello;
            try {
                hello = process.start();
            } catch (IOException e) {
                err.println("conformance: " + e.getMessage());
                return 2;
            }
            Identity identity = Identity.of(name, hello.path("implementation").asText(null));
            out.printf("%s (%s): %d vectors%s from %s%n", identity.name(), adapter, vectors.size(),
                    vectors.size() == all.size() ? "" : " of " + all.size(), from);
            out.flush();
            results = run(vectors, process, process::nextId, identity, new Progress(err, vectors.size()));
            if (process.starts() > 1) {
                out.printf("the adapter was restarted %d times%n", process.starts() - 1);
            }
        }
        results.print(out, show);
        out.flush();
        if (json != null) {
            ObjectNode doc = results.toJson();
            doc.put("command", adapter);
            doc.put("vectors", vectors.size());
            doc.put("vectorsFrom", from);
            doc.put("vectorFiles", vectors.stream().map(Vector::file).distinct().count());
            Vectors.MAPPER.writerWithDefaultPrettyPrinter().writeValue(createParent(json).toFile(), doc);
        }
        if (junit != null) {
            Files.writeString(createParent(junit), results.toJUnit(), StandardCharsets.UTF_8);
        }
        return results.count(Verdict.Outcome.FAILED) == 0 ? 0 : 1;
    }

    /** Whether {@code v} passes every filter given (values of one filter are alternatives). */
    boolean selected(Vector v) {
        return (schemes.isEmpty() || schemes.contains(v.scheme()))
                && (ops.isEmpty() || ops.contains(v.op()))
                && (builders.isEmpty() || builders.stream().anyMatch(b -> glob(b, v.builder())))
                && (ids.isEmpty() || ids.stream().anyMatch(g -> glob(g, v.id())))
                && (flags.isEmpty() || v.flags().stream().anyMatch(flags::contains));
    }

    /** Whether {@code text} matches {@code glob}, where * is any run of characters and ? one character. */
    static boolean glob(String glob, String text) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.matches(regex.toString(), text);
    }

    private static Path createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return file;
    }

    /** Progress on stderr, at most every two seconds, so a long run shows it is alive. */
    static final class Progress {
        private final PrintWriter err;
        private final int total;
        private final long start = System.nanoTime();
        private long last = start;

        Progress(PrintWriter err, int total) {
            this.err = err;
            this.total = total;
        }

        void done(int n, int failed) {
            long now = System.nanoTime();
            if (now - last >= 2_000_000_000L && n < total) {
                last = now;
                err.printf("conformance: %d/%d vectors, %d failed, %d s%n", n, total, failed, (now - start) / 1_000_000_000L);
                err.flush();
            }
        }
    }

    /** Runs every vector through {@code transport}, each request with a fresh id from {@code ids}. */
    static Results run(List<Vector> vectors, Transport transport, Supplier<String> ids, Identity identity) {
        return run(vectors, transport, ids, identity, null);
    }

    static Results run(List<Vector> vectors, Transport transport, Supplier<String> ids, Identity identity, Progress progress) {
        Results results = new Results(identity);
        int n = 0;
        for (Vector v : vectors) {
            ObjectNode request = request(v, ids.get());
            results.add(v, request, check(v, request, transport, identity));
            if (progress != null) {
                progress.done(++n, results.count(Verdict.Outcome.FAILED));
            }
        }
        return results;
    }

    /** The vector's request with {@code id} in place of whatever id it carries. */
    static ObjectNode request(Vector v, String id) {
        ObjectNode request = Vectors.MAPPER.createObjectNode();
        request.put("id", id);
        v.request().fields().forEachRemaining(f -> {
            if (!f.getKey().equals("id")) {
                request.set(f.getKey(), f.getValue().deepCopy());
            }
        });
        return request;
    }

    /** Sends one vector's request and judges the reply. */
    static Verdict check(Vector v, ObjectNode request, Transport transport, Identity identity) {
        Transport.Reply reply = transport.call(request);
        if (reply.failed()) {
            return Comparison.noResponse(v, reply.failure());
        }
        return Comparison.judge(v, reply.response(), identity);
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis((long) (s * 1000));
    }
}
