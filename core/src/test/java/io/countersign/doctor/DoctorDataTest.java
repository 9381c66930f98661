package io.countersign.doctor;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.countersign.doctor.TokenDoctorTest.CERT;
import static io.countersign.doctor.TokenDoctorTest.OTHER_CERT;
import static io.countersign.doctor.TokenDoctorTest.T0;
import static io.countersign.doctor.TokenDoctorTest.expect;
import static io.countersign.doctor.TokenDoctorTest.uidToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class DoctorDataTest {

    @Test
    void shouldGiveEveryFindingItsFactsAndTimesInBothForms() {
        CheckResult result = TokenDoctor.check(uidToken(42), expect(T0 + 7200).certificate(OTHER_CERT).secondaryCertificate(CERT)
                .channel("lobby").account("bob").build());
        Map<String, Object> data = DoctorData.of(result);
        assertEquals("invalid", data.get("verdict"));
        assertEquals("secondary", data.get("signature"));
        assertEquals("007", data.get("scheme"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> findings = (List<Map<String, Object>>) data.get("findings");
        assertEquals(Map.of("code", "expired", "message", "the token expired at 2023-11-14 23:13:20 UTC (1 h ago)",
                "field", "expire", "expiredAt", (T0 + 3600) * 1000, "expiredAtUtc", "2023-11-14T23:13:20Z",
                "now", (T0 + 7200) * 1000, "nowUtc", "2023-11-15T00:13:20Z"), findings.get(0));
        assertEquals("wrong-channel", findings.get(1).get("code"));
        assertEquals("room", findings.get(1).get("actual"));
        assertEquals("ACCOUNT_BUT_UID_PACKED", findings.get(2).get("mixup"));
        @SuppressWarnings("unchecked")
        Map<String, Object> inspection = (Map<String, Object>) data.get("inspection");
        assertEquals("AccessToken2 (007)", inspection.get("title"));
        assertEquals("2023-11-14T22:13:20Z", inspection.get("issuedAtUtc"));
        assertFalse(data.toString().contains(CERT) || data.toString().contains(OTHER_CERT));
    }

    @Test
    void shouldLeaveTheInspectionOutOfAMalformedToken() {
        Map<String, Object> data = DoctorData.of(TokenDoctor.check("007abc", Expectations.none()));
        assertEquals("malformed", data.get("verdict"));
        assertEquals("not-checked", data.get("signature"));
        assertNull(data.get("inspection"));
        @SuppressWarnings("unchecked")
        Map<String, Object> finding = ((List<Map<String, Object>>) data.get("findings")).get(0);
        assertEquals("BAD_BASE64", finding.get("reason"));
        assertEquals("token", finding.get("field"));
    }
}
