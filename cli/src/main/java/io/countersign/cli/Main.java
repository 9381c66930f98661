package io.countersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.countersign.cli.adapter.Adapter;
import io.countersign.cli.adapter.Json;
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
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The {@code countersign} command: build, decode and verify tokens, and serve the conformance
 * adapter protocol. Every command goes through the same {@link Adapter} the conformance suite
 * drives, so what people see is what the suite checks.
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

    /** Prints an adapter response: the result as JSON on stdout, or the error on stderr. Returns the exit status. */
    static int print(CommandLine.Model.CommandSpec spec, ObjectNode response, String field) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!response.path("ok").asBoolean()) {
            err.println(response.path("error").path("code").asText() + ": " + response.path("error").path("message").asText());
            err.flush();
            return REJECTED;
        }
        JsonNode value = response.get(field);
        out.println(value.isTextual() ? value.textValue() : value.toPrettyString());
        out.flush();
        return 0;
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = {"Build a token with a named official builder, e.g.",
                    "  countersign build RtcTokenBuilder2.buildTokenWithUid appId=970C... channelName=room uid:=2882341273 role:=1 tokenExpire:=3600 privilegeExpire:=3600",
                    "key=value passes a string, key:=json passes a JSON value (numbers, objects). The App Certificate comes from --secret-env/--secret-file."})
    static final class Build implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "BUILDER", description = "e.g. RtcTokenBuilder2.buildTokenWithUid")
        String builder;

        @Parameters(index = "1..*", paramLabel = "ARG", description = "builder arguments: name=string or name:=json")
        List<String> arguments = List.of();

        @CommandLine.Mixin
        Secret secret = new Secret();

        @Option(names = "--now", description = "Issue time, unix seconds (default: the clock).")
        Long now;

        @Option(names = "--salt", description = "Salt (default: secure random in 1..99999999).")
        Long salt;

        @Override
        public Integer call() throws Exception {
            ObjectNode request = Json.NODES.objectNode();
            request.put("id", "cli");
            request.put("op", "build");
            request.put("builder", builder);
            ObjectNode args = request.putObject("args");
            for (String argument : arguments) {
                int colonEquals = argument.indexOf(":=");
                int equals = argument.indexOf('=');
                if (equals <= 0) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "argument \"" + argument + "\" is not name=value or name:=json");
                }
                if (colonEquals > 0 && colonEquals < equals) {
                    args.set(argument.substring(0, colonEquals), Json.MAPPER.readTree(argument.substring(colonEquals + 2)));
                } else {
                    args.put(argument.substring(0, equals), argument.substring(equals + 1));
                }
            }
            String secretArg = builder.startsWith("NetlessToken.") ? "sk" : "appCertificate";
            args.put(secretArg, secret.read());
            request.put("now", now != null ? now : Instant.now().getEpochSecond());
            request.put("salt", salt != null ? salt : io.countersign.codec.SaltSource.secureRandom().nextSalt());
            request.put("nowMs", now != null ? now * 1000 : System.currentTimeMillis());
            request.put("nonce", java.util.UUID.randomUUID().toString());
            return print(spec, new Adapter().handle(request.toString()), "token");
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
        public Integer call() {
            ObjectNode request = Json.NODES.objectNode();
            request.put("id", "cli");
            request.put("op", "decode");
            request.put("token", token);
            ObjectNode response = new Adapter().handle(request.toString());
            JsonNode content = response.get("content");
            if (content instanceof ObjectNode c && c.has("issueTs") && c.has("expire")) {
                long expiresAt = c.get("issueTs").asLong() + c.get("expire").asLong();
                c.put("issuedAt", Instant.ofEpochSecond(c.get("issueTs").asLong()).toString());
                c.put("expiresAt", Instant.ofEpochSecond(expiresAt).toString());
                c.put("expiredNow", Instant.now().getEpochSecond() >= expiresAt);
            }
            return print(spec, response, "content");
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
            ObjectNode request = Json.NODES.objectNode();
            request.put("id", "cli");
            request.put("op", "verify");
            request.put("token", token);
            request.put("secret", secret.read());
            if (channelName != null) {
                request.put("channelName", channelName);
            }
            if (uid != null) {
                request.put("uid", uid);
            }
            if (account != null) {
                request.put("account", account);
            }
            ObjectNode response = new Adapter().handle(request.toString());
            int status = print(spec, response, "valid");
            return status == 0 && !response.get("valid").asBoolean() ? INVALID : status;
        }
    }

    @Command(name = "adapter", mixinStandardHelpOptions = true,
            description = "Speak the conformance adapter protocol (PROTOCOL.md v1) on stdin/stdout.")
    static final class Serve implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
            new Adapter().run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out);
            return 0;
        }
    }
}
