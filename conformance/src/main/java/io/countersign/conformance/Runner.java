package io.countersign.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Runs golden vectors against one adapter process (PROTOCOL.md) and prints the matrix:
 * passed / failed / unsupported per scheme and op. Exit status 0 when nothing failed, 1 when
 * some vector failed (unsupported is not a failure), 2 when it could not run at all.
 */
@Command(name = "conformance", mixinStandardHelpOptions = true, version = "countersign conformance runner, protocol 1",
        description = "Checks a token implementation's adapter against the golden vectors.")
public final class Runner implements Callable<Integer> {
    @Option(names = "--adapter", required = true, paramLabel = "COMMAND",
            description = "The adapter's command line, run once with bash -c and kept running.")
    String adapter;

    @Option(names = "--name", paramLabel = "NAME",
            description = "The implementation's name as vectors' \"sources\" spell it (default: what hello says).")
    String name;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON (for scripts/matrix).")
    Path json;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long one request may take before the adapter counts as hung (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--start-timeout", paramLabel = "SECONDS", defaultValue = "180",
            description = "How long the first hello may take; an adapter may build itself first (default: ${DEFAULT-VALUE}).")
    double startTimeoutSeconds;

    @Option(names = "--show", paramLabel = "N", defaultValue = "10", description = "Failures to spell out (default: ${DEFAULT-VALUE}).")
    int show;

    @Option(names = "--root", paramLabel = "DIR", defaultValue = ".",
            description = "The countersign checkout, whose vectors/*.jsonl are the default vectors.")
    Path root;

    @Parameters(paramLabel = "VECTORS", arity = "0..*", description = "Vector files (default: ROOT/vectors/*.jsonl).")
    List<Path> files = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Runner()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> paths = files.isEmpty() ? Vectors.defaultFiles(root) : files;
        List<Vector> vectors;
        try {
            vectors = Vectors.read(paths);
        } catch (IOException e) {
            err.println("conformance: " + e.getMessage());
            return 2;
        }
        if (vectors.isEmpty()) {
            err.println("conformance: no vectors in " + (files.isEmpty() ? root.resolve("vectors") + "/*.jsonl" : paths));
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
            out.printf("%s (%s): %d vectors from %d files%n", identity.name(), adapter, vectors.size(), paths.size());
            out.flush();
            results = run(vectors, process, process::nextId, identity);
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
            doc.put("vectorsFrom", files.isEmpty() ? "vectors/*.jsonl" : String.join(", ", paths.stream().map(Path::toString).toList()));
            doc.put("vectorFiles", paths.size());
            if (json.toAbsolutePath().getParent() != null) {
                Files.createDirectories(json.toAbsolutePath().getParent());
            }
            Vectors.MAPPER.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), doc);
        }
        return results.count(Verdict.Outcome.FAILED) == 0 ? 0 : 1;
    }

    /** Runs every vector through {@code transport}, each request with a fresh id from {@code ids}. */
    public static Results run(List<Vector> vectors, Transport transport, Supplier<String> ids, Identity identity) {
        Results results = new Results(identity);
        for (Vector v : vectors) {
            ObjectNode request = request(v, ids.get());
            results.add(v, request, check(v, request, transport, identity));
        }
        return results;
    }

    /** The vector's request with {@code id} in place of whatever id it carries. */
    public static ObjectNode request(Vector v, String id) {
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
    public static Verdict check(Vector v, ObjectNode request, Transport transport, Identity identity) {
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
