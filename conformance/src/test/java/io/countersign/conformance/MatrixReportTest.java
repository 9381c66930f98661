package io.countersign.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatrixReportTest {
    private static JsonNode json(String text) throws Exception {
        return Vectors.MAPPER.readTree(text.replace('\'', '"'));
    }

    private static String record(String scheme, String op, String builder, String verdict) {
        return "{'id':'x','file':'f.jsonl','scheme':'" + scheme + "','op':'" + op + "','builder':'" + builder
                + "','verdict':'" + verdict + "','explanation':''}";
    }

    @Test
    void shouldCountBuildVectorsPerBuilderAndImplementation() throws Exception {
        JsonNode ours = json("{'implementation':'countersign','totals':{'failed':0},'cells':[{'scheme':'007','op':'build',"
                + "'passed':3,'divergentAsRecorded':0,'acceptable':1,'failed':0,'unsupported':0}],'records':["
                + record("007", "build", "RtcTokenBuilder2.buildTokenWithUid", "passed") + ","
                + record("007", "build", "RtcTokenBuilder2.buildTokenWithUid", "acceptable") + ","
                + record("007", "build", "ChatTokenBuilder2.buildUserToken", "passed") + ","
                + record("007", "build", "ChatTokenBuilder2.buildUserToken", "passed") + ","
                + record("007", "decode", "", "passed") + "]}");
        JsonNode port = json("{'implementation':'my-port 1.0','totals':{'failed':1},'cells':[{'scheme':'007','op':'build',"
                + "'passed':1,'divergentAsRecorded':0,'acceptable':0,'failed':1,'unsupported':2}],'records':["
                + record("007", "build", "RtcTokenBuilder2.buildTokenWithUid", "divergent-as-recorded") + ","
                + record("007", "build", "RtcTokenBuilder2.buildTokenWithUid", "failed") + ","
                + record("007", "build", "ChatTokenBuilder2.buildUserToken", "unsupported") + ","
                + record("007", "build", "ChatTokenBuilder2.buildUserToken", "unsupported") + "]}");
        JsonNode skipped = json("{'implementation':'official-go v1.5.0','skipped':'not installed'}");

        String md = MatrixReport.markdown(List.of(ours, port, skipped));

        assertTrue(md.contains("| scheme | builder | countersign | my-port | official-go |\n"), md);
        int chat = md.indexOf("| 007 | `ChatTokenBuilder2.buildUserToken` | 2/2 | unsupported | not run |\n");
        int rtc = md.indexOf("| 007 | `RtcTokenBuilder2.buildTokenWithUid` | 2/2 | 1/2, **1 failed** | not run |\n");
        assertTrue(chat > 0 && rtc > chat, md);
        assertEquals(2, md.lines().filter(l -> l.startsWith("| 007 | `")).count(), "only build vectors have a builder row: " + md);
    }

    @Test
    void shouldShowPartlyUnsupportedBuilders() {
        assertEquals("3/5, 2 unsupported", MatrixReport.builderCell(new int[] {3, 0, 2}));
        assertEquals("-", MatrixReport.builderCell(null));
    }
}
