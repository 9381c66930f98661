package io.countersign.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.countersign.accesstoken.RtcTokenBuilder;
import io.countersign.accesstoken2.RtcTokenBuilder2;
import io.countersign.codec.SaltSource;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A token mismatch is explained by the first differing decoded field, the byte offset second. */
class TokenFieldsTest {
    private static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    private static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
    private static final Identity PORT = Identity.of("myport 1.0", null);

    private static String rtc007(long uid, long tokenExpire, long privilegeExpire) {
        return new RtcTokenBuilder2(CLOCK, SaltSource.fixed(12345678)).buildTokenWithUid(APP_ID, CERT, "room", uid,
                RtcTokenBuilder2.Role.of(1), tokenExpire, privilegeExpire);
    }

    private static String reason(String expected, String got, String match) {
        Vector v = new Vector("t.jsonl", 1, "t-1", "007", "build", Vectors.MAPPER.createObjectNode().put("op", "build"),
                Vectors.MAPPER.createObjectNode().put("ok", true).put("token", expected), match, List.of("official-x y 1"),
                List.of(), Vector.Acceptable.NONE, "", List.of());
        Verdict verdict = Comparison.judge(v, Vectors.MAPPER.createObjectNode().put("ok", true).put("token", got), PORT);
        assertEquals(Verdict.Outcome.FAILED, verdict.outcome());
        return verdict.reason();
    }

    @Test
    void shouldNameThePrivilegeThatDiffers() {
        String why = reason(rtc007(2882341273L, 3600, 0), rtc007(2882341273L, 3600, 3600), Vector.PAYLOAD);
        assertTrue(why.startsWith("\"token\" differs at services[0].privileges.1: expected 0, got 3600;"), why);
        assertTrue(why.contains("payload differs") && why.contains("differ first at byte"), why);
    }

    @Test
    void shouldNameTheUidThatDiffers() {
        String why = reason(rtc007(0, 600, 600), rtc007(1, 600, 600), Vector.PAYLOAD);
        assertTrue(why.startsWith("\"token\" differs at services[0].uid: expected \"\", got \"1\""), why);
    }

    @Test
    void shouldSayWhenTheSchemeDiffers() {
        String token006 = new RtcTokenBuilder(CLOCK, SaltSource.fixed(12345678)).buildTokenWithUid(APP_ID, CERT, "room", 7,
                RtcTokenBuilder.Role.Role_Publisher, 1_700_003_600L);
        assertEquals("\"token\" differs: expected a 007 token, got a 006 token", reason(rtc007(7, 600, 600), token006, Vector.PAYLOAD));
    }

    @Test
    void shouldNameAFieldOfAnExactMatchToken() {
        RtcTokenBuilder builder = new RtcTokenBuilder(CLOCK, SaltSource.fixed(12345678));
        String want = builder.buildTokenWithUid(APP_ID, CERT, "room", 7, RtcTokenBuilder.Role.Role_Publisher, 1_700_003_600L);
        String got = builder.buildTokenWithUid(APP_ID, CERT, "room", 7, RtcTokenBuilder.Role.Role_Publisher, 1_700_007_200L);
        String why = reason(want, got, Vector.EXACT);
        assertTrue(why.startsWith("\"token\" differs at privileges.1: expected 1700003600, got 1700007200;"), why);
        assertTrue(why.contains("the strings differ first at character"), why);
    }

    @Test
    void shouldSayWhenTheTokenDoesNotDecode() {
        String want = rtc007(7, 600, 600);
        String why = reason(want, "007" + want.substring(3, 20) + "=", Vector.PAYLOAD);
        assertTrue(why.startsWith("\"token\" differs: the token does not decode ("), why);
    }

    @Test
    void shouldPutTheSignatureAfterTheContentFields() {
        JsonNode fields = TokenFields.of(rtc007(7, 600, 600));
        List<String> names = new java.util.ArrayList<>();
        fields.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("scheme", "appId", "issueTs", "expire", "salt", "services", "unparsed", "signature", "signingInfo"), names);
        assertEquals(7, fields.path("services").path(0).path("uid").asInt());
    }
}
