package io.countersign.server;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No secret anywhere: every route, with good and bad input, on a server holding a known App
 * Certificate, Netless SK and API key; neither value appears in any answer (status line, headers,
 * body), any log record or its exception, the metrics, the settings' toString or --help.
 */
class NoSecretTest {
    private static final String API_KEY = "api-key-for-the-no-secret-test";
    private static final List<String> SECRETS = List.of(Fixtures.CERT, Fixtures.NETLESS_SK, API_KEY);

    private static final String[] GETS = {
        "/ping", "/healthz", "/metrics", "/v1/builders", "/nowhere",
        "/rtc/room/publisher/uid/7/", "/rtc/room/publisher/uid/4294967296/", "/rtc/room/boss/uid/7/",
        "/rtc/room/subscriber/userAccount/alice/?expiry=60", "/rtc/room/publisher/uid/7/?expiry=-1",
        "/rtm/alice/", "/rtm/%20alice/", "/rte/room/publisher/uid/7/", "/rte/room/publisher/uid/7/alice",
        "/chat/app/", "/chat/account/alice", "/chat/account/a%00b", "/fetch_rtc_token",
    };
    private static final String[][] POSTS = {
        {"/fetch_rtc_token", "{\"uid\":7,\"ChannelName\":\"room\",\"role\":1}"},
        {"/fetch_rtc_token", "{\"uid\":7,\"ChannelName\":\"room\",\"role\":9}"},
        {"/fetch_rtc_token", "{\"uid\":7,"},
        {"/getToken", "{\"tokenType\":\"rtc\",\"channel\":\"room\",\"role\":\"publisher\",\"uid\":\"7\"}"},
        {"/getToken", "{\"tokenType\":\"rtm\",\"uid\":\"alice\"}"},
        {"/getToken", "{\"tokenType\":\"chat\",\"uid\":\"alice\"}"},
        {"/getToken", "{\"tokenType\":\"nope\"}"},
        {"/v1/tokens", "{\"builder\":\"RtcTokenBuilder2.buildTokenWithUid\",\"args\":{\"channelName\":\"room\",\"uid\":7,"
                + "\"role\":1,\"tokenExpire\":600,\"privilegeExpire\":600}}"},
        {"/v1/tokens", "{\"builder\":\"NetlessToken.sdkToken\",\"args\":{\"role\":\"admin\",\"lifespan\":60000}}"},
        {"/v1/tokens", "{\"builder\":\"RtcTokenBuilder2.buildTokenWithUid\",\"args\":{\"appCertificate\":\""
                + Fixtures.CERT.toUpperCase(Locale.ROOT) + "\"}}"},
        {"/v1/tokens", "{\"builder\":\"NetlessToken.sdkToken\",\"args\":{\"sk\":\"guess\"}}"},
        {"/v1/tokens", "{\"builder\":\"NoSuch.builder\"}"},
        {"/v1/decode", "{\"token\":\"007notbase64!\"}"},
        {"/v1/decode", "{\"token\":\"" + HostileClientTest.amplifyingToken() + "\"}"},
        {"/v1/decode", "[1,2]"},
    };

    @Test
    void noSecretInAnswersLogsMetricsSettingsOrHelp() throws Exception {
        List<String> seen = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                seen.add(record.getLevel() + " " + record.getMessage() + " " + String.valueOf(record.getParameters() == null
                        ? "" : List.of(record.getParameters())));
                if (record.getThrown() != null) {
                    StringWriter trace = new StringWriter();
                    record.getThrown().printStackTrace(new PrintWriter(trace));
                    seen.add(trace.toString());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        // Every record that reaches the root handlers; ours at every level (the JDK's own HTTP
        // client breaks at ALL, so the root keeps its level).
        Logger root = Logger.getLogger("");
        Logger ours = Logger.getLogger("io.countersign");
        Level level = ours.getLevel();
        root.addHandler(capture);
        capture.setLevel(Level.ALL);
        ours.setLevel(Level.ALL);
        try {
            ServerConfig config = Fixtures.config().apiKeys(List.of(Secret.of(API_KEY))).build();
            seen.add(config.toString());
            try (TokenServer server = TokenServer.start(config)) {
                Http http = new Http(server);
                int answers = 0;
                for (String key : new String[] {API_KEY, "a-wrong-key"}) {
                    for (String path : GETS) {
                        seen.add(answer(http.get(path, "X-API-Key", key)));
                        answers++;
                    }
                    for (String[] post : POSTS) {
                        seen.add(answer(http.post(post[0], post[1], "X-API-Key", key)));
                        answers++;
                    }
                }
                seen.add(answer(http.method("DELETE", "/v1/tokens", "X-API-Key", API_KEY)));
                seen.add(http.get("/metrics").body());
                assertTrue(answers > 60);
            }
            StringWriter help = new StringWriter();
            new CommandLine(new Main()).setOut(new PrintWriter(help)).execute("--help");
            assertTrue(help.toString().contains("--api-keys-file"), help.toString());
            seen.add(help.toString());
        } finally {
            root.removeHandler(capture);
            ours.setLevel(level);
        }
        String all = String.join("\n", seen).toLowerCase(Locale.ROOT);
        for (String secret : SECRETS) {
            assertFalse(all.contains(secret.toLowerCase(Locale.ROOT)), "a secret appears in:\n" + all);
        }
    }

    private static String answer(HttpResponse<String> r) {
        return r.statusCode() + " " + r.headers().map() + " " + r.body();
    }
}
