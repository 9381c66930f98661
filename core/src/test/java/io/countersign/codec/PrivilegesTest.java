package io.countersign.codec;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrivilegesTest {
    @Test
    void shouldKeepIdsSortedAndTheLastValueOfARepeatedId() {
        Privileges.Builder b = Privileges.builder();
        int[] ids = {9, 3, 1000, 1, 4, 2, 65535, 0, 3};
        Map<Integer, Long> expected = new TreeMap<>();
        for (int i = 0; i < ids.length; i++) {
            b.put(ids[i], 100L + i);
            expected.put(ids[i], 100L + i);
        }
        Privileges p = b.build();

        assertEquals(expected, p.toMap());
        assertEquals(8, p.size());
        for (int i = 1; i < p.size(); i++) {
            assertTrue(p.idAt(i - 1) < p.idAt(i));
        }
        assertEquals(108L, p.get(3));
        assertEquals(-1L, p.get(5));
    }

    @Test
    void shouldShareTheEmptyInstanceAndNameTheBadPrivilege() {
        assertSame(Privileges.NONE, Privileges.builder().build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Privileges.of(7, -1));
        assertTrue(e.getMessage().startsWith("privilege 7:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Privileges.of(65536, 1));
    }
}
