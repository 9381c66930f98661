package io.countersign.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The official implementations we run as adapter processes (scripts/oracles/*), how to start
 * one, and whether it is installed. CI installs them (scripts/setup-oracles) before mvn.
 */
enum Oracle {
    NODE("official-node agora-token 2.0.6", "node scripts/oracles/node/adapter.js", "scripts/oracles/node/install.sh") {
        @Override
        boolean installed(Path root) {
            return Files.isRegularFile(root.resolve("scripts/oracles/node/node_modules/.countersign-lock.sha256"))
                    && onPath("node");
        }
    },
    PYTHON("official-python agoraiotools 0.3.4", "scripts/oracles/python/run", "scripts/oracles/python/install.sh") {
        @Override
        boolean installed(Path root) {
            return Files.isExecutable(root.resolve(".oracles/python-venv/bin/python"))
                    && Files.isRegularFile(root.resolve(".oracles/python-venv/.countersign-requirements.sha256"));
        }
    },
    GO("official-go go-tokenbuilder v1.5.0", "scripts/oracles/go/run", "scripts/oracles/go/install.sh") {
        @Override
        boolean installed(Path root) {
            // run rebuilds the binary when main.go is newer, which needs go itself.
            return Files.isExecutable(root.resolve(".oracles/go-adapter")) && onPath("go");
        }
    };

    final String source;
    final String command;
    final String install;

    Oracle(String source, String command, String install) {
        this.source = source;
        this.command = command;
        this.install = install;
    }

    abstract boolean installed(Path root);

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
    AdapterProcess start() throws java.io.IOException {
        if (!installed(root())) {
            throw new AssertionError(missing() + (required() ? "; CI=true requires every oracle" : ""));
        }
        AdapterProcess process = new AdapterProcess(command, root(), Duration.ofSeconds(10), Duration.ofSeconds(120));
        process.start();
        return process;
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
