package io.countersign.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner's caps on an adapter process: give-up rule, line length, process-group kill. */
class AdapterProcessTest {
    /** Answers every line whose op is not "hang" with {"id":...,"ok":true}; says nothing to "hang". */
    private static final String ANSWER = """
            answer() { [[ $1 =~ \\"id\\":\\"([^\\"]*)\\" ]] && echo "{\\"id\\":\\"${BASH_REMATCH[1]}\\",\\"ok\\":true}"; }
            """;

    @TempDir
    Path dir;

    @Test
    void shouldGiveUpOnAnAdapterThatAnswersHelloThenHangs() throws IOException {
        Path script = toy(ANSWER + """
                read -r line; answer "$line"
                while read -r line; do :; done
                """);
        try (AdapterProcess p = new AdapterProcess("bash " + script, dir, Duration.ofSeconds(1), Duration.ofSeconds(10))) {
            p.start();
            for (int i = 1; i < AdapterProcess.MAX_CONSECUTIVE_FAILURES; i++) {
                String why = p.call(request(p, "verify")).failure();
                assertTrue(why.contains("no response within 1.0 s"), why);
            }
            String last = p.call(request(p, "verify")).failure();
            assertTrue(last.startsWith("gave up on the adapter after " + AdapterProcess.MAX_CONSECUTIVE_FAILURES
                    + " failed requests in a row"), last);

            // From now on every request fails at once, without another start.
            int starts = p.starts();
            for (int i = 0; i < 100; i++) {
                assertEquals(p.gaveUp(), p.call(request(p, "verify")).failure());
            }
            assertEquals(starts, p.starts());
        }
    }

    @Test
    void shouldGiveUpWhenRestartsNeverAnswerHello() throws IOException {
        // The first process answers hello and exits; every later one hangs before hello.
        Path started = dir.resolve("started");
        Path script = toy(ANSWER + """
                if [ -e started ]; then while read -r line; do :; done; fi
                touch started
                read -r line; answer "$line"
                exit 0
                """);
        try (AdapterProcess p = new AdapterProcess("bash " + script, dir, Duration.ofSeconds(1), Duration.ofSeconds(10))) {
            p.start();
            assertTrue(Files.exists(started));
            String why = "";
            for (int i = 0; i < AdapterProcess.MAX_CONSECUTIVE_FAILURES; i++) {
                why = p.call(request(p, "verify")).failure();
            }
            assertTrue(why.startsWith("gave up on the adapter"), why);
            assertTrue(why.contains("could not be restarted"), why);
            // The first start, then at most one per failed request (the first may find it exiting).
            int starts = p.starts();
            assertTrue(starts <= 1 + AdapterProcess.MAX_CONSECUTIVE_FAILURES, "started " + starts + " times");
            p.call(request(p, "verify"));
            assertEquals(starts, p.starts());
        }
    }

    @Test
    void shouldCountOnlyFailuresInARow() throws IOException {
        Path script = toy(ANSWER + """
                while read -r line; do [[ $line == *'"op":"hang"'* ]] || answer "$line"; done
                """);
        try (AdapterProcess p = new AdapterProcess("bash " + script, dir, Duration.ofSeconds(1), Duration.ofSeconds(10))) {
            p.start();
            for (int i = 1; i < AdapterProcess.MAX_CONSECUTIVE_FAILURES; i++) {
                assertTrue(p.call(request(p, "hang")).failed());
            }
            assertFalse(p.call(request(p, "verify")).failed());
            assertTrue(p.call(request(p, "hang")).failed());
            assertNull(p.gaveUp());
            assertFalse(p.call(request(p, "verify")).failed());
        }
    }

    @Test
    void shouldKillAnAdapterThatWritesWithoutANewline() throws IOException {
        Path script = toy(ANSWER + """
                read -r line; answer "$line"
                read -r line
                yes | tr -d '\\n'
                """);
        int limit = 1 << 20;
        try (AdapterProcess p = new AdapterProcess("bash " + script, dir, Duration.ofSeconds(60), Duration.ofSeconds(10), limit)) {
            p.start();
            String why = p.call(request(p, "verify")).failure();
            assertTrue(why.contains("longer than " + limit + " characters"), why);
        }
    }

    @Test
    void shouldKillChildrenThatOutliveTheAdapterProcess() throws Exception {
        // A double fork: the sleep's parent exits at once, so the sleep is no descendant of the
        // adapter any more, only a member of its process group.
        Path pidFile = dir.resolve("child.pid");
        Path script = toy(ANSWER + """
                ( sleep 300 >/dev/null 2>&1 & echo $! > child.pid )
                read -r line; answer "$line"
                while read -r line; do :; done
                """);
        try (AdapterProcess p = new AdapterProcess("bash " + script, dir, Duration.ofSeconds(1), Duration.ofSeconds(10))) {
            p.start();
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            Optional<ProcessHandle> child = ProcessHandle.of(pid);
            assertTrue(child.isPresent() && child.get().isAlive(), "the forked child runs");

            assertTrue(p.call(request(p, "verify")).failed());

            child.get().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertFalse(child.get().isAlive(), "the forked child was killed with the adapter");
        }
    }

    private Path toy(String body) throws IOException {
        Path script = dir.resolve("toy.sh");
        Files.writeString(script, body);
        return script;
    }

    private static ObjectNode request(AdapterProcess p, String op) {
        ObjectNode request = Vectors.MAPPER.createObjectNode();
        request.put("id", p.nextId());
        request.put("op", op);
        return request;
    }
}
