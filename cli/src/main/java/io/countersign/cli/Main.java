package io.countersign.cli;

import io.countersign.codec.Version;
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
import picocli.AutoComplete;
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
@Command(name = "countersign", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {"Build, decode, verify and inspect Agora access tokens.",
                "Shell completion: source <(countersign generate-completion)  (zsh: run autoload -U +X bashcompinit && bashcompinit first)."},
        subcommands = {Main.Build.class, Main.Decode.class, Main.Verify.class, Inspect.class, Main.Serve.class,
                AutoComplete.GenerateCompletion.class})
public final class Main {
    /** {@code --version}: the release the build wrote into core. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"countersign " + Version.current()};
        }
    }

    private Main() {
    }

    /**
     * Runs one command and exits with its status ({@code countersign --help} lists both).
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command with its exit codes ({@link ExitCodes}): every user error (bad options, a
     * missing or unreadable secret, bad JSON, an input the core refuses) is one line on stderr
     * and {@link ExitCodes#USAGE}; only a bug prints a stack trace.
     */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        java.util.Map<String, String> codes = new LinkedHashMap<>();
        for (String line : ExitCodes.LIST) {
            codes.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1));
        }
        for (CommandLine command : java.util.stream.Stream.concat(java.util.stream.Stream.of(cli),
                cli.getSubcommands().values().stream()).toList()) {
            command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit status:%n").exitCodeList(codes);
        }
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler(Main::failure);
        return cli;
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("usage: " + e.getMessage());
        err.println("(" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help shows the options)");
        err.flush();
        return ExitCodes.USAGE;
    }

    /** An exception out of a command: a user error is one line and its code, anything else a bug. */
    private static int failure(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        int code;
        if (e instanceof TokenFormatException) {
            err.println("malformed: " + e.getMessage());
            code = ExitCodes.MALFORMED;
        } else if (e instanceof ArgumentShapeException) {
            err.println("bad-request: " + e.getMessage());
            code = ExitCodes.USAGE;
        } else if (e instanceof IllegalArgumentException) {
            err.println("invalid-argument: " + e.getMessage());
            code = ExitCodes.USAGE;
        } else {
            err.println("internal error in countersign (please report it):");
            e.printStackTrace(err);
            code = ExitCodes.INTERNAL;
        }
        err.flush();
        return code;
    }

    /** The token argument: as given, or read from stdin for "-". */
    static String tokenArgument(String token) throws java.io.IOException {
        return token.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip() : token;
    }

    /** A secret from a file, surrounding white space ignored; a file that cannot be read is a usage error. */
    static String readSecretFile(CommandLine.Model.CommandSpec spec, Path file) {
        return readSecretFile(spec, "--secret-file", file);
    }

    /** As {@link #readSecretFile(CommandLine.Model.CommandSpec, Path)}, for the option named {@code option}. */
    static String readSecretFile(CommandLine.Model.CommandSpec spec, String option, Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            String why = !Files.exists(file) ? "no such file" : Files.isDirectory(file) ? "it is a directory"
                    : "not readable";
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": cannot read " + file + " (" + why + ")");
        }
    }

    /** Plain data as indented JSON. */
    static String toJson(Object value) {
        return Adapter.MAPPER.valueToTree(value).toPrettyString();
    }

    /** Where a secret comes from: an environment variable or a file, never the command line itself. */
    static final class Secret {
        @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--secret-env", paramLabel = "NAME", defaultValue = "AGORA_APP_CERTIFICATE",
                description = "Environment variable holding the App Certificate (or Netless SK). Default: ${DEFAULT-VALUE}.")
        String env;

        @Option(names = "--secret-file", paramLabel = "FILE", description = "File holding the secret (surrounding white space is ignored).")
        Path file;

        /** The secret; a missing or unreadable one is a usage error, which never repeats the secret. */
        String read() {
            if (file != null) {
                return readSecretFile(spec, file);
            }
            String value = System.getenv(env);
            if (value == null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "no secret: set the environment variable " + env + " or pass --secret-file");
            }
            return value;
        }
    }

    /** Prints a result on stdout: text as it is, anything else as indented JSON. */
    static void print(CommandLine.Model.CommandSpec spec, Object value) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(value instanceof String text ? text : toJson(value));
        out.flush();
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
                    args.put(argument.substring(0, colonEquals), json(argument.substring(0, colonEquals), argument.substring(colonEquals + 2)));
                } else {
                    args.put(argument.substring(0, equals), argument.substring(equals + 1));
                }
            }
            args.put(builderSpec.secret().name(), secret.read());
            Clock clock = now == null ? Clock.systemUTC() : Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC);
            SaltSource salts = salt == null ? SaltSource.secureRandom() : SaltSource.fixed(salt);
            Builders builders = new Builders(clock, salts, NonceSource.uuidV1(clock));
            print(spec, builderSpec.build(builders, args));
            return ExitCodes.VALID;
        }

        /** A name:=json value; JSON that does not parse (or nests past Jackson's depth limit) is a usage error. */
        private Object json(String name, String text) {
            try {
                return Adapter.MAPPER.readValue(text, Object.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "argument " + name + ":= is not JSON: "
                        + e.getOriginalMessage());
            }
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

        @Parameters(index = "0", paramLabel = "TOKEN", description = "The token, or - to read it from stdin.")
        String token;

        @Override
        public Integer call() throws Exception {
            String text = tokenArgument(token);
            Map<String, Object> content = schemeOf(text).decode(text);
            if (content.get("issueTs") instanceof Long issueTs && content.get("expire") instanceof Long expire) {
                long expiresAt = issueTs + expire;
                content.put("issuedAt", Instant.ofEpochSecond(issueTs).toString());
                content.put("expiresAt", Instant.ofEpochSecond(expiresAt).toString());
                content.put("expiredNow", Instant.now().getEpochSecond() >= expiresAt);
            }
            print(spec, content);
            return ExitCodes.VALID;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verify a token's signature with the App Certificate (or Netless SK).",
                    "For why a token fails (expiry, channel, uid or account, privileges), use inspect."})
    static final class Verify implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "TOKEN", description = "The token, or - to read it from stdin.")
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
            String text = tokenArgument(token);
            boolean valid = schemeOf(text).verify(text, certificate, inputs);
            print(spec, Boolean.toString(valid));
            return valid ? ExitCodes.VALID : ExitCodes.INVALID;
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
