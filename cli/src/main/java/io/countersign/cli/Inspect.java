package io.countersign.cli;

import io.countersign.doctor.CheckResult;
import io.countersign.doctor.DoctorData;
import io.countersign.doctor.Expectations;
import io.countersign.doctor.Finding;
import io.countersign.doctor.Inspection;
import io.countersign.doctor.ServiceKind;
import io.countersign.doctor.TokenDoctor;
import io.countersign.doctor.Words;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code countersign inspect}: a token in words (every field, privileges by their official
 * names with absolute expiry, warnings), and with a secret or expectations a full check that
 * lists every problem. The words are the core's ({@link TokenDoctor}), the same the server's
 * {@code POST /v1/verify} and the inspector page show.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Say what a token (any scheme) holds, in words, and why it would be refused.",
                "With the App Certificate (or Netless SK) from the environment or a file, the signature is checked too;",
                "with --expect-* options, the channel, user, service and privileges the client will use.",
                "Example: countersign inspect --expect-channel room --expect-uid 42 007eJx...",
                "         echo \"$TOKEN\" | countersign inspect --json -"})
final class Inspect implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TOKEN", description = "The token, or - to read it from stdin.")
    String token;

    @Option(names = "--expect-channel", paramLabel = "NAME", description = "The channel the client joins.")
    String channel;

    @Option(names = "--expect-uid", paramLabel = "UID", description = "The int uid the client joins with (0..4294967295).")
    Long uid;

    @Option(names = "--expect-account", paramLabel = "ACCOUNT", description = "The user account the client joins or logs in with.")
    String account;

    @Option(names = "--expect-service", paramLabel = "SERVICE",
            description = "The service the client uses: rtc, rtm, streaming, fpa, chat, fcdn, apaas, rtm2, convoai, stt.")
    String service;

    @Option(names = "--expect-privilege", paramLabel = "PRIVILEGE", split = ",",
            description = "Privileges the client needs from --expect-service, by official name or id, e.g. kPrivilegePublishAudioStream.")
    List<String> privileges = List.of();

    @Option(names = "--leeway", paramLabel = "SECONDS", defaultValue = "0",
            description = "Accept a token this long after it expired (clock skew). Default: ${DEFAULT-VALUE}.")
    long leeway;

    @Option(names = "--secret-env", paramLabel = "NAME",
            description = "Environment variable holding the App Certificate (or Netless SK); it must be set. "
                    + "Without this and --secret-file, AGORA_APP_CERTIFICATE (NETLESS_SK for Netless tokens) is used if set.")
    String secretEnv;

    @Option(names = "--secret-file", paramLabel = "FILE", description = "File holding the secret (surrounding white space is ignored).")
    Path secretFile;

    @Option(names = "--secondary-secret-env", paramLabel = "NAME",
            description = "Environment variable holding a second App Certificate, tried after the first while certificates "
                    + "rotate; it must be set. Without this and --secondary-secret-file, AGORA_APP_CERTIFICATE_SECONDARY "
                    + "is used if set (as the server does; not for Netless tokens).")
    String secondarySecretEnv;

    @Option(names = "--secondary-secret-file", paramLabel = "FILE", description = "File holding the second certificate.")
    Path secondarySecretFile;

    @Option(names = "--now", paramLabel = "SECONDS", description = "Judge the token at this unix time instead of the clock.")
    Long now;

    @Option(names = "--json", description = "Print the result as JSON (the shape of the server's POST /v1/verify).")
    boolean json;

    @Override
    public Integer call() throws IOException {
        String text = Main.tokenArgument(token);
        Expectations expectations = expectations(text);
        CheckResult result = TokenDoctor.check(text, expectations);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Main.toJson(DoctorData.of(result)));
        } else if (result.inspection().isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(result.findings().get(0).message());
            err.flush();
        } else {
            out.print(render(result, expectations.clock().instant().getEpochSecond()));
        }
        out.flush();
        switch (result.verdict()) {
            case MALFORMED: return ExitCodes.MALFORMED;
            case INVALID: return ExitCodes.INVALID;
            default: return ExitCodes.VALID;
        }
    }

    private Expectations expectations(String text) {
        Expectations.Builder b = Expectations.builder()
                .clock(now == null ? Clock.systemUTC() : Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC))
                .leeway(Duration.ofSeconds(leeway));
        boolean netless = text.startsWith("NETLESS");
        String secret = secret("--secret", secretFile, secretEnv, netless ? "NETLESS_SK" : "AGORA_APP_CERTIFICATE");
        if (secret != null) {
            b.certificate(secret);
        }
        String secondary = secret("--secondary-secret", secondarySecretFile, secondarySecretEnv,
                netless ? null : "AGORA_APP_CERTIFICATE_SECONDARY");
        if (secondary != null) {
            if (secret == null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "a secondary certificate needs the primary one (--secret-file, --secret-env or AGORA_APP_CERTIFICATE)");
            }
            b.secondaryCertificate(secondary);
        }
        if (uid != null && account != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --expect-uid or --expect-account, not both");
        }
        if (uid != null) {
            b.uid(uid);
        }
        if (account != null) {
            b.account(account);
        }
        if (channel != null) {
            b.channel(channel);
        }
        if (service == null && !privileges.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--expect-privilege needs --expect-service");
        }
        if (service != null) {
            ServiceKind kind = ServiceKind.ofName(service);
            if (kind == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--expect-service: no service \"" + service
                        + "\" (rtc, rtm, streaming, fpa, chat, fcdn, apaas, rtm2, convoai, stt)");
            }
            int[] ids = new int[privileges.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = kind.privilegeId(privileges.get(i));
                if (ids[i] < 0) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--expect-privilege: " + kind.label()
                            + " has no privilege \"" + privileges.get(i) + "\"");
                }
            }
            b.service(kind, ids);
        }
        return b.build();
    }

    /**
     * The secret from {@code file} or the variable {@code env} if one was named, else the value of
     * {@code implicit} (e.g. AGORA_APP_CERTIFICATE, or NETLESS_SK for a Netless token; none when
     * null) if set; a named source that cannot be read is a usage error ({@code option}-file/-env).
     */
    private String secret(String option, Path file, String env, String implicit) {
        if (file != null) {
            return Main.readSecretFile(spec, option + "-file", file);
        }
        if (env != null) {
            String value = System.getenv(env);
            if (value == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), option + "-env: the environment variable "
                        + env + " is not set");
            }
            return value;
        }
        return implicit == null ? null : System.getenv(implicit);
    }

    /** The result as a person reads it. */
    static String render(CheckResult result, long now) {
        Inspection in = result.inspection().orElseThrow();
        StringBuilder s = new StringBuilder();
        s.append(in.title()).append(": ").append(result.verdict().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
        if (in.issuedAt().isPresent()) {
            s.append("  issued   ").append(when(in.issuedAt().getAsLong(), now)).append('\n');
        }
        s.append("  expires  ").append(in.expiresAt().isPresent() ? when(in.expiresAt().getAsLong(), now) : "never").append('\n');
        s.append("  signature  ").append(signature(result)).append('\n');
        if (!result.findings().isEmpty()) {
            s.append("\nproblems\n");
            for (Finding f : result.findings()) {
                s.append("  ").append(f.code()).append(": ").append(f.message()).append('\n');
            }
        }
        if (!in.warnings().isEmpty()) {
            s.append("\nwarnings\n");
            for (Inspection.Warning w : in.warnings()) {
                s.append("  ").append(w.field()).append(": ").append(w.message()).append('\n');
            }
        }
        if (!in.grants().isEmpty()) {
            s.append("\nprivileges\n");
            for (Inspection.Grant g : in.grants()) {
                s.append("  ").append(String.format("%-9s %-30s until %s", g.service().label(), g.name(), when(g.expiresAt(), now)))
                        .append('\n');
            }
        }
        s.append("\nfields\n");
        for (Inspection.Field f : in.fields()) {
            s.append("  ").append(f.name()).append(" = ").append(f.value()).append("\n      ").append(f.meaning()).append('\n');
        }
        return s.toString();
    }

    private static String when(long millis, long now) {
        return Words.utcMillis(millis) + " (" + Words.relative(Math.floorDiv(millis, 1000), now) + ")";
    }

    private static String signature(CheckResult result) {
        switch (result.signature()) {
            case PRIMARY: return "valid (the certificate given signed it)";
            case SECONDARY: return "valid (the secondary certificate signed it)";
            case INVALID: return "invalid";
            default: return "not checked: " + result.signatureNote();
        }
    }
}
