package io.countersign.server;

import io.countersign.codec.SaltSource;
import io.countersign.netless.NonceSource;
import io.countersign.schemes.BuilderSpec;
import io.countersign.schemes.Builders;
import io.countersign.schemes.Meaning;
import io.countersign.schemes.Param;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every token this server hands out is built here, through the core's builder catalog: the
 * server's App ID and certificate (or Netless AK and SK) go in, the caller's arguments are held
 * to Agora's rules and the lifetime cap by what each parameter means, and the builder runs on
 * the server's real clock and secure randomness. Thread-safe.
 */
final class TokenIssuer {
    private final ServerConfig config;
    private final Metrics metrics;
    private final Clock clock;
    private final SaltSource salts;
    private final Builders builders;

    TokenIssuer(ServerConfig config, Metrics metrics) {
        this(config, metrics, Clock.systemUTC(), SaltSource.secureRandom(), NonceSource.randomUuid());
    }

    TokenIssuer(ServerConfig config, Metrics metrics, Clock clock, SaltSource salts, NonceSource nonces) {
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        this.salts = salts;
        // Random (v4) nonces: unlike netless-token's v1 UUIDs they reveal neither the time nor a node.
        this.builders = new Builders(clock, salts, nonces);
    }

    /** Whether this server holds the secret {@code spec} signs with. */
    boolean canIssue(BuilderSpec spec) {
        return netless(spec) ? config.hasNetless() : config.hasAgora();
    }

    /**
     * Builds {@code spec} with {@code given} arguments (not modified), reporting a bad one as
     * {@code prefix + name} ("args.channelName"). The caller may repeat the configured App ID or
     * AK but never send a secret, the clock or randomness.
     */
    String issue(BuilderSpec spec, Map<String, ?> given, String prefix) {
        if (netless(spec)) {
            Routes.requireNetless(config);
        } else {
            Routes.requireAgora(config);
        }
        Map<String, Object> args = new LinkedHashMap<>(given);
        long now = clock.instant().getEpochSecond();
        for (Param p : spec.params()) {
            String field = prefix + p.name();
            switch (p.meaning()) {
                case APP_CERTIFICATE -> supply(args, p, field, config.hasAgora() ? config.appCertificate().reveal() : null,
                        "the server holds the App Certificate; never send it");
                case NETLESS_SK -> supply(args, p, field, config.hasNetless() ? config.netlessSk().reveal() : null,
                        "the server holds the Netless SK; never send it");
                case ISSUE_TIMESTAMP -> supply(args, p, field, now, "the server sets it to the current time");
                case RANDOM_SALT -> supply(args, p, field, salts.nextSalt(), "the server draws it");
                case APP_ID -> configured(args, p, field, config.appId(), "App ID");
                case NETLESS_AK -> configured(args, p, field, config.netlessAk(), "Netless AK");
                default -> checkRule(p, field, args.get(p.name()), now);
            }
        }
        String token = spec.build(builders, args);
        metrics.tokenIssued(spec.name());
        return token;
    }

    /** Agora's rules and the lifetime cap, by meaning, on a value of the right kind (the builder reports the wrong kind). */
    private void checkRule(Param p, String field, Object value, long now) {
        long max = config.maxExpire();
        if (value instanceof String text) {
            switch (p.meaning()) {
                case CHANNEL_NAME -> AgoraRules.channelName(field, text);
                case STREAM_CHANNEL -> {
                    if (!text.equals("*")) {
                        AgoraRules.channelName(field, text);
                    }
                }
                case ACCOUNT -> AgoraRules.userAccount(field, text);
                case RTM_USER_ID -> AgoraRules.rtmUserId(field, text);
                default -> {
                }
            }
        } else if (value instanceof Integer || value instanceof Long) {
            long v = ((Number) value).longValue();
            switch (p.meaning()) {
                case UID -> AgoraRules.uid(field, v);
                case TOKEN_LIFETIME -> AgoraRules.lifetime(field, v, max);
                case PRIVILEGE_LIFETIME -> {
                    if (v < 0 || v > max) {
                        throw HttpError.invalid(field, field + ": a privilege lifetime is 0.." + max + " seconds, was " + v);
                    }
                }
                case EXPIRY_TIMESTAMP -> {
                    if (v <= now || v > now + max) {
                        throw HttpError.invalid(field, field + ": an expiry time is unix seconds in (now, now + " + max
                                + "], now being " + now + "; was " + v);
                    }
                }
                case LIFESPAN_MS -> {
                    if (v < 1 || v > max * 1000) {
                        throw HttpError.invalid(field, field + ": a Netless lifespan is 1.." + max * 1000
                                + " milliseconds (0, never expiring, is not issued here), was " + v);
                    }
                }
                default -> {
                }
            }
        }
    }

    /** A value only the server supplies: a request that sends it is refused. */
    private static void supply(Map<String, Object> args, Param p, String field, Object value, String why) {
        if (args.containsKey(p.name())) {
            throw HttpError.invalid(field, field + ": must not be sent; " + why);
        }
        args.put(p.name(), value);
    }

    /** The configured value; a request may repeat it but not name another. */
    private static void configured(Map<String, Object> args, Param p, String field, String configured, String what) {
        Object given = args.get(p.name());
        if (given != null && !given.equals(configured)) {
            throw HttpError.invalid(field, field + ": this server issues tokens for its configured " + what
                    + " only; leave it out");
        }
        args.put(p.name(), configured);
    }

    private static boolean netless(BuilderSpec spec) {
        return spec.secret().meaning() == Meaning.NETLESS_SK;
    }
}
