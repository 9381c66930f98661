package io.countersign.server;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgoraRulesTest {
    /** The 89 characters of the joinChannel reference. */
    static final String ALL = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !#$%&()+-:;<=.>?@[]^_{}|~,";

    /** "a" followed by each character 0-255: accepted exactly when the character is in allowed, else a 400 naming the field. */
    private static void assertAcceptsExactly(String allowed, String field, java.util.function.BinaryOperator<String> rule) {
        for (char c = 0; c < 256; c++) {
            String value = "a" + c;
            if (allowed.indexOf(c) >= 0) {
                assertEquals(value, rule.apply(field, value));
            } else {
                HttpError e = assertThrows(HttpError.class, () -> rule.apply(field, value), value);
                assertEquals(field, e.field());
                assertEquals(400, e.status());
            }
        }
    }

    @Test
    void shouldAcceptExactlyTheDocumentedCharacters() {
        assertEquals(89, ALL.length());
        assertAcceptsExactly(ALL, "channelName", AgoraRules::channelName);
    }

    @Test
    void shouldAcceptExactlyAgoraChatsUserIdCharacters() {
        assertAcceptsExactly("abcdefghijklmnopqrstuvwxyz0123456789_-.", "userId", AgoraRules::chatUserId);
        HttpError upper = assertThrows(HttpError.class, () -> AgoraRules.chatUserId("userId", "Bob.Smith"));
        assertTrue(upper.getMessage().contains("\"bob.smith\""), upper.getMessage());
        AgoraRules.chatUserId("userId", "x".repeat(64));
        assertThrows(HttpError.class, () -> AgoraRules.chatUserId("userId", "x".repeat(65)));
        assertThrows(HttpError.class, () -> AgoraRules.chatUserId("userId", ""));
    }

    @Test
    void shouldBoundLengthsInBytes() {
        AgoraRules.channelName("c", "x".repeat(64));
        assertThrows(HttpError.class, () -> AgoraRules.channelName("c", "x".repeat(65)));
        assertThrows(HttpError.class, () -> AgoraRules.channelName("c", ""));
        assertThrows(HttpError.class, () -> AgoraRules.channelName("c", null));
        AgoraRules.userAccount("a", "x".repeat(255));
        assertThrows(HttpError.class, () -> AgoraRules.userAccount("a", "x".repeat(256)));
        AgoraRules.rtmUserId("u", "x".repeat(64));
        assertThrows(HttpError.class, () -> AgoraRules.rtmUserId("u", "x".repeat(65)));
        assertThrows(HttpError.class, () -> AgoraRules.rtmUserId("u", " leading"));
        AgoraRules.rtmUserId("u", "inner space");
    }

    @Test
    void shouldReadUidsAndLifetimes() {
        assertEquals(0, AgoraRules.uidText("uid", "0"));
        assertEquals(4294967295L, AgoraRules.uidText("uid", "4294967295"));
        for (String bad : new String[] {"", "-1", "4294967296", "12345678901", "1e3", "+1", " 1", "0x10"}) {
            assertThrows(HttpError.class, () -> AgoraRules.uidText("uid", bad), bad);
        }
        assertThrows(HttpError.class, () -> AgoraRules.uid("uid", -1));
        assertEquals(86400, AgoraRules.lifetimeText("expiry", "86400", 86400));
        for (String bad : new String[] {"0", "86401", "", "1.5", "-5", "99999999999"}) {
            assertThrows(HttpError.class, () -> AgoraRules.lifetimeText("expiry", bad, 86400), bad);
        }
    }
}
