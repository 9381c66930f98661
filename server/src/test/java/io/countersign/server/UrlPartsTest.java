package io.countersign.server;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UrlPartsTest {
    @Test
    void shouldDecodePathSegmentsStrictly() {
        assertEquals("my room", UrlParts.segment("c", "my%20room"));
        assertEquals("a+b", UrlParts.segment("c", "a+b"));
        assertEquals("a/b", UrlParts.segment("c", "a%2Fb"));
        assertEquals("caf\u00e9", UrlParts.segment("c", "caf%C3%A9"));
        for (String bad : new String[] {"%", "%2", "%zz", "%C3", "%FF"}) {
            assertThrows(HttpError.class, () -> UrlParts.segment("c", bad), bad);
        }
    }

    @Test
    void shouldFindQueryParameters() {
        assertEquals("600", UrlParts.query("expiry=600", "expiry"));
        assertEquals("600", UrlParts.query("a=1&expiry=600&expiry=700", "expiry"));
        assertEquals("", UrlParts.query("expiry", "expiry"));
        assertEquals("a b", UrlParts.query("x=a+b", "x"));
        assertNull(UrlParts.query("expiryx=1", "expiry"));
        assertNull(UrlParts.query(null, "expiry"));
        assertEquals("1", UrlParts.query("ex%70iry=1", "expiry"));
    }
}
