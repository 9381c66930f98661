package io.countersign.cli;

import io.countersign.cli.adapter.Adapter;
import io.countersign.codec.SaltSource;
import io.countersign.codec.TokenFormatException;
import io.countersign.netless.NonceSource;
import io.countersign.schemes.ArgumentShapeException;
import io.countersign.schemes.BuilderCatalog;
import io.countersign.schemes.BuilderSpec;
import io.countersign.schemes.Builders;
import io.countersign.schemes.Param;
import io.countersign.schemes.TokenScheme;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The {@code countersign} command: build, decode and verify tokens, and serve the conformance
 * adapter protocol. Builders come from the core's {@link BuilderCatalog} and token contents from
 * {@link TokenScheme}, the same the adapter the conformance suite drives uses, so what people see
 * is what the suite checks.
 */
@Command(name = "countersign", mixinStandardHelpOptions = true, version = "countersign " + Adapter.VERSION,
        description = "Build, decode and verify Agora access tokens.",
        subcommands = {Main.Build.class, Main.Decode.class, Main.Verify.class, Main.Serve.class})
public final class Main {
    /** Exit status of verify for a well-formed token with a wrong signature. */
    static final int INVALID = 1;
    /** Exit status for input the command rejects (bad arguments, malformed token). */
    static final int REJECTED = 2;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    /** Where a secret comes from: an environment variable or a file, never the command line itself. */
    static final class Secret {
        @Option(names = "--secret-env", paramLabel = "NAME", defaultValue = "AGORA_APP_CERTIFICATE",
                description = "Environment variable holding the App Certificate (or Netless SK). Default: ${DEFAULT-VALUE}.")
        String env;

        @Option(names = "--secret-file", paramLabel = "FILE", description = "File holding the secret (surrounding white space is ignored).")
        Path file;

        String read() throws Exception {
            if (file != null) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            String value = System.getenv(env);
            if (value == null) {
                throw new IllegalArgumentException("secret: set the environment variable " + env + " or pass --secret-file");
            }
            return value;
        }
    }

