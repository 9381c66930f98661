package io.countersign.cli;

import io.countersign.cli.adapter.Adapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No secret anywhere in the CLI: every command, its --help, good and bad input, with a known App
 * Certificate and Netless SK in secret files; neither appears on stdout, stderr or in an adapter
 * answer (whose requests carry the secret themselves, as PROTOCOL.md has them).
 */
class NoSecretTest {
    private static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    private static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";
    private static final String SK = "netless-sk-for-the-no-secret-test";

    @TempDir
    Path dir;

    @Test
    void noSecretInAnyCommandsOutputErrorsOrHelp() throws Exception {
        Path cert = Files.writeString(dir.resolve("cert"), CERT + "\n");
        Path sk = Files.writeString(dir.resolve("sk"), SK);
        Path wrong = Files.writeString(dir.resolve("wrong"), CERT.replace('5', '6'));
        String token = run("build", "RtcTokenBuilder2.buildTokenWithUid", "appId=" + APP_ID, "channelName=room", "uid:=7",
                "role:=1", "tokenExpire:=600", "privilegeExpire:=600", "--secret-file", cert.toString()).strip();
        assertTrue(token.startsWith("007"), token);

        List<String> seen = new ArrayList<>();
        seen.add(token);
        for (String command : List.of("", "build", "decode", "verify", "adapter")) {
            seen.add(command.isEmpty() ? run("--help") : run(command, "--help"));
        }
        seen.add(run("build", "--list"));
        seen.add(run("build", "NetlessToken.sdkToken", "ak=netless-ak", "role=admin", "lifespan:=60000",
                "--secret-file", sk.toString()));
        seen.add(run("build", "RtcTokenBuilder2.buildTokenWithUid", "appId=" + APP_ID, "channelName=room", "uid:=7",
                "role:=9", "--secret-file", cert.toString()));
        seen.add(run("build", "RtcTokenBuilder2.buildTokenWithUid", "appId=" + APP_ID, "uid:={", "--secret-file", cert.toString()));
        seen.add(run("build", "NoSuch.builder", "--secret-file", cert.toString()));
        seen.add(run("build", "RtcTokenBuilder2.buildTokenWithUid", "appId=" + APP_ID, "--secret-file", dir.resolve("missing").toString()));
        seen.add(run("build", "RtcTokenBuilder2.buildTokenWithUid", "appId=" + APP_ID, "--secret-env", "NO_SUCH_VARIABLE"));
        seen.add(run("decode", token));
        seen.add(run("decode", "007notbase64!"));
        seen.add(run("verify", token, "--secret-file", cert.toString()));
        seen.add(run("verify", token, "--secret-file", wrong.toString()));
        seen.add(run("verify", "007notbase64!", "--secret-file", cert.toString()));

        Adapter adapter = new Adapter();
        for (String line : List.of(
                "{\"id\":\"1\",\"op\":\"verify\",\"token\":\"" + token + "\",\"secret\":\"" + CERT + "\"}",
                "{\"id\":\"2\",\"op\":\"verify\",\"token\":\"007x\",\"secret\":\"" + CERT + "\"}",
                "{\"id\":\"3\",\"op\":\"build\",\"builder\":\"RtcTokenBuilder2.buildTokenWithUid\",\"args\":{\"appId\":\""
                        + APP_ID + "\",\"appCertificate\":\"" + CERT + "\",\"channelName\":\"room\",\"uid\":\"x\"}}",
                "{\"id\":\"4\",\"op\":\"build\",\"builder\":\"NetlessToken.sdkToken\",\"args\":{\"ak\":\"a\",\"sk\":\"" + SK
                        + "\",\"role\":\"boss\"}}",
                "{\"id\":\"5\",\"op\":\"encode\",\"content\":{\"scheme\":\"007\"},\"secret\":\"" + CERT + "\"}",
                "{\"id\":\"6\",\"op\":\"verify\",\"token\":\"" + token + "\",\"secret\":\"" + SK + "\"}")) {
            seen.add(adapter.handle(line).toString());
        }
        String all = String.join("\n", seen).toLowerCase(Locale.ROOT);
        for (String secret : List.of(CERT, SK)) {
            assertFalse(all.contains(secret.toLowerCase(Locale.ROOT)), "a secret appears in:\n" + all);
        }
    }

    /** stdout and stderr of one command (stderr includes anything printed with System.err, e.g. a stack trace). */
    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
        try {
            CommandLine cli = Main.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            cli.execute(args);
        } finally {
            System.setErr(saved);
        }
        return out + "\n" + err + "\n" + systemErr.toString(StandardCharsets.UTF_8);
    }
}
