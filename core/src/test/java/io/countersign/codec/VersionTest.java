package io.countersign.codec;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VersionTest {
    @Test
    void isThePomsVersion() {
        // Surefire passes the pom's version; the class reads what resource filtering wrote at build time.
        assertEquals(System.getProperty("countersign.pom.version"), Version.current());
    }
}
