package io.countersign.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.countersign.server.Fixtures.APP_ID;
import static io.countersign.server.Fixtures.CERT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerConfigTest {
    @Test
    void shouldReadTheEnvironmentIncludingTheCommunityServiceNames() {
        ServerConfig c = ServerConfig.fromEnvironment(Map.of("APP_ID", APP_ID, "APP_CERTIFICATE", CERT,
                "SERVER_PORT", "9090", "CORS_ALLOW_ORIGIN", "https://a.example, https://b.example",
                "COUNTERSIGN_API_KEYS", "k1,k2", "COUNTERSIGN_RATE_LIMIT", "5.5", "COUNTERSIGN_RATE_BURST", "11",
                "COUNTERSIGN_SHUTDOWN_GRACE", "2.5", "COUNTERSIGN_MAX_EXPIRE", "7200", "COUNTERSIGN_TOKEN_EXPIRE", "600")).build();
        assertEquals(APP_ID, c.appId());
        assertEquals(CERT, c.appCertificate().reveal());
        assertEquals(9090, c.port());
        assertEquals(Set.of("https://a.example", "https://b.example"), c.allowedOrigins());
        assertEquals(2, c.apiKeys().size());
        assertEquals(5.5, c.rateLimit());
        assertEquals(11, c.rateBurst());
        assertEquals(Duration.ofMillis(2500), c.shutdownGrace());
        assertEquals(7200, c.maxExpire());
        assertEquals(600, c.tokenExpire());
        assertFalse(c.hasNetless());
    }

    @Test
    void shouldPreferOurNamesAndReadSecretsFromFiles(@TempDir Path dir) throws Exception {
        Path cert = Files.writeString(dir.resolve("cert"), CERT + "\n");
        Path sk = Files.writeString(dir.resolve("sk"), "the-sk\n");
        Path keys = Files.writeString(dir.resolve("keys"), "# comment\nkey-one\n\n  key-two  \n");
        ServerConfig c = ServerConfig.fromEnvironment(Map.of("AGORA_APP_ID", APP_ID, "APP_ID", "ignored",
                "AGORA_APP_CERTIFICATE_FILE", cert.toString(), "AGORA_APP_CERTIFICATE", "ignored",
                "NETLESS_AK", "ak", "NETLESS_SK_FILE", sk.toString(), "COUNTERSIGN_API_KEYS_FILE", keys.toString(),
                "COUNTERSIGN_PORT", "1", "PORT", "2")).build();
        assertEquals(APP_ID, c.appId());
        assertEquals(CERT, c.appCertificate().reveal());
        assertEquals("the-sk", c.netlessSk().reveal());
        assertEquals(List.of("key-one", "key-two"), c.apiKeys().stream().map(Secret::reveal).toList());
        assertEquals(1, c.port());
    }

    @Test
    void shouldHaveSafeDefaults() {
        ServerConfig c = Fixtures.config().build();
        assertTrue(ServerConfig.builder().appId(APP_ID).appCertificate(Secret.of(CERT)).build().rateLimit() > 0);
        assertTrue(c.allowedOrigins().isEmpty());
        assertEquals(16 * 1024, c.maxBodyBytes());
        assertEquals(86_400, c.maxExpire());
        assertEquals(3600, c.tokenExpire());
    }

    @Test
    void shouldRefuseIncompleteOrInvalidSettingsWithoutShowingSecrets() {
        String badCert = "not-a-hex-certificate-0123456789";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.builder().appId(APP_ID).appCertificate(Secret.of(badCert)).build());
        assertFalse(e.getMessage().contains(badCert), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().build());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().appId(APP_ID).build());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().netlessAk("ak").build());
        assertThrows(IllegalArgumentException.class, () -> Fixtures.config().tokenExpire(90_000).build());
        assertThrows(IllegalArgumentException.class, () -> Fixtures.config().port(70_000).build());
        assertThrows(IllegalArgumentException.class, () -> Fixtures.config().rateLimit(-1).build());
        assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.fromEnvironment(Map.of("COUNTERSIGN_PORT", "eighty")));
    }
}
