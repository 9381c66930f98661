package io.countersign.server;

import io.countersign.codec.Version;
import io.countersign.server.http.JdkTransport;
import io.countersign.server.http.Transport;
import io.countersign.server.http.UndertowTransport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar countersign-server.jar [options]}. Each setting is declared here once: its
 * flag, its environment variables (the community token service's names too, so its
 * deployments move over unchanged) and its default; a flag wins over the environment. Secrets
 * come only from the environment or from files, so they never show in a process list.
 */
@Command(name = "countersign-server", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "An HTTP token server: holds the App Certificate (and Netless AK/SK) and hands out tokens.",
        footer = {"", "Secrets: AGORA_APP_CERTIFICATE or APP_CERTIFICATE (or a file: --app-certificate-file),",
                "AGORA_APP_CERTIFICATE_SECONDARY (or --app-certificate-secondary-file) while certificates rotate, NETLESS_SK",
                "(or --netless-sk-file), COUNTERSIGN_API_KEYS (comma-separated, or --api-keys-file). See server/README.md."})
public final class Main implements Callable<Integer> {
    /** {@code --version}: the release the build wrote into core. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"countersign-server " + Version.current()};
        }
    }

    @Option(names = "--app-id", defaultValue = "${env:AGORA_APP_ID:-${env:APP_ID}}",
            description = "Agora App ID (env AGORA_APP_ID or APP_ID).")
    String appId;

    @Option(names = "--app-certificate-file", defaultValue = "${env:AGORA_APP_CERTIFICATE_FILE}",
            description = "File holding the App Certificate (env AGORA_APP_CERTIFICATE_FILE; else the value in "
                    + "AGORA_APP_CERTIFICATE or APP_CERTIFICATE).")
    Path appCertificateFile;

    @Option(names = "--app-certificate-secondary-file", defaultValue = "${env:AGORA_APP_CERTIFICATE_SECONDARY_FILE}",
            description = "File holding a second App Certificate that POST /v1/verify also accepts while certificates rotate; "
                    + "tokens are signed with the first (env AGORA_APP_CERTIFICATE_SECONDARY_FILE; else the value in "
                    + "AGORA_APP_CERTIFICATE_SECONDARY).")
    Path appCertificateSecondaryFile;

    @Option(names = "--netless-ak", defaultValue = "${env:NETLESS_AK}", description = "Netless (whiteboard) access key (env NETLESS_AK).")
    String netlessAk;

    @Option(names = "--netless-sk-file", defaultValue = "${env:NETLESS_SK_FILE}",
            description = "File holding the Netless secret key (env NETLESS_SK_FILE; else the value in NETLESS_SK).")
    Path netlessSkFile;

    @Option(names = "--api-keys-file", defaultValue = "${env:COUNTERSIGN_API_KEYS_FILE}",
            description = "File of accepted API keys, one a line (env COUNTERSIGN_API_KEYS_FILE; else COUNTERSIGN_API_KEYS, "
                    + "comma-separated). None: no key needed.")
    Path apiKeysFile;

    @Option(names = "--host", defaultValue = "${env:COUNTERSIGN_HOST:-0.0.0.0}",
            description = "Address to listen on (env COUNTERSIGN_HOST). Default ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--port", defaultValue = "${env:COUNTERSIGN_PORT:-${env:SERVER_PORT:-${env:PORT:-8080}}}",
            description = "Port; 0 picks a free one (env COUNTERSIGN_PORT, SERVER_PORT or PORT). Default 8080.")
    int port;

    @Option(names = "--allowed-origins", split = ",", defaultValue = "${env:COUNTERSIGN_ALLOWED_ORIGINS:-${env:CORS_ALLOW_ORIGIN}}",
            description = "Origins browsers may call from, comma-separated, or * (env COUNTERSIGN_ALLOWED_ORIGINS or "
                    + "CORS_ALLOW_ORIGIN). Default none.")
    List<String> allowedOrigins;

    @Option(names = "--rate-limit", defaultValue = "${env:COUNTERSIGN_RATE_LIMIT:-20}",
            description = "Requests per second per client; 0 turns it off (env COUNTERSIGN_RATE_LIMIT). Default 20.")
    double rateLimit;

    @Option(names = "--rate-burst", defaultValue = "${env:COUNTERSIGN_RATE_BURST:-40}",
            description = "Requests a client may make at once (env COUNTERSIGN_RATE_BURST). Default 40.")
    int rateBurst;

    @Option(names = "--max-body-bytes", defaultValue = "${env:COUNTERSIGN_MAX_BODY_BYTES:-16384}",
            description = "Largest request body (env COUNTERSIGN_MAX_BODY_BYTES). Default 16384.")
    int maxBodyBytes;

    @Option(names = "--token-expire", defaultValue = "${env:COUNTERSIGN_TOKEN_EXPIRE:-3600}",
            description = "Token lifetime in seconds where a request names none (env COUNTERSIGN_TOKEN_EXPIRE). Default 3600.")
    long tokenExpire;

    @Option(names = "--max-expire", defaultValue = "${env:COUNTERSIGN_MAX_EXPIRE:-86400}",
            description = "Longest lifetime a request may ask for, seconds (env COUNTERSIGN_MAX_EXPIRE). Default 86400.")
    long maxExpire;

    @Option(names = "--shutdown-grace", defaultValue = "${env:COUNTERSIGN_SHUTDOWN_GRACE:-10}",
            description = "Seconds in-flight requests get on shutdown (env COUNTERSIGN_SHUTDOWN_GRACE). Default 10.")
    double shutdownGrace;

    @Option(names = "--io-threads", defaultValue = "${env:COUNTERSIGN_IO_THREADS}",
            description = "Threads serving requests (env COUNTERSIGN_IO_THREADS). Default: the cores, at least 2.")
    Integer ioThreads;

    @Option(names = "--trust-forwarded-for", defaultValue = "${env:COUNTERSIGN_TRUST_FORWARDED_FOR:-false}", fallbackValue = "true",
            arity = "0..1", description = "Rate-limit by the first X-Forwarded-For address; only behind your own proxy "
            + "(env COUNTERSIGN_TRUST_FORWARDED_FOR).")
    boolean trustForwardedFor;

    @Option(names = "--http", defaultValue = "undertow",
            description = "HTTP library: undertow (default) or jdk (com.sun.net.httpserver, for comparison).")
    String http;

    @Option(names = "--print-config", description = "Print the settings (secrets as set or unset) and exit.")
    boolean printConfig;

    /** Not API (the command line is): options stay unset until picocli parses a command line into them. */
    Main() {
    }

