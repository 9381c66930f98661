package io.countersign.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.countersign.doctor.CheckResult;
import io.countersign.doctor.Expectations;
import io.countersign.doctor.TokenDoctor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.countersign.server.Fixtures.APP_ID;
import static io.countersign.server.Fixtures.CERT;
import static io.countersign.server.Fixtures.NETLESS_AK;
import static io.countersign.server.Fixtures.NETLESS_SK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The server's container image, built and run here as far as a machine without a container
 * runtime can: {@code server/image/assemble} lays out the image's {@code /opt/countersign} under a
 * temporary directory standing for the image's root, and the server starts from it with the
 * Dockerfile's own ENTRYPOINT, CMD, USER and HEALTHCHECK, read from {@code server/Dockerfile} (image
 * paths moved under that root), as the app user when this runs as root, with the App Certificate
 * and API keys from mounted files and the Netless SK from the environment. Runs after package.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImageLayoutIT {
    /** Modules jdeps lists that the image leaves out; server/image/assemble says why for each. */
    private static final Set<String> LEFT_OUT = Set.of("java.desktop", "java.sql", "java.xml", "java.management",
            "java.naming", "java.security.jgss");
    private static final String API_KEY = "image-test-api-key";
    private static final boolean CI = "true".equals(System.getenv("CI"));

    private static Path repo;
    private static Dockerfile dockerfile;
    private static Path root;
    private static Path app;
    private static List<String> asAppUser;
    private static Map<String, String> env;
    private static int port;
    private static Process server;
    private static Path serverLog;
    private static long startMillis;

    @BeforeAll
    static void assembleAndStart() throws Exception {
        repo = Path.of(System.getProperty("countersign.root", "..")).toAbsolutePath().normalize();
        dockerfile = Dockerfile.parse(repo.resolve("server/Dockerfile"));
        canDo(System.getProperty("os.name").startsWith("Linux"), "the image is Linux; this is " + System.getProperty("os.name"));
        canDo(Files.isDirectory(Path.of(System.getProperty("java.home"), "jmods")),
                "jlink needs the JDK's jmods (Debian: openjdk-17-jdk-headless), missing in " + System.getProperty("java.home"));
        boolean isRoot = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
        String[] user = dockerfile.user().split(":");
        if (isRoot) {
            canDo(Files.isExecutable(Path.of("/usr/bin/setpriv")), "running as the app user needs setpriv (util-linux)");
            asAppUser = List.of("/usr/bin/setpriv", "--reuid=" + user[0], "--regid=" + user[1], "--clear-groups", "--");
        } else {
            // Not root: the server runs as this user; the files are read-only for their owner too.
            asAppUser = List.of();
        }

        root = Files.createTempDirectory("countersign-image");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        app = inRoot(dockerfile.assembleTarget());
        ProcessBuilder assembling = new ProcessBuilder(repo.resolve("server/image/assemble").toString(), app.toString())
                .directory(repo.toFile()).redirectErrorStream(true).redirectOutput(root.resolve("assemble.log").toFile());
        // jlink from this JDK, the one the jar was built and tested with.
        assembling.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process assemble = assembling.start();
        assemble.getOutputStream().close();
        assertTrue(assemble.waitFor(5, TimeUnit.MINUTES), "assemble should finish");
        assertEquals(0, assemble.exitValue(), Files.readString(root.resolve("assemble.log")));

        // Secret files as a compose bind mount brings them when set up as documented: the app user's, mode 0400.
        Path secrets = Files.createDirectories(inRoot("/run/secrets"));
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path certificate = Files.writeString(secrets.resolve("agora-app-certificate"), CERT + "\n");
        Path keys = Files.writeString(secrets.resolve("countersign-api-keys"), "# one a line\n" + API_KEY + "\n");
        for (Path secret : List.of(certificate, keys)) {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("r--------"));
            if (isRoot) {
                Files.setAttribute(secret, "unix:uid", Integer.parseInt(user[0]));
                Files.setAttribute(secret, "unix:gid", Integer.parseInt(user[1]));
            }
        }
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("COUNTERSIGN_PORT", Integer.toString(port));
        env.put("AGORA_APP_ID", APP_ID);
        env.put("AGORA_APP_CERTIFICATE_FILE", certificate.toString());
        env.put("COUNTERSIGN_API_KEYS_FILE", keys.toString());
        env.put("NETLESS_AK", NETLESS_AK);
        env.put("NETLESS_SK", NETLESS_SK);

        serverLog = root.resolve("server.log");
        startMillis = System.nanoTime() / 1_000_000;
        server = start(dockerfile.startCommand(), serverLog);
        Duration startup = awaitHealthy(Duration.ofSeconds(60));
        System.out.printf("ImageLayoutIT: %d MB laid out, healthy %d ms after exec%n", sizeMb(app), startup.toMillis());
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (server != null && server.isAlive()) {
            server.destroyForcibly();
        }
        if (root != null) {
            // The layout's directories are read-only even for their owner: open them first.
            try (Stream<Path> all = Files.walk(root)) {
                all.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).forEach(p -> p.toFile().setWritable(true, true));
            }
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    @Order(1)
    void shouldHoldOnlyTheRuntimeAndTheJarReadOnlyForTheAppUser() throws Exception {
        try (Stream<Path> entries = Files.list(app)) {
            assertEquals(Set.of("runtime", "countersign-server.jar"),
                    entries.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
        List<String> writable = new ArrayList<>();
        try (Stream<Path> all = Files.walk(app)) {
            for (Path p : all.toList()) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                if (perms.contains(PosixFilePermission.OWNER_WRITE) || perms.contains(PosixFilePermission.GROUP_WRITE)
                        || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                    writable.add(app.relativize(p) + " " + PosixFilePermissions.toString(perms));
                }
                if (!asAppUser.isEmpty()) {
                    assertEquals(0, Files.getAttribute(p, "unix:uid"), p + " should belong to root");
                }
            }
        }
        assertTrue(writable.isEmpty(), "no write permission for anyone, but " + writable.size() + " have it: "
                + writable.subList(0, Math.min(5, writable.size())));
        // The kernel's own answer, asked as the app user: access(2) for writing, on every file and directory.
        Run found = run(command(asAppUser, List.of("/usr/bin/find", app.toString(), "-writable")));
        assertEquals(0, found.status(), found.output());
        assertEquals("", found.output(), "the app user can write these");
        Run touch = run(command(asAppUser, List.of("/usr/bin/touch", app.resolve("countersign-server.jar").toString())));
        assertFalse(touch.status() == 0, "the app user changed the jar");
    }

    @Test
    @Order(2)
    void shouldBeHealthyByTheDockerfilesHealthCheckAndByHttp() throws Exception {
        if (!asAppUser.isEmpty()) {
            assertEquals(Integer.parseInt(dockerfile.user().split(":")[0]), Files.getAttribute(Path.of("/proc/" + server.pid()), "unix:uid"),
                    "the server runs as the Dockerfile's USER");
        }
        Run check = run(dockerfile.healthCheck());
        assertEquals(0, check.status(), check.output());
        assertTrue(check.output().startsWith("healthy: http://127.0.0.1:" + port + "/healthz answered 200"), check.output());
        HttpResponse<String> health = get("/healthz");
        assertEquals(200, health.statusCode());
        assertEquals("{\"status\":\"ok\"}", health.body());
    }

    @Test
    @Order(3)
    void shouldIssueTokensSignedWithTheMountedCertificateAndTheEnvironmentsSk() throws Exception {
        HttpResponse<String> refused = post("/fetch_rtc_token", "{\"uid\":42,\"ChannelName\":\"room\",\"role\":1}");
        assertEquals(401, refused.statusCode(), "the API keys file should be in force: " + refused.body());

        HttpResponse<String> rtc = post("/fetch_rtc_token", "{\"uid\":42,\"ChannelName\":\"room\",\"role\":1}",
                "Authorization", "Bearer " + API_KEY);
        assertEquals(200, rtc.statusCode(), rtc.body());
        String token = Http.json(rtc).get("token").asText();
        CheckResult verdict = TokenDoctor.check(token, Expectations.builder().certificate(CERT).channel("room").uid(42).build());
        assertEquals(CheckResult.Verdict.VALID, verdict.verdict(), verdict.toString());
        assertEquals(CheckResult.Signature.PRIMARY, verdict.signature());

        HttpResponse<String> netless = post("/v1/tokens",
                "{\"builder\":\"NetlessToken.sdkToken\",\"args\":{\"lifespan\":600000,\"content\":{\"role\":\"0\"}}}",
                "X-API-Key", API_KEY);
        assertEquals(200, netless.statusCode(), netless.body());
        CheckResult netlessVerdict = TokenDoctor.check(Http.json(netless).get("token").asText(),
                Expectations.builder().certificate(NETLESS_SK).build());
        assertEquals(CheckResult.Signature.PRIMARY, netlessVerdict.signature(), netlessVerdict.toString());

        // A body over 1 KiB is answered on a worker thread: the thread pool works on this runtime too.
        HttpResponse<String> decoded = post("/v1/decode", "{\"token\":\"" + token + "\"}" + " ".repeat(2000),
                "X-API-Key", API_KEY);
        assertEquals(200, decoded.statusCode(), decoded.body());
        assertEquals(APP_ID, Http.json(decoded).get("content").get("appId").asText());
    }

    @Test
    @Order(4)
    void shouldServeTheMetricsAndTheInspectorPage() throws Exception {
        HttpResponse<String> metrics = get("/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("countersign_tokens_issued_total{kind=\"RtcTokenBuilder2.buildTokenWithUid\"} 1"),
                metrics.body());
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.headers().toString());
        assertTrue(page.body().contains("<html"), "the inspector page");
    }

    @Test
    @Order(5)
    void shouldDrainAndExitOnSigtermThenBeUnhealthy() throws Exception {
        long stopAt = System.nanoTime();
        server.destroy(); // SIGTERM, as docker stop and Kubernetes send
        assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server should exit within its grace");
        long stopMillis = (System.nanoTime() - stopAt) / 1_000_000;
        // A JVM ended by SIGTERM exits 128 + 15 after its shutdown hooks.
        assertEquals(143, server.exitValue());
        String log = Files.readString(serverLog);
        assertTrue(log.contains("countersign-server: draining") && log.contains("countersign-server: stopped"), log);
        for (String secret : List.of(CERT, NETLESS_SK, API_KEY)) {
            assertFalse(log.contains(secret), "a secret in the log");
        }
        assertFalse(log.contains("readable by others"), "the mounted secrets are the app user's alone: " + log);
        assertFalse(log.contains("Exception"), log);
        Run check = run(dockerfile.healthCheck());
        assertEquals(1, check.status(), check.output());
        System.out.printf("ImageLayoutIT: stopped %d ms after SIGTERM, %d ms after exec%n", stopMillis,
                System.nanoTime() / 1_000_000 - startMillis);
    }

    @Test
    void shouldPassArgumentsAfterTheImageNameToTheServer() throws Exception {
        // docker run countersign-server --version: the arguments follow the ENTRYPOINT.
        List<String> command = new ArrayList<>(dockerfile.startCommand());
        command.add("--version");
        Run version = run(command);
        assertEquals(0, version.status(), version.output());
        assertEquals("countersign-server " + System.getProperty("countersign.version"), version.output().strip());
    }

    @Test
    void shouldNeedNoJdkModuleBeyondThoseInTheImageOrKnownToBeUnused() throws Exception {
        Set<String> image = imageModules();
        assertEquals(Set.of("java.base", "java.logging", "java.security.sasl", "jdk.unsupported", "jdk.httpserver"), image);
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = jdeps.run(new PrintWriter(out, true, StandardCharsets.UTF_8), new PrintWriter(System.err, true),
                "--print-module-deps", "--ignore-missing-deps", "--multi-release", "17",
                repo.resolve("server/target/countersign-server.jar").toString());
        assertEquals(0, status);
        Set<String> needed = new HashSet<>(Arrays.asList(out.toString(StandardCharsets.UTF_8).strip().split(",")));
        needed.removeAll(image);
        needed.removeAll(LEFT_OUT);
        assertEquals(Set.of(), needed, "modules jdeps finds that are neither in the image nor known to be unused: "
                + "decide in server/image/assemble");
    }

    @Test
    void shouldCopyTheLayoutAsAssembledAndCheckHealthWithTheServersJar() {
        assertEquals("65532:65532", dockerfile.user());
        assertTrue(dockerfile.runtimeStage().contains("COPY --from=build " + dockerfile.assembleTarget() + " "
                + dockerfile.assembleTarget()), "the runtime stage copies what assemble laid out, where the commands expect it");
        List<String> health = dockerfile.healthCheck();
        assertEquals("io.countersign.server.HealthCheck", health.get(health.size() - 1));
        assertTrue(health.contains(inRoot(dockerfile.assembleTarget() + "/countersign-server.jar").toString()), health.toString());
    }

    private static Set<String> imageModules() throws IOException {
        for (String line : Files.readAllLines(app.resolve("runtime/release"))) {
            if (line.startsWith("MODULES=")) {
                return Set.of(line.substring("MODULES=".length()).replace("\"", "").split(" "));
            }
        }
        throw new AssertionError("runtime/release names no MODULES");
    }

    /** Skips where the machine cannot do it; under CI=true, fails instead. */
    private static void canDo(boolean possible, String reason) {
        if (CI && !possible) {
            fail("CI=true and " + reason);
        }
        assumeTrue(possible, reason);
    }

    /** An image path as laid out under the temporary root. */
    private static Path inRoot(String imagePath) {
        return root.resolve(imagePath.replaceFirst("^/+", ""));
    }

    private static List<String> command(List<String> prefix, List<String> command) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(command);
        return all;
    }

    private static Process start(List<String> command, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        return p;
    }

    private record Run(int status, String output) {
    }

    private static Run run(List<String> command) throws Exception {
        Path out = Files.createTempFile(root, "run", ".out");
        Process p = start(command, out);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "should finish: " + command);
        return new Run(p.exitValue(), Files.readString(out));
    }

    private static Duration awaitHealthy(Duration limit) throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < limit.toNanos()) {
            if (!server.isAlive()) {
                fail("the server exited " + server.exitValue() + ": " + Files.readString(serverLog));
            }
            try {
                if (get("/healthz").statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (UncheckedIOException e) {
                // Not listening yet.
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not healthy within " + limit + ": " + Files.readString(serverLog));
    }

    private static HttpResponse<String> get(String path) {
        return Http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build());
    }

    private static HttpResponse<String> post(String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return Http.send(b.build());
    }

    private static long sizeMb(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            long bytes = 0;
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                bytes += Files.size(p);
            }
            return Math.round(bytes / 1e6);
        }
    }

    /**
     * What the test takes from server/Dockerfile: the runtime stage's USER, ENTRYPOINT + CMD and
     * HEALTHCHECK (exec form), and the directory the build stage's {@code server/image/assemble} fills.
     */
    private record Dockerfile(String runtimeStage, String user, List<String> entrypoint, List<String> cmd,
                              List<String> healthCheckExec, String assembleTarget) {
        static Dockerfile parse(Path file) throws IOException {
            // One instruction a line: join continuations, drop comments.
            String text = Files.readString(file).replaceAll("(?m)^\\s*#.*\\n", "").replace("\\\n", " ");
            List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            int lastFrom = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("FROM ")) {
                    lastFrom = i;
                }
            }
            List<String> build = lines.subList(0, lastFrom);
            List<String> runtime = lines.subList(lastFrom, lines.size());
            String assemble = null;
            for (String line : build) {
                for (String step : line.split("&&")) {
                    String[] words = step.strip().split("\\s+");
                    int at = Arrays.asList(words).indexOf("server/image/assemble");
                    if (at >= 0) {
                        assemble = words[at + 1];
                    }
                }
            }
            if (assemble == null) {
                throw new AssertionError("the build stage does not run server/image/assemble");
            }
            String health = only(runtime, "HEALTHCHECK ");
            return new Dockerfile(String.join("\n", runtime), only(runtime, "USER ").substring(5).strip(),
                    exec(only(runtime, "ENTRYPOINT ")), exec(only(runtime, "CMD ")),
                    exec(health.substring(health.indexOf(" CMD ") + 1)), assemble);
        }

        /** ENTRYPOINT then CMD, as Docker runs them, with image paths under the test's root, as the app user. */
        List<String> startCommand() {
            List<String> all = new ArrayList<>(entrypoint);
            all.addAll(cmd);
            return command(asAppUser, underRoot(all));
        }

        List<String> healthCheck() {
            return command(asAppUser, underRoot(healthCheckExec));
        }

        private static List<String> underRoot(List<String> command) {
            return command.stream().map(a -> a.startsWith("/") ? inRoot(a).toString() : a).toList();
        }

        private static String only(List<String> lines, String instruction) {
            List<String> found = lines.stream().filter(l -> l.startsWith(instruction)).toList();
            if (found.size() != 1) {
                throw new AssertionError("the runtime stage should have one " + instruction.strip() + ", has " + found);
            }
            return found.get(0);
        }

        /** The exec (JSON array) form; the shell form would need a shell the image may not have. */
        private static List<String> exec(String instruction) {
            String array = instruction.substring(instruction.indexOf(' ') + 1).strip();
            try {
                JsonNode node = Http.JSON.readTree(array);
                if (!node.isArray()) {
                    throw new AssertionError("not the exec form: " + instruction);
                }
                List<String> words = new ArrayList<>();
                node.forEach(n -> words.add(n.asText()));
                return words;
            } catch (IOException e) {
                throw new AssertionError("not the exec form: " + instruction, e);
            }
        }
    }
}
