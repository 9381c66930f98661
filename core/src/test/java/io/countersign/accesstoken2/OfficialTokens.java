package io.countersign.accesstoken2;

import io.countersign.codec.InvalidArgumentException;
import org.junit.jupiter.api.function.Executable;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * How the builder tests compare our tokens with the official ones of vectors/007-build.jsonl,
 * and the arguments most of those vectors share.
 */
final class OfficialTokens {
    static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";
    static final String CHANNEL = "7d72365eb983485397e3e3f9d460bdda";

    private OfficialTokens() {
    }

    /** The vectors' {@code now}: a clock stopped at that second. */
    static Clock at(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    /** For a token the official Java or Python wrote: they compress as the JDK does, so the texts are equal. */
    static void assertSameText(String official, String ours) {
        assertEquals(official, ours);
    }

    /**
     * For a token only Node and Go wrote: their zlib streams differ from the JDK's, so compare
     * what they inflate to (the vectors' {@code "match": "payload"}).
     */
    static void assertSamePayload(String official, String ours) {
        assertEquals(Base64.getEncoder().encodeToString(AccessToken2Properties.inflate(official)),
                Base64.getEncoder().encodeToString(AccessToken2Properties.inflate(ours)));
    }

    /** The call is refused with an {@link InvalidArgumentException} naming {@code field}. */
    static void assertRefused(String field, Executable call) {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, call);
        assertEquals(field, e.field(), e.getMessage());
    }
}
