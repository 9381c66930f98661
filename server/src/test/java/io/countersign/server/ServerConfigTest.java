package io.countersign.server;

import org.junit.jupiter.api.Test;

import static io.countersign.server.Fixtures.APP_ID;
import static io.countersign.server.Fixtures.CERT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerConfigTest {
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
    }
}