    /**
     * Serves until the process is stopped: SIGTERM (or Ctrl-C) drains the requests in flight, for
     * up to {@code --shutdown-grace}, before it exits. A bad option or setting exits 2.
     *
     * @param args the options; {@code --help} lists them and their environment variables
     */
    public static void main(String[] args) {
        // Undertow logs through jboss-logging: to java.util.logging, whatever else is on the class path.
        System.setProperty("org.jboss.logging.provider", "jdk");
        int code = new CommandLine(new Main()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The settings as parsed, with the secrets read from their files or environment variables. */
    ServerConfig config() {
        ServerConfig.Builder b = ServerConfig.builder()
                .appId(appId)
                .appCertificate(secret("appCertificate", appCertificateFile, "AGORA_APP_CERTIFICATE", "APP_CERTIFICATE"))
                .appCertificateSecondary(secret("appCertificateSecondary", appCertificateSecondaryFile,
                        "AGORA_APP_CERTIFICATE_SECONDARY"))
                .netlessAk(netlessAk)
                .netlessSk(secret("netlessSk", netlessSkFile, "NETLESS_SK"))
                .host(host)
                .port(port)
                .allowedOrigins(allowedOrigins == null ? List.of()
                        : allowedOrigins.stream().map(String::strip).filter(s -> !s.isEmpty()).toList())
                .rateLimit(rateLimit)
                .rateBurst(rateBurst)
                .maxBodyBytes(maxBodyBytes)
                .tokenExpire(tokenExpire)
                .maxExpire(maxExpire)
                .shutdownGrace(Duration.ofMillis(Math.round(shutdownGrace * 1000)))
                .trustForwardedFor(trustForwardedFor);
        if (apiKeysFile != null) {
            b.apiKeys(ServerConfig.readApiKeys(warnIfShared(apiKeysFile)));
        } else if (System.getenv("COUNTERSIGN_API_KEYS") != null) {
            b.apiKeys(ServerConfig.splitSecrets(List.of(System.getenv("COUNTERSIGN_API_KEYS").split(","))));
        }
        if (ioThreads != null) {
            b.ioThreads(ioThreads);
        }
        return b.build();
    }

    /** A secret from its file when one is named, else from the first environment variable set. */
    private static Secret secret(String field, Path file, String... variables) {
        if (file != null) {
            return ServerConfig.readSecret(field, warnIfShared(file));
        }
        for (String variable : variables) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return Secret.of(value.strip());
            }
        }
        return null;
    }

    @Override
    public Integer call() throws Exception {
        ServerConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            System.err.println("countersign-server: " + e.getMessage());
            return 2;
        }
        if (printConfig) {
            System.out.println(config);
            return 0;
        }
        Transport transport = switch (http) {
            case "undertow" -> new UndertowTransport();
            case "jdk" -> new JdkTransport();
            default -> {
                System.err.println("countersign-server: --http must be undertow or jdk, was " + http);
                yield null;
            }
        };
        if (transport == null) {
            return 2;
        }
        TokenServer server = TokenServer.start(config, transport);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("countersign-server: draining (up to " + config.shutdownGrace().toMillis() + " ms)");
            server.close();
            System.err.println("countersign-server: stopped");
            stopped.countDown();
        }, "countersign-shutdown"));
        System.err.println("countersign-server: listening on http://" + config.host() + ":" + server.port() + " (" + http + ")");
        System.err.println("countersign-server: " + config);
        if (config.apiKeys().isEmpty()) {
            System.err.println("countersign-server: warning: no API keys, so anyone who reaches this port gets tokens");
        }
        if (config.allowedOrigins().contains("*")) {
            System.err.println("countersign-server: warning: any web origin may call this server (--allowed-origins *)");
        }
        stopped.await();
        return 0;
    }

    /** Secret files should be readable by their owner only; say so when they are not. */
    private static Path warnIfShared(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                System.err.println("countersign-server: warning: " + file + " is readable by others (chmod 600 it)");
            }
        } catch (UnsupportedOperationException | java.io.IOException e) {
            // Not a POSIX file system, or unreadable: reading it will say so.
        }
        return file;
    }
}
