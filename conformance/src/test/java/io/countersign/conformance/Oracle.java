package io.countersign.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The official implementations the differential properties run as adapter processes, as
 * scripts/oracles/oracles.json lists them (the one list scripts/matrix and scripts/gen-vectors
 * read too): how to start one and whether it is installed. CI installs them
 * (scripts/setup-oracles) before mvn.
 */
enum Oracle {
    NODE("node"),
    PYTHON("python"),
    GO("go");

    final String source;
    final String command;
    final String install;
    private final JsonNode requires;

    Oracle(String key) {
        JsonNode entry = registryEntry(key);
        this.source = entry.get("name").textValue();
        this.command = entry.get("command").textValue();
        this.install = entry.get("install").textValue();
        this.requires = entry.get("requires");
    }

    /** Whether the files it needs exist and the programs it runs are on the PATH. */
    boolean installed(Path root) {
        for (JsonNode file : requires.get("files")) {
            if (!Files.exists(root.resolve(file.textValue()))) {
                return false;
            }
        }
        for (JsonNode program : requires.get("programs")) {
            if (!onPath(program.textValue())) {
                return false;
            }
        }
        return true;
    }

    /** The checkout's root (the pom passes it; the fallback is the parent of the module directory). */
    static Path root() {
        String root = System.getProperty("countersign.root");
        return (root != null ? Path.of(root) : Path.of("..")).toAbsolutePath().normalize();
    }

    /** Whether this run must have every oracle (CI=true), so a missing one fails instead of skipping. */
    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    String missing() {
        return "the " + source + " oracle is not installed: run " + install + " (or scripts/setup-oracles)";
    }

    /** A started adapter process; fails with a clear message when the oracle is not installed. */
    AdapterProcess start() throws IOException {
        if (!installed(root())) {
            throw new AssertionError(missing() + (required() ? "; CI=true requires every oracle" : ""));
        }
        AdapterProcess process = new AdapterProcess(command, root(), Duration.ofSeconds(10), Duration.ofSeconds(120));
        process.start();
        return process;
    }

    private static JsonNode registryEntry(String key) {
        try {
            JsonNode registry = new ObjectMapper().readTree(root().resolve("scripts/oracles/oracles.json").toFile());
            for (JsonNode o : registry.get("oracles")) {
                if (o.get("key").textValue().equals(key)) {
                    return o;
                }
            }
            throw new IllegalStateException("scripts/oracles/oracles.json has no oracle \"" + key + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
