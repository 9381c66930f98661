package io.countersign.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
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
 * One long-lived adapter process (PROTOCOL.md "Transport"), started with {@code bash -c <command>}
 * in a process group of its own. Each call writes one line and waits for one line, up to a
 * timeout. A crash, a hang, a line longer than {@link #MAX_LINE_CHARS} or a reply that is not a
 * JSON object fails that call only: the whole process group is killed (forked children too), and
 * the next call starts a fresh one and says {@code hello} again. After
 * {@link #MAX_CONSECUTIVE_FAILURES} failed calls in a row the runner gives up on the adapter:
 * every later call fails at once, so a broken adapter costs seconds, not a timeout per vector.
 * Not thread-safe.
 */
final class AdapterProcess implements Transport, AutoCloseable {
    /** Longest response line read (a decoded token's content is a few KB); beyond it the adapter is killed. */
    static final int MAX_LINE_CHARS = 4 << 20;
    /** Failed calls in a row (hangs, crashes, garbage, failed restarts) after which the adapter is given up. */
    static final int MAX_CONSECUTIVE_FAILURES = 5;

    /** Marks the end of the adapter's stdout in the line queue. */
    private static final String EOF = new String("<eof>");
    /** Marks a line cut off at the length limit. */
    private static final String TOO_LONG = new String("<too long>");
    private static final int STDERR_LINES = 20;
    private static final int STDERR_LINE_CHARS = 500;
    /** setsid gives the adapter its own process group, so that killing the group reaches every child. */
    private static final boolean SETSID = new java.io.File("/usr/bin/setsid").canExecute();

    private final String command;
    private final Path directory;
    private final Duration timeout;
    private final Duration startTimeout;
    private final int maxLineChars;
    private final Deque<String> stderrTail = new ArrayDeque<>();

    private Process process;
    private Writer stdin;
    private BlockingQueue<String> stdout;
    private Thread stderrReader;
    private JsonNode hello;
    private int starts;
    private long nextId;
    private int consecutiveFailures;
    private String gaveUp;

    /**
     * @param command      a shell command line, e.g. {@code node scripts/oracles/node/adapter.js}
     * @param directory    its working directory
     * @param timeout      how long one request may take
     * @param startTimeout how long the first {@code hello} may take (an adapter may build itself first;
     *                     a restart's {@code hello} gets {@code timeout})
     */
    AdapterProcess(String command, Path directory, Duration timeout, Duration startTimeout) {
        this(command, directory, timeout, startTimeout, MAX_LINE_CHARS);
    }

    AdapterProcess(String command, Path directory, Duration timeout, Duration startTimeout, int maxLineChars) {
        this.command = command;
        this.directory = directory;
        this.timeout = timeout;
        this.startTimeout = startTimeout;
        this.maxLineChars = maxLineChars;
    }

    /** Starts the process if it is not running and returns its {@code hello} response. */
    JsonNode start() throws IOException {
        if (isRunning()) {
            return hello;
        }
        kill();
        synchronized (stderrTail) {
            stderrTail.clear();
        }
        List<String> argv = SETSID ? List.of("/usr/bin/setsid", "bash", "-c", command) : List.of("bash", "-c", command);
        process = new ProcessBuilder(argv).directory(directory.toFile()).start();
        starts++;
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        stdout = lines;
        Process p = process;
        int limit = maxLineChars;
        daemon("adapter-stdout", () -> {
            try (Reader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = readLine(r, limit); line != null; line = readLine(r, limit)) {
                    lines.add(line);
                    if (line == TOO_LONG) {
                        return; // the adapter is killed for it; nothing after it is in step
                    }
                }
            } catch (IOException e) {
                // The process went away; EOF below says so.
            }
            lines.add(EOF);
        });
        stderrReader = daemon("adapter-stderr", () -> {
            try (Reader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = readLine(r, STDERR_LINE_CHARS); line != null; line = readLine(r, STDERR_LINE_CHARS)) {
                    if (line == TOO_LONG) {
                        line = "(a line of more than " + STDERR_LINE_CHARS + " characters)";
                        skipLine(r);
                    }
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
        // Only the first start may take long (an adapter may build itself); a restart is a restart.
        Reply reply = exchange(request, starts == 1 ? startTimeout : timeout);
        if (reply.failed()) {
            kill();
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
    JsonNode hello() {
        return hello;
    }

    /** How many times the process was started (1 + restarts). */
    int starts() {
        return starts;
    }

    /** A fresh request id, unique within this process's life. */
    String nextId() {
        return "r" + (++nextId);
    }

    /** Why the adapter was given up, or null while it is still in use. */
    String gaveUp() {
        return gaveUp;
    }

    @Override
    public Reply call(ObjectNode request) {
        if (gaveUp != null) {
            return Reply.failed(gaveUp);
        }
        if (!isRunning()) {
            try {
                start();
            } catch (IOException e) {
                return counted(Reply.failed("the adapter could not be restarted: " + e.getMessage()));
            }
        }
        return counted(exchange(request, timeout));
    }

    private Reply counted(Reply reply) {
        if (!reply.failed()) {
            consecutiveFailures = 0;
            return reply;
        }
        if (++consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
            gaveUp = "gave up on the adapter after " + consecutiveFailures + " failed requests in a row, the last: "
                    + reply.failure();
            kill();
            return Reply.failed(gaveUp);
        }
        return reply;
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
        if (line == TOO_LONG) {
            kill();
            return Reply.failed("the response line is longer than " + maxLineChars + " characters; the adapter was killed");
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

    /**
     * Kills the process and everything it started: its process group (which holds children that
     * outlived their parent) and any descendant that left the group.
     */
    private void kill() {
        if (process == null) {
            return;
        }
        Process p = process;
        process = null;
        hello = null;
        if (SETSID) {
            try {
                new ProcessBuilder("kill", "-KILL", "--", "-" + p.pid()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
            } catch (IOException e) {
                // No kill(1): the descendants below are all we can reach.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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

    /** One line without its terminator, {@link #TOO_LONG} past {@code limit} characters, null at the end. */
    private static String readLine(Reader r, int limit) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = r.read(); c != -1; c = r.read()) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() == limit) {
                return TOO_LONG;
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }

    private static void skipLine(Reader r) throws IOException {
        for (int c = r.read(); c != -1 && c != '\n'; c = r.read()) {
            // discard
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
