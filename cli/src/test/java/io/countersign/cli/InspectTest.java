package io.countersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.countersign.accesstoken2.RtcTokenBuilder2;
import io.countersign.codec.SaltSource;
import io.countersign.cli.adapter.Adapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code countersign inspect}, and the exit codes of every command for every kind of user error. */
class InspectTest {
    private static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    private static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";
    private static final long T0 = 1_700_000_000L;
    private static final String TOKEN = new RtcTokenBuilder2(Clock.fixed(Instant.ofEpochSecond(T0), ZoneOffset.UTC),
            SaltSource.fixed(7)).buildTokenWithUid(APP_ID, CERT, "room", 42, RtcTokenBuilder2.Role.ROLE_PUBLISHER, 3600, 600);

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private String secretFile(String secret) throws Exception {
        Path file = dir.resolve("secret");
        Files.writeString(file, secret + "\n");
        return file.toString();
    }

    private void assertUserError(int code) {
        assertFalse(err.toString().contains("\tat ") || err.toString().contains("Exception"), err.toString());
        assertFalse(err.toString().contains(CERT), err.toString());
        assertEquals(1, err.toString().strip().lines().filter(l -> !l.startsWith("(")).count(), err.toString());
        assertTrue(code == ExitCodes.USAGE || code == ExitCodes.MALFORMED, "exit " + code);
    }

    @Test
    void shouldSayWhatATokenHoldsInWords() {
        assertEquals(ExitCodes.VALID, run("inspect", "--now", Long.toString(T0 + 60), TOKEN), err.toString());
        String text = out.toString();
        assertTrue(text.startsWith("AccessToken2 (007): unverified\n"), text);
        assertTrue(text.contains("  issued   2023-11-14 22:13:20 UTC (1 min ago)\n"), text);
        assertTrue(text.contains("  expires  2023-11-14 23:13:20 UTC (in 59 min)\n"), text);
        assertTrue(text.contains("  signature  not checked: no certificate was given\n"), text);
        assertTrue(text.contains("RTC       kPrivilegeJoinChannel          until 2023-11-14 22:23:20 UTC (in 9 min)"), text);
        assertTrue(text.contains("  services[0].uid = 42\n      int uid 42 (buildTokenWithUid"), text);
    }

