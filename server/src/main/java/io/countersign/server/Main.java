package io.countersign.server;

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
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar countersign-server.jar [options]}: configuration from the environment (see
 * {@link ServerConfig#fromEnvironment}), each flag overriding its variable. Secrets are taken
 * only from the environment or from files, so they never show in a process list.
 */
@Command(name = "countersign-server", mixinStandardHelpOptions = true, version = "countersign-server 0.1",
        description = "An HTTP token server: holds the App Certificate (and Netless AK/SK) and hands out tokens.",
        footer = {"", "Secrets: AGORA_APP_CERTIFICATE (or --app-certificate-file), NETLESS_SK (or --netless-sk-file),",
                "COUNTERSIGN_API_KEYS (or --api-keys-file). Every flag has an environment variable: see server/README.md."})
public final class Main implements Callable<Integer> {
    @Option(names = "--app-id", description = "Agora App ID (env AGORA_APP_ID or APP_ID).")
    String appId;

    @Option(names = "--app-certificate-file", description = "File holding the App Certificate (env AGORA_APP_CERTIFICATE_FILE).")
    Path appCertificateFile;

    @Option(names = "--netless-ak", description = "Netless (whiteboard) access key (env NETLESS_AK).")
    String netlessAk;

    @Option(names = "--netless-sk-file", description = "File holding the Netless secret key (env NETLESS_SK_FILE).")
    Path netlessSkFile;

    @Option(names = "--api-keys-file", description = "File of accepted API keys, one a line (env COUNTERSIGN_API_KEYS_FILE). "
            + "None: no key needed.")
    Path apiKeysFile;

    @Option(names = "--host", description = "Address to listen on (env COUNTERSIGN_HOST). Default 0.0.0.0.")
    String host;

    @Option(names = "--port", description = "Port; 0 picks a free one (env COUNTERSIGN_PORT, SERVER_PORT or PORT). Default 8080.")
    Integer port;

    @Option(names = "--allowed-origins", split = ",", description = "Origins browsers may call from, comma-separated, "
            + "or * (env COUNTERSIGN_ALLOWED_ORIGINS or CORS_ALLOW_ORIGIN). Default none.")
    java.util.List<String> allowedOrigins;

    @Option(names = "--rate-limit", description = "Requests per second per client; 0 turns it off (env COUNTERSIGN_RATE_LIMIT). "
            + "Default 20.")
    Double rateLimit;

    @Option(names = "--rate-burst", description = "Requests a client may make at once (env COUNTERSIGN_RATE_BURST). Default 40.")
    Integer rateBurst;

    @Option(names = "--max-body-bytes", description = "Largest request body (env COUNTERSIGN_MAX_BODY_BYTES). Default 16384.")
    Integer maxBodyBytes;

    @Option(names = "--token-expire", description = "Token lifetime in seconds where a request names none "
            + "(env COUNTERSIGN_TOKEN_EXPIRE). Default 3600.")
    Long tokenExpire;

    @Option(names = "--max-expire", description = "Longest lifetime a request may ask for, seconds (env COUNTERSIGN_MAX_EXPIRE). "
            + "Default 86400.")
    Long maxExpire;

    @Option(names = "--shutdown-grace", description = "Seconds in-flight requests get on shutdown (env COUNTERSIGN_SHUTDOWN_GRACE). "
            + "Default 10.")
    Double shutdownGrace;

    @Option(names = "--io-threads", description = "Threads serving requests (env COUNTERSIGN_IO_THREADS). Default: the cores, at least 2.")
    Integer ioThreads;

    @Option(names = "--trust-forwarded-for", description = "Rate-limit by the first X-Forwarded-For address; only behind your own proxy "
            + "(env COUNTERSIGN_TRUST_FORWARDED_FOR).")
    Boolean trustForwardedFor;

    @Option(names = "--http", description = "HTTP library: undertow (default) or jdk (com.sun.net.httpserver, for comparison).")
    String http = "undertow";

    public static void main(String[] args) {
        // Undertow logs through jboss-logging: to java.util.logging, whatever else is on the class path.
        System.setProperty("org.jboss.logging.provider", "jdk");
        int code = new CommandLine(new Main()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    ServerConfig config() {
        ServerConfig.Builder b = ServerConfig.fromEnvironment(System.getenv());
        if (appId != null) {
            b.appId(appId);
        }
        if (appCertificateFile != null) {
            b.appCertificate(ServerConfig.readSecret("appCertificate", warnIfShared(appCertificateFile)));
        }
        if (netlessAk != null) {
            b.netlessAk(netlessAk);
        }
        if (netlessSkFile != null) {
            b.netlessSk(ServerConfig.readSecret("netlessSk", warnIfShared(netlessSkFile)));
        }
        if (apiKeysFile != null) {
            b.apiKeys(ServerConfig.readApiKeys(warnIfShared(apiKeysFile)));
        }
        if (host != null) {
            b.host(host);
        }
        if (port != null) {
            b.port(port);
        }
        if (allowedOrigins != null) {
            b.allowedOrigins(allowedOrigins.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
        }
        if (rateLimit != null) {
            b.rateLimit(rateLimit);
        }
        if (rateBurst != null) {
            b.rateBurst(rateBurst);
        }
        if (maxBodyBytes != null) {
            b.maxBodyBytes(maxBodyBytes);
        }
        if (tokenExpire != null) {
            b.tokenExpire(tokenExpire);
        }
        if (maxExpire != null) {
            b.maxExpire(maxExpire);
        }
        if (shutdownGrace != null) {
            b.shutdownGrace(Duration.ofMillis(Math.round(shutdownGrace * 1000)));
        }
        if (ioThreads != null) {
            b.ioThreads(ioThreads);
        }
        if (trustForwardedFor != null) {
            b.trustForwardedFor(trustForwardedFor);
        }
        return b.build();
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
