package io.countersign.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.countersign.server.Fixtures.APP_ID;
import static io.countersign.server.Fixtures.CERT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where settings come from: flags, environment variables and files, run as a real process with its own environment. */
class MainTest {
    private record Run(int status, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--print-config"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("AGORA_") || k.startsWith("COUNTERSIGN_") || k.startsWith("NETLESS_")
                || List.of("APP_ID", "APP_CERTIFICATE", "SERVER_PORT", "PORT", "CORS_ALLOW_ORIGIN").contains(k));
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "--print-config should exit");
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadTheEnvironmentIncludingTheCommunityServiceNames() throws Exception {
        Run r = run(Map.of("APP_ID", APP_ID, "APP_CERTIFICATE", CERT, "SERVER_PORT", "9090",
                "CORS_ALLOW_ORIGIN", "https://a.example, https://b.example", "COUNTERSIGN_API_KEYS", "k1,k2",
                "COUNTERSIGN_RATE_LIMIT", "5.5", "COUNTERSIGN_RATE_BURST", "11", "COUNTERSIGN_SHUTDOWN_GRACE", "2.5",
                "COUNTERSIGN_MAX_EXPIRE", "7200", "COUNTERSIGN_TOKEN_EXPIRE", "600"));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("appId=" + APP_ID + ", appCertificate=set"), r.out());
        assertTrue(r.out().contains("port=9090"), r.out());
        assertTrue(r.out().contains("allowedOrigins=[https://a.example, https://b.example]")
                || r.out().contains("allowedOrigins=[https://b.example, https://a.example]"), r.out());
        assertTrue(r.out().contains("apiKeys=2, rateLimit=5.5/s, rateBurst=11"), r.out());
        assertTrue(r.out().contains("tokenExpire=600, maxExpire=7200, shutdownGrace=PT2.5S"), r.out());
        assertTrue(r.out().contains("netlessSk=unset"), r.out());
        assertFalse(r.out().contains(CERT) || r.err().contains(CERT), "the certificate is never printed");
    }

    @Test
    void shouldPreferOurNamesFlagsOverTheEnvironmentAndReadSecretsFromFiles(@TempDir Path dir) throws Exception {
        Path cert = Files.writeString(dir.resolve("cert"), CERT + "\n");
        Path sk = Files.writeString(dir.resolve("sk"), "the-sk\n");
        Path keys = Files.writeString(dir.resolve("keys"), "# comment\nkey-one\n\n  key-two  \n");
        Run r = run(Map.of("AGORA_APP_ID", APP_ID, "APP_ID", "ignored", "AGORA_APP_CERTIFICATE_FILE", cert.toString(),
                "AGORA_APP_CERTIFICATE", "ignored", "NETLESS_AK", "ak", "NETLESS_SK_FILE", sk.toString(),
                "COUNTERSIGN_API_KEYS_FILE", keys.toString(), "COUNTERSIGN_PORT", "1", "PORT", "2"), "--rate-burst", "7");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("appId=" + APP_ID + ", appCertificate=set, netlessAk=ak, netlessSk=set"), r.out());
        assertTrue(r.out().contains("port=1,"), r.out());
        assertTrue(r.out().contains("apiKeys=2,"), r.out());
        assertTrue(r.out().contains("rateBurst=7,"), "a flag wins over the environment: " + r.out());
    }

    @Test
    void shouldRefuseABadSettingWithStatusTwoAndNoStackTrace() throws Exception {
        Run r = run(Map.of("APP_ID", APP_ID, "APP_CERTIFICATE", CERT, "COUNTERSIGN_PORT", "eighty"));
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("--port"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        Run noSecret = run(Map.of("APP_ID", APP_ID));
        assertEquals(2, noSecret.status(), noSecret.err());
        assertTrue(noSecret.err().contains("appCertificate"), noSecret.err());
    }
}
