package io.countersign.internal;

import io.countersign.codec.ByteString;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** PackedWriter grows its buffer from any starting size; what it writes, PackedReader reads back. */
class PackedWriterTest {

    @Test
    void shouldGrowPastItsFirstBufferForEveryKindOfField() {
        String appId = "970CA35de60c44645bbae8a215061b33".repeat(4); // 128 ASCII chars: past 1 byte and its doubling
        ByteString bytes = ByteString.utf8("r\u00e9union/" + "x".repeat(300));
        byte[] raw = "raw tail".getBytes(StandardCharsets.US_ASCII);
        PackedWriter w = new PackedWriter(1)
                .putAscii(appId)
                .putU32(4294967295L)
                .putU16(65535)
                .putBytes(bytes)
                .putRaw(raw, 0, raw.length);

        PackedReader r = new PackedReader(w.array(), 0, w.position());
        assertEquals(ByteString.utf8(appId), r.readBytes("appId"));
        assertEquals(4294967295L, r.readU32("u32"));
        assertEquals(65535, r.readU16("u16"));
        assertEquals(bytes, r.readBytes("bytes"));
        assertEquals(raw.length, r.remaining());
        assertArrayEquals(raw, Arrays.copyOfRange(w.array(), r.position(), w.position()));
        assertEquals(2 + 128 + 4 + 2 + 2 + bytes.length() + raw.length, w.position());
    }
}