    /** Prints a result on stdout: text as it is, anything else as indented JSON. */
    static void print(CommandLine.Model.CommandSpec spec, Object value) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(value instanceof String text ? text : Adapter.MAPPER.valueToTree(value).toPrettyString());
        out.flush();
    }

    /** Runs {@code command}; an input the core refuses is reported on stderr as "code: message" with {@link #REJECTED}. */
    static int rejecting(CommandLine.Model.CommandSpec spec, Callable<Integer> command) throws Exception {
        try {
            return command.call();
        } catch (TokenFormatException e) {
            return reject(spec, "malformed", e.getMessage());
        } catch (ArgumentShapeException e) {
            return reject(spec, "bad-request", e.getMessage());
        } catch (IllegalArgumentException e) {
            return reject(spec, "invalid-argument", e.getMessage());
        }
    }

    private static int reject(CommandLine.Model.CommandSpec spec, String code, String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(code + ": " + message);
        err.flush();
        return REJECTED;
    }

    static TokenScheme schemeOf(String token) {
        return TokenScheme.of(token).orElseThrow(() -> new TokenFormatException(TokenFormatException.Reason.BAD_PREFIX,
                "token", 0, "no known version prefix (007, 006, 005, signaling \"1:\", NETLESSSDK_, NETLESSROOM_, NETLESSTASK_)"));
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = {"Build a token with a named official builder, e.g.",
                    "  countersign build RtcTokenBuilder2.buildTokenWithUid appId=970C... channelName=room uid:=2882341273 role:=1 tokenExpire:=3600 privilegeExpire:=3600",
                    "key=value passes a string, key:=json passes a JSON value (numbers, objects). The App Certificate (or Netless SK)",
                    "comes from --secret-env/--secret-file. --list shows every builder and its arguments."})
    static final class Build implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "BUILDER", description = "e.g. RtcTokenBuilder2.buildTokenWithUid")
        String builder;

        @Parameters(index = "1..*", paramLabel = "ARG", description = "builder arguments: name=string or name:=json")
        List<String> arguments = List.of();

        @CommandLine.Mixin
        Secret secret = new Secret();

        @Option(names = "--list", description = "List every builder with its arguments instead of building.")
        boolean list;

        @Option(names = "--json", description = "With --list: the builder catalog as JSON.")
        boolean json;

        @Option(names = "--now", description = "Issue time, unix seconds (default: the clock).")
        Long now;

        @Option(names = "--salt", description = "Salt (default: secure random in 1..99999999).")
        Long salt;

        @Override
        public Integer call() throws Exception {
            if (list) {
                spec.commandLine().getOut().print(json ? BuilderCatalog.toJson() : catalogText());
                spec.commandLine().getOut().flush();
                return 0;
            }
            if (builder == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "name a builder (countersign build --list shows them)");
            }
            BuilderSpec builderSpec = BuilderCatalog.find(builder).orElseThrow(() -> new CommandLine.ParameterException(
                    spec.commandLine(), "no builder \"" + builder + "\" (countersign build --list shows them)"));
            Map<String, Object> args = new LinkedHashMap<>();
            for (String argument : arguments) {
                int colonEquals = argument.indexOf(":=");
                int equals = argument.indexOf('=');
                if (equals <= 0) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "argument \"" + argument + "\" is not name=value or name:=json");
                }
                if (colonEquals > 0 && colonEquals < equals) {
                    args.put(argument.substring(0, colonEquals), Adapter.MAPPER.readValue(argument.substring(colonEquals + 2), Object.class));
                } else {
                    args.put(argument.substring(0, equals), argument.substring(equals + 1));
                }
            }
            args.put(builderSpec.secret().name(), secret.read());
            Clock clock = now == null ? Clock.systemUTC() : Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC);
            SaltSource salts = salt == null ? SaltSource.secureRandom() : SaltSource.fixed(salt);
            Builders builders = new Builders(clock, salts, NonceSource.uuidV1(clock));
            return rejecting(spec, () -> {
                print(spec, builderSpec.build(builders, args));
                return 0;
            });
        }

        private static String catalogText() {
            StringBuilder text = new StringBuilder();
            for (BuilderSpec b : BuilderCatalog.all()) {
                text.append(b.name()).append(" (").append(b.scheme()).append(b.official() ? "" : ", countersign extension")
                        .append("): ").append(b.summary()).append('\n');
                for (Param p : b.params()) {
                    text.append("    ").append(p.name()).append(p.type() == Param.Type.TEXT ? "=" : ":=")
                            .append(p.optional() ? " (optional) " : " ").append(p.meaning().description())
                            .append(p.meaning().isSecret() ? " [from --secret-env/--secret-file]" : "").append('\n');
                }
            }
            return text.toString();
        }
    }

    @Command(name = "decode", mixinStandardHelpOptions = true,
            description = "Decode a token (any scheme) into readable JSON; needs no secret.")
    static final class Decode implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "TOKEN")
        String token;

        @Override
        public Integer call() throws Exception {
            return rejecting(spec, () -> {
                Map<String, Object> content = schemeOf(token).decode(token);
                if (content.get("issueTs") instanceof Long issueTs && content.get("expire") instanceof Long expire) {
                    long expiresAt = issueTs + expire;
                    content.put("issuedAt", Instant.ofEpochSecond(issueTs).toString());
                    content.put("expiresAt", Instant.ofEpochSecond(expiresAt).toString());
                    content.put("expiredNow", Instant.now().getEpochSecond() >= expiresAt);
                }
                print(spec, content);
                return 0;
            });
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verify a token's signature with the App Certificate (or Netless SK).",
                    "Exit status: 0 valid, 1 invalid signature, 2 malformed token or bad input."})
    static final class Verify implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "TOKEN")
        String token;

        @CommandLine.Mixin
        Secret secret = new Secret();

        @Option(names = "--channel", description = "Channel name (006 tokens only carry its CRC; 005 needs it too).")
        String channelName;

        @Option(names = "--uid", description = "Uid or account (006 and 005 tokens only carry its CRC).")
        String uid;

        @Option(names = "--account", description = "Account (signaling tokens only carry it inside their MD5).")
        String account;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> inputs = new LinkedHashMap<>();
            if (channelName != null) {
                inputs.put("channelName", channelName);
            }
            if (uid != null) {
                inputs.put("uid", uid);
            }
            if (account != null) {
                inputs.put("account", account);
            }
            String certificate = secret.read();
            return rejecting(spec, () -> {
                boolean valid = schemeOf(token).verify(token, certificate, inputs);
                print(spec, Boolean.toString(valid));
                return valid ? 0 : INVALID;
            });
        }
    }

    @Command(name = "adapter", mixinStandardHelpOptions = true,
            description = "Speak the conformance adapter protocol (conformance/PROTOCOL.md v1.1) on stdin/stdout.")
    static final class Serve implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
            new Adapter().run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out);
            return 0;
        }
    }
}
