package io.countersign.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    private static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    private static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void buildDecodeVerifyFromTheCommandLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path secret = dir.resolve("certificate");
        Files.writeString(secret, CERT + "\n");

        assertEquals(0, run("build", "RtcTokenBuilder2.buildTokenWithUid", "appId=" + APP_ID, "channelName=room",
                "uid:=2882341273", "role:=1", "tokenExpire:=600", "privilegeExpire:=600", "--secret-file", secret.toString(),
                "--now", "1700000000", "--salt", "7"), err.toString());
        String token = out.toString().strip();
        assertTrue(token.startsWith("007eJ"), token);
        assertFalse(out.toString().contains(CERT));

        out.getBuffer().setLength(0);
        assertEquals(0, run("decode", token));
        assertTrue(out.toString().contains("\"channelName\" : \"room\""), out.toString());
        assertTrue(out.toString().contains("\"expiresAt\" : \"2023-11-14T22:23:20Z\""), out.toString());

        assertEquals(0, run("verify", token, "--secret-file", secret.toString()));
        Files.writeString(secret, CERT.replace('5', '6'));
        assertEquals(ExitCodes.INVALID, run("verify", token, "--secret-file", secret.toString()));
    }

    /**
     * No command is known to throw anything but a user error, so the handler is called directly
     * with what a bug would throw: exit 70 and a stack trace, where a user error gets one line.
     */
    @Test
    void anUnexpectedExceptionIsAnInternalErrorWithAStackTrace() throws Exception {
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        CommandLine.ParseResult parsed = cli.parseArgs("decode", "007x");

        int code = cli.getExecutionExceptionHandler()
                .handleExecutionException(new IllegalStateException("a bug"), cli, parsed);
        assertEquals(ExitCodes.INTERNAL, code);
        assertTrue(err.toString().startsWith("internal error in countersign"), err.toString());
        assertTrue(err.toString().contains("java.lang.IllegalStateException: a bug"), err.toString());
        assertTrue(err.toString().contains("\tat "), "a stack trace: " + err);

        err.getBuffer().setLength(0);
        code = cli.getExecutionExceptionHandler()
                .handleExecutionException(new IllegalArgumentException("channelName: too long"), cli, parsed);
        assertEquals(ExitCodes.USAGE, code);
        assertEquals("invalid-argument: channelName: too long", err.toString().strip());
    }

    @Test
    void aMalformedTokenGoesToStderrWithStatusTwo() {
        assertEquals(ExitCodes.MALFORMED, run("decode", "007notbase64!"));
        assertTrue(err.toString().startsWith("malformed:"), err.toString());
        assertEquals("", out.toString());
    }
}
