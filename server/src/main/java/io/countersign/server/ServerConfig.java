package io.countersign.server;

import io.countersign.codec.Credentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every setting of the token server in one immutable object, with a builder and documented
 * defaults, checked together. Where each setting comes from (flag, environment variable, file)
 * is declared once, in {@link Main}. Secrets never appear in {@link #toString()}.
 */
final class ServerConfig {
    /** Default lifetime of tokens whose request names none: one hour, as the community token service. */
    static final long DEFAULT_TOKEN_EXPIRE = 3600;
    /** Agora: "A token is valid for a maximum of 24 hours" (Authenticate Your Users with Tokens). */
    static final long DEFAULT_MAX_EXPIRE = 86_400;

    private final String appId;
    private final Secret appCertificate;
    private final Secret appCertificateSecondary;
    private final String netlessAk;
    private final Secret netlessSk;
    private final String host;
    private final int port;
    private final Set<String> allowedOrigins;
    private final List<Secret> apiKeys;
    private final double rateLimit;
    private final int rateBurst;
    private final int maxBodyBytes;
    private final long tokenExpire;
    private final long maxExpire;
    private final Duration shutdownGrace;
    private final int ioThreads;
    private final boolean trustForwardedFor;

    private ServerConfig(Builder b) {
        if ((b.appId == null) != (b.appCertificate == null)) {
            throw new IllegalArgumentException("appCertificate: the App ID and the App Certificate go together; set both or neither");
        }
        if ((b.netlessAk == null) != (b.netlessSk == null)) {
            throw new IllegalArgumentException("netlessSk: the Netless AK and SK go together; set both or neither");
        }
        if (b.appId == null && b.netlessAk == null) {
            throw new IllegalArgumentException("appId: nothing to sign with; set AGORA_APP_ID and AGORA_APP_CERTIFICATE "
                    + "(or NETLESS_AK and NETLESS_SK)");
        }
        if (b.appId != null) {
            Credentials.requireAppId("appId", b.appId);
            Credentials.requireAppCertificate("appCertificate", b.appCertificate.reveal());
        }
        if (b.appCertificateSecondary != null) {
            if (b.appCertificate == null) {
                throw new IllegalArgumentException("appCertificateSecondary: a secondary certificate needs the primary one");
            }
            Credentials.requireAppCertificate("appCertificateSecondary", b.appCertificateSecondary.reveal());
        }
        if (b.netlessAk != null && (b.netlessAk.isEmpty() || b.netlessSk.reveal().isEmpty())) {
            throw new IllegalArgumentException("netlessSk: the Netless AK and SK must not be empty");
        }
        this.appId = b.appId;
        this.appCertificate = b.appCertificate;
        this.appCertificateSecondary = b.appCertificateSecondary;
        this.netlessAk = b.netlessAk;
        this.netlessSk = b.netlessSk;
        this.host = require("host", b.host, !b.host.isBlank(), "must not be blank");
        this.port = require("port", b.port, b.port >= 0 && b.port <= 65_535, "must be 0..65535 (0 picks a free port)");
        this.allowedOrigins = Set.copyOf(b.allowedOrigins);
        this.apiKeys = List.copyOf(b.apiKeys);
        this.rateLimit = require("rateLimit", b.rateLimit, b.rateLimit >= 0 && Double.isFinite(b.rateLimit),
                "must be >= 0 requests per second (0 turns rate limiting off)");
        this.rateBurst = require("rateBurst", b.rateBurst, b.rateBurst >= 1, "must be >= 1");
        this.maxBodyBytes = require("maxBodyBytes", b.maxBodyBytes, b.maxBodyBytes >= 256, "must be >= 256");
        this.maxExpire = require("maxExpire", b.maxExpire, b.maxExpire >= 1 && b.maxExpire <= AgoraRules.U32_MAX,
                "must be 1..4294967295 seconds");
        this.tokenExpire = require("tokenExpire", b.tokenExpire, b.tokenExpire >= 1 && b.tokenExpire <= b.maxExpire,
                "must be 1..maxExpire (" + b.maxExpire + ") seconds");
        this.shutdownGrace = require("shutdownGrace", b.shutdownGrace, !b.shutdownGrace.isNegative(), "must not be negative");
        this.ioThreads = require("ioThreads", b.ioThreads, b.ioThreads >= 1, "must be >= 1");
        this.trustForwardedFor = b.trustForwardedFor;
    }

    private static <T> T require(String field, T value, boolean ok, String rule) {
        if (!ok) {
            throw new IllegalArgumentException(field + ": " + rule + ", was " + value);
        }
        return value;
    }

    static Builder builder() {
        return new Builder();
    }

    /** The file's content without surrounding white space (a trailing newline is usual). */
    static Secret readSecret(String field, Path file) {
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new IllegalArgumentException(field + ": the file " + file + " is empty");
            }
            return Secret.of(value);
        } catch (IOException e) {
            throw new UncheckedIOException(field + ": cannot read " + file, e);
        }
    }

    /** API keys, one a line; blank lines and lines starting with '#' are skipped. */
    static List<Secret> readApiKeys(Path file) {
        try {
            return splitSecrets(Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.strip().startsWith("#")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("apiKeys: cannot read " + file, e);
        }
    }

    static List<Secret> splitSecrets(List<String> parts) {
        List<Secret> keys = new ArrayList<>();
        for (String part : parts) {
            if (!part.isBlank()) {
                keys.add(Secret.of(part.strip()));
            }
        }
        return keys;
    }

    /** The App ID tokens are issued for; null when only Netless is configured. */
    String appId() {
        return appId;
    }

    Secret appCertificate() {
        return appCertificate;
    }

    /**
     * The certificate that is also accepted while certificates rotate, or null: tokens are signed
     * with {@link #appCertificate()} only, and POST /v1/verify accepts either.
     */
    Secret appCertificateSecondary() {
        return appCertificateSecondary;
    }

    String netlessAk() {
        return netlessAk;
    }

    Secret netlessSk() {
        return netlessSk;
    }

    boolean hasAgora() {
        return appId != null;
    }

    boolean hasNetless() {
        return netlessAk != null;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    /** Origins a browser may call from; "*" allows any. Empty (the default): no cross-origin calls. */
    Set<String> allowedOrigins() {
        return allowedOrigins;
    }

    /** Accepted API keys; empty (the default) turns authentication off. */
    List<Secret> apiKeys() {
        return apiKeys;
    }

    /** Sustained requests per second per client; 0 turns rate limiting off. Default 20. */
    double rateLimit() {
        return rateLimit;
    }

    /** Requests a client may make at once before the sustained rate applies. Default 40. */
    int rateBurst() {
        return rateBurst;
    }

    /** The largest request body accepted; larger ones get 413. Default 16 KiB. */
    int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** Lifetime in seconds of tokens whose request names none. Default {@value #DEFAULT_TOKEN_EXPIRE}. */
    long tokenExpire() {
        return tokenExpire;
    }

    /** The longest lifetime in seconds a request may ask for. Default {@value #DEFAULT_MAX_EXPIRE}. */
    long maxExpire() {
        return maxExpire;
    }

    /** How long shutdown waits for in-flight requests. Default 10 s. */
    Duration shutdownGrace() {
        return shutdownGrace;
    }

    int ioThreads() {
        return ioThreads;
    }

    /** Whether the client address is the first X-Forwarded-For hop (only behind a proxy you run). Default false. */
    boolean trustForwardedFor() {
        return trustForwardedFor;
    }

    @Override
    public String toString() {
        return "ServerConfig{appId=" + appId + ", appCertificate=" + (appCertificate == null ? "unset" : "set")
                + ", appCertificateSecondary=" + (appCertificateSecondary == null ? "unset" : "set")
                + ", netlessAk=" + netlessAk + ", netlessSk=" + (netlessSk == null ? "unset" : "set")
                + ", host=" + host + ", port=" + port + ", allowedOrigins=" + allowedOrigins
                + ", apiKeys=" + apiKeys.size() + ", rateLimit=" + rateLimit + "/s, rateBurst=" + rateBurst
                + ", maxBodyBytes=" + maxBodyBytes + ", tokenExpire=" + tokenExpire + ", maxExpire=" + maxExpire
                + ", shutdownGrace=" + shutdownGrace + ", ioThreads=" + ioThreads
                + ", trustForwardedFor=" + trustForwardedFor + "}";
    }

    /** Settings with the documented defaults; {@link #build()} checks them together. */
    static final class Builder {
        private String appId;
        private Secret appCertificate;
        private Secret appCertificateSecondary;
        private String netlessAk;
        private Secret netlessSk;
        private String host = "0.0.0.0";
        private int port = 8080;
        private Set<String> allowedOrigins = new LinkedHashSet<>();
        private List<Secret> apiKeys = new ArrayList<>();
        private double rateLimit = 20;
        private int rateBurst = 40;
        private int maxBodyBytes = 16 * 1024;
        private long tokenExpire = DEFAULT_TOKEN_EXPIRE;
        private long maxExpire = DEFAULT_MAX_EXPIRE;
        private Duration shutdownGrace = Duration.ofSeconds(10);
        private int ioThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
        private boolean trustForwardedFor;

        private Builder() {
        }

        Builder appId(String appId) {
            this.appId = appId;
            return this;
        }

        Builder appCertificate(Secret appCertificate) {
            this.appCertificate = appCertificate;
            return this;
        }

        Builder appCertificateSecondary(Secret appCertificateSecondary) {
            this.appCertificateSecondary = appCertificateSecondary;
            return this;
        }

        Builder netlessAk(String netlessAk) {
            this.netlessAk = netlessAk;
            return this;
        }

        Builder netlessSk(Secret netlessSk) {
            this.netlessSk = netlessSk;
            return this;
        }

        Builder host(String host) {
            this.host = host;
            return this;
        }

        Builder port(int port) {
            this.port = port;
            return this;
        }

        Builder allowedOrigins(Iterable<String> origins) {
            this.allowedOrigins = new LinkedHashSet<>();
            origins.forEach(this.allowedOrigins::add);
            return this;
        }

        Builder apiKeys(List<Secret> apiKeys) {
            this.apiKeys = new ArrayList<>(apiKeys);
            return this;
        }

        Builder rateLimit(double perSecond) {
            this.rateLimit = perSecond;
            return this;
        }

        Builder rateBurst(int burst) {
            this.rateBurst = burst;
            return this;
        }

        Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        Builder tokenExpire(long seconds) {
            this.tokenExpire = seconds;
            return this;
        }

        Builder maxExpire(long seconds) {
            this.maxExpire = seconds;
            return this;
        }

        Builder shutdownGrace(Duration grace) {
            this.shutdownGrace = grace;
            return this;
        }

        Builder ioThreads(int ioThreads) {
            this.ioThreads = ioThreads;
            return this;
        }

        Builder trustForwardedFor(boolean trust) {
            this.trustForwardedFor = trust;
            return this;
        }

        ServerConfig build() {
            return new ServerConfig(this);
        }
    }
}