    @Test
    void shouldCheckEverythingWithASecretAndExpectations() throws Exception {
        String secret = secretFile(CERT);
        assertEquals(ExitCodes.VALID, run("inspect", "--now", Long.toString(T0), "--secret-file", secret,
                "--expect-channel", "room", "--expect-uid", "42", "--expect-service", "rtc",
                "--expect-privilege", "kPrivilegeJoinChannel,kPrivilegePublishAudioStream", TOKEN), err.toString());
        assertTrue(out.toString().startsWith("AccessToken2 (007): valid\n"), out.toString());

        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.INVALID, run("inspect", "--now", Long.toString(T0 + 700), "--secret-file", secretFile(CERT.replace('5', '6')),
                "--expect-channel", "lobby", "--expect-account", "bob", TOKEN));
        String text = out.toString();
        assertTrue(text.contains("\nproblems\n"), text);
        assertTrue(text.contains("  wrong-channel: the token is for channel \"room\", not \"lobby\"\n"), text);
        assertTrue(text.contains("  account-but-uid-packed: the token was built for int uid 42 (buildTokenWithUid)"), text);
        assertTrue(text.contains("  privilege-expired: RTC privilege kPrivilegeJoinChannel expired at 2023-11-14 22:23:20 UTC"), text);
        assertTrue(text.contains("  bad-signature: none of the certificates given signed this token\n"), text);
        assertFalse(text.contains(CERT));
    }

    @Test
    void shouldTryTheSecondaryCertificateWhileCertificatesRotate() throws Exception {
        String other = CERT.replace('5', '6');
        Path primary = Files.writeString(dir.resolve("primary"), other);
        Path secondary = Files.writeString(dir.resolve("secondary"), CERT);
        assertEquals(ExitCodes.VALID, run("inspect", "--now", Long.toString(T0), "--secret-file", primary.toString(),
                "--secondary-secret-file", secondary.toString(), TOKEN), err.toString());
        assertTrue(out.toString().contains("  signature  valid (the secondary certificate signed it)\n"), out.toString());

        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.INVALID, run("inspect", "--now", Long.toString(T0), "--secret-file", primary.toString(),
                "--secondary-secret-file", primary.toString(), TOKEN));
        assertTrue(out.toString().contains("  bad-signature: none of the certificates given signed this token\n"), out.toString());

        err.getBuffer().setLength(0);
        assertEquals(ExitCodes.USAGE, run("inspect", "--secret-env", "COUNTERSIGN_TEST_UNSET_VARIABLE",
                "--secondary-secret-file", secondary.toString(), TOKEN));
        assertUserError(ExitCodes.USAGE);
        err.getBuffer().setLength(0);
        assertEquals(ExitCodes.USAGE, run("inspect", "--secret-file", primary.toString(),
                "--secondary-secret-file", dir.resolve("missing").toString(), TOKEN));
        assertTrue(err.toString().startsWith("usage: --secondary-secret-file: cannot read"), err.toString());
        assertFalse(out.toString().contains(CERT) || err.toString().contains(CERT) || err.toString().contains(other));
    }

    @Test
    void shouldPrintJsonForMachinesAndReadStdin() throws Exception {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream((TOKEN + "\n").getBytes(StandardCharsets.UTF_8)));
            assertEquals(ExitCodes.INVALID, run("inspect", "--json", "--now", Long.toString(T0 + 3600), "-"));
        } finally {
            System.setIn(stdin);
        }
        JsonNode json = Adapter.MAPPER.readTree(out.toString());
        assertEquals("invalid", json.path("verdict").asText());
        assertEquals("expired", json.path("findings").path(0).path("code").asText());
        assertEquals("2023-11-14T23:13:20Z", json.path("findings").path(0).path("expiredAtUtc").asText());
        assertEquals("kPrivilegeJoinChannel", json.path("inspection").path("grants").path(0).path("name").asText());

        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.MALFORMED, run("inspect", "--json", "007eJx!"));
        assertEquals("BAD_BASE64", Adapter.MAPPER.readTree(out.toString()).path("findings").path(0).path("reason").asText());
    }

    @Test
    void shouldReportAMalformedTokenInOneLine() {
        assertEquals(ExitCodes.MALFORMED, run("inspect", "hello"));
        assertTrue(err.toString().startsWith("the token is malformed: version at byte 0"), err.toString());
        assertUserError(ExitCodes.MALFORMED);
    }

    @Test
    void shouldExitWithUsageAndNoStackTraceForEveryUserError() throws Exception {
        // No secret at all (verify and build need one; inspect does not).
        assertEquals(ExitCodes.USAGE, run("verify", "--secret-env", "COUNTERSIGN_TEST_UNSET_VARIABLE", TOKEN));
        assertTrue(err.toString().startsWith("usage: no secret: set the environment variable COUNTERSIGN_TEST_UNSET_VARIABLE"), err.toString());
        assertUserError(ExitCodes.USAGE);
        err.getBuffer().setLength(0);
        assertEquals(ExitCodes.USAGE, run("inspect", "--secret-env", "COUNTERSIGN_TEST_UNSET_VARIABLE", TOKEN));
        assertUserError(ExitCodes.USAGE);

        // A missing and an unreadable secret file (a directory).
        for (String file : new String[] {dir.resolve("missing").toString(), dir.toString()}) {
            err.getBuffer().setLength(0);
            assertEquals(ExitCodes.USAGE, run("verify", "--secret-file", file, TOKEN));
            assertTrue(err.toString().startsWith("usage: --secret-file: cannot read"), err.toString());
            assertUserError(ExitCodes.USAGE);
            err.getBuffer().setLength(0);
            assertEquals(ExitCodes.USAGE, run("inspect", "--secret-file", file, TOKEN));
            assertUserError(ExitCodes.USAGE);
        }

        // A bad := JSON argument, and JSON nested 5,000 deep.
        String secret = secretFile(CERT);
        for (String json : new String[] {"{not json", "[".repeat(5000) + "]".repeat(5000)}) {
            err.getBuffer().setLength(0);
            assertEquals(ExitCodes.USAGE, run("build", "RtcTokenBuilder2.buildTokenWithUid", "appId=" + APP_ID,
                    "channelName=room", "uid:=" + json, "role:=1", "tokenExpire:=600", "privilegeExpire:=600", "--secret-file", secret));
            assertTrue(err.toString().startsWith("usage: argument uid:= is not JSON"), err.toString());
            assertUserError(ExitCodes.USAGE);
        }

        // An input the core refuses, an unknown option, a bad number, a certificate that is not 32 hex digits.
        String[][] cases = {
                {"build", "RtcTokenBuilder2.buildTokenWithUid", "appId=nothex", "channelName=room", "uid:=1", "role:=1",
                        "tokenExpire:=600", "privilegeExpire:=600", "--secret-file", secret},
                {"inspect", "--no-such-option", TOKEN},
                {"inspect", "--expect-uid", "forty-two", TOKEN},
                {"inspect", "--expect-uid", "-1", TOKEN},
                {"inspect", "--expect-service", "video", TOKEN},
                {"inspect", "--expect-service", "rtc", "--expect-privilege", "kPrivilegeLogin", TOKEN},
                {"inspect", "--secret-file", secretFile("not-a-certificate"), TOKEN},
                {"build"},
                {"decode"}};
        for (String[] args : cases) {
            err.getBuffer().setLength(0);
            assertEquals(ExitCodes.USAGE, run(args), String.join(" ", args) + " -> " + err);
            assertUserError(ExitCodes.USAGE);
        }
    }

    @Test
    void shouldDocumentTheExitCodesInEveryHelp() {
        for (String command : new String[] {"--help", "inspect --help", "verify --help", "build --help", "decode --help"}) {
            out.getBuffer().setLength(0);
            assertEquals(0, run(command.split(" ")));
            String help = out.toString();
            assertTrue(help.contains("Exit status:") && help.contains("  1    invalid: the token decodes")
                    && help.contains("  2    malformed: the token does not decode")
                    && help.contains("  3    usage: bad options or arguments, or a missing or unreadable secret"), help);
        }
    }

    @Test
    void shouldGenerateBashAndZshCompletion() {
        assertEquals(0, run("generate-completion"));
        String script = out.toString();
        assertTrue(script.contains("complete -F _complete_countersign"), script.substring(0, 200));
        assertTrue(script.contains("inspect") && script.contains("--expect-channel"), "completion lists inspect and its options");
        // zsh loads the same script through bashcompinit.
        assertTrue(script.contains("bashcompinit"));
    }

    /** The script in a real bash, as a shell calls it on TAB: a command, then an option of it. */
    @Test
    void shouldCompleteCommandsAndOptionsInBash() throws Exception {
        assertEquals(0, run("generate-completion"));
        Path script = Files.writeString(dir.resolve("countersign.bash"), out.toString());
        assertEquals("inspect", complete(script, "countersign", "insp"));
        assertEquals("--expect-channel", complete(script, "countersign", "inspect", "--expect-ch"));
    }

    /** What bash offers for the last of words (COMPREPLY, one per line), as completion sets the COMP_ variables. */
    private static String complete(Path script, String... words) throws Exception {
        String line = String.join(" ", words);
        String bash = "source \"$1\"; shift; COMP_WORDS=(\"$@\"); COMP_CWORD=$(( $# - 1 )); COMP_LINE=\"$*\"; "
                + "COMP_POINT=${#COMP_LINE}; _complete_countersign countersign \"${COMP_WORDS[COMP_CWORD]}\" "
                + "\"${COMP_WORDS[COMP_CWORD - 1]}\"; printf '%s\\n' \"${COMPREPLY[@]}\"";
        List<String> command = new ArrayList<>(List.of("bash", "-c", bash, "bash", script.toString()));
        command.addAll(List.of(words));
        // stderr is left out: outside a real TAB, compopt complains that no completion is running.
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, process.waitFor(), line + ": " + output);
        return output;
    }
}
