package io.countersign.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One long-lived adapter process (PROTOCOL.md "Transport"), started with {@code bash -c <command>}.
 * Each call writes one line and waits for one line, up to a timeout. A crash, a hang or a reply
 * that is not a JSON object fails that call only: the process (and its children) is killed, and
 * the next call starts a fresh one and says {@code hello} again. Not thread-safe.
 */
public final class AdapterProcess implements Transport, AutoCloseable {
    /** Marks the end of the adapter's stdout in the line queue. */
    private static final String EOF = new String("<eof>");
    private static final int STDERR_LINES = 20;

    private final String command;
    private final Path directory;
    private final Duration timeout;
    private final Duration startTimeout;
    private final Deque<String> stderrTail = new ArrayDeque<>();

    private Process process;
    private Writer stdin;
    private BlockingQueue<String> stdout;
    private Thread stderrReader;
    private JsonNode hello;
    private int starts;
    private long nextId;

    /**
     * @param command      a shell command line, e.g. {@code node scripts/oracles/node/adapter.js}
     * @param directory    its working directory
     * @param timeout      how long one request may take
     * @param startTimeout how long the first {@code hello} may take (an adapter may build itself first)
     */
    public AdapterProcess(String command, Path directory, Duration timeout, Duration startTimeout) {
        this.command = command;
        this.directory = directory;
        this.timeout = timeout;
        this.startTimeout = startTimeout;
    }

    /** Starts the process if it is not running and returns its {@code hello} response. */
    public JsonNode start() throws IOException {
        if (isRunning()) {
            return hello;
        }
        kill();
        synchronized (stderrTail) {
            stderrTail.clear();
        }
        ProcessBuilder pb = new ProcessBuilder(List.of("bash", "-c", command)).directory(directory.toFile());
        process = pb.start();
        starts++;
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        stdout = lines;
        Process p = process;
        daemon("adapter-stdout", () -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // The process went away; EOF below says so.
            }
            lines.add(EOF);
        });
        stderrReader = daemon("adapter-stderr", () -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    synchronized (stderrTail) {
                        if (stderrTail.size() == STDERR_LINES) {
                            stderrTail.removeFirst();
                        }
                        stderrTail.addLast(line);
                    }
                }
            } catch (IOException e) {
                // Nothing more to keep.
            }
        });
        ObjectNode request = Vectors.MAPPER.createObjectNode();
        request.put("id", "hello-" + starts);
        request.put("op", "hello");
        Reply reply = exchange(request, startTimeout);
        if (reply.failed()) {
            throw new IOException("adapter did not answer hello: " + reply.failure());
        }
        if (!reply.response().path("ok").asBoolean(false)) {
            kill();
            throw new IOException("adapter answered hello with an error: " + reply.response());
        }
        hello = reply.response();
        return hello;
    }

    /** The last {@code hello} response, or null before the first start. */
    public JsonNode hello() {
        return hello;
    }

    /** How many times the process was started (1 + restarts). */
    public int starts() {
        return starts;
    }

    /** A fresh request id, unique within this process's life. */
    public String nextId() {
        return "r" + (++nextId);
    }

    @Override
    public Reply call(ObjectNode request) {
        if (!isRunning()) {
            try {
                start();
            } catch (IOException e) {
                return Reply.failed("the adapter could not be restarted: " + e.getMessage());
            }
        }
        return exchange(request, timeout);
    }

    private Reply exchange(ObjectNode request, Duration limit) {
        String id = request.path("id").asText();
        try {
            stdin.write(request.toString());
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            return died("the adapter's stdin closed (" + e.getMessage() + ")");
        }
        String line;
        try {
            line = stdout.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            return Reply.failed("interrupted while waiting for the adapter");
        }
        if (line == null) {
            kill();
            return Reply.failed("no response within " + limit.toMillis() / 1000.0 + " s; the adapter was killed"
                    + stderrNote());
        }
        if (line == EOF) {
            return died("the adapter exited before answering");
        }
        JsonNode response;
        try {
            response = Vectors.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            response = null;
        }
        if (response == null || !response.isObject()) {
            // Its stdout is out of step with our requests now; start afresh.
            kill();
            return Reply.failed("the response line is not a JSON object: " + abbreviate(line) + "; the adapter was restarted");
        }
        if (!id.equals(response.path("id").asText(null))) {
            kill();
            return Reply.failed("the response has id " + response.get("id") + ", the request had \"" + id
                    + "\"; the adapter was restarted");
        }
        return Reply.of(response);
    }

    private Reply died(String what) {
        Integer status = null;
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                status = process.exitValue();
                // Its last stderr lines may still be on their way to the reader thread.
                stderrReader.join(TimeUnit.SECONDS.toMillis(2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
        return Reply.failed(what + (status == null ? "" : " (exit status " + status + ")") + stderrNote());
    }

    private String stderrNote() {
        synchronized (stderrTail) {
            return stderrTail.isEmpty() ? "" : "; its stderr ended with: " + String.join(" | ", stderrTail);
        }
    }

    private boolean isRunning() {
        return process != null && process.isAlive() && hello != null;
    }

    /** Kills the process and everything it started (bash -c may leave the adapter as a child). */
    private void kill() {
        if (process == null) {
            return;
        }
        Process p = process;
        process = null;
        hello = null;
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes stdin so the adapter exits 0 (PROTOCOL.md), then kills whatever is still running. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        try {
            stdin.close();
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // Already gone.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
