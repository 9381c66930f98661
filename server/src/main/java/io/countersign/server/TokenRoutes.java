package io.countersign.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.countersign.cli.adapter.DynamicKey5Scheme;
import io.countersign.cli.adapter.NetlessScheme;
import io.countersign.cli.adapter.Scheme;
import io.countersign.cli.adapter.Schemes;
import io.countersign.codec.SaltSource;
import io.countersign.netless.NonceSource;
import io.countersign.server.http.HttpRequest;
import io.countersign.server.http.HttpResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server's own API over every builder the core has, through the conformance adapter's
 * {@link Scheme} classes, so builder and argument names are exactly PROTOCOL.md's {@code build}.
 * The server supplies what PROTOCOL.md fixes per request: the clock ({@code now}, {@code nowMs},
 * 005's {@code unixTs}) and the randomness ({@code salt}, {@code nonce}, 005's {@code randomInt}),
 * and the App ID and certificate (Netless AK and SK) from its configuration. A request may not
 * carry a certificate or SK, nor the clock or randomness.
 * <ul>
 * <li>{@code POST /v1/tokens} {"builder": "...", "args": {...}} -> {"token": "...", "builder": "...", "scheme": "..."}</li>
 * <li>{@code POST /v1/decode} {"token": "..."} -> {"content": {...}} (PROTOCOL.md content shapes; no secret needed)</li>
 * <li>{@code GET /v1/builders} -> {"builders": [{"builder", "scheme"}...]}</li>
 * </ul>
 */
final class TokenRoutes {
    /** Seconds-from-now lifetimes of a whole token: 1..maxExpire. */
    private static final Set<String> TOKEN_LIFETIMES = Set.of("tokenExpire", "expire", "rtcTokenExpire", "rtmTokenExpire",
            "validTimeInSeconds");
    /** Seconds-from-now lifetimes of one privilege: 0..maxExpire (bounded by the token's anyway). */
    private static final Set<String> PRIVILEGE_LIFETIMES = Set.of("privilegeExpire", "joinChannelPrivilegeExpire",
            "pubAudioPrivilegeExpire", "pubVideoPrivilegeExpire", "pubDataStreamPrivilegeExpire");
    /** Unix-time expiries of 006 and 005 (where 0 would mean "never"): now+1..now+maxExpire. */
    private static final Set<String> EXPIRY_TIMESTAMPS = Set.of("privilegeExpiredTs", "expiredTs");

    private final ServerConfig config;
    private final Metrics metrics;
    private final Map<String, Scheme> byBuilder = new LinkedHashMap<>();
    private final List<Scheme> schemes = Schemes.all();
    private final SaltSource salts = SaltSource.secureRandom();
    // Random (v4) nonces: unlike netless-token's v1 UUIDs they reveal neither the time nor a node.
    private final NonceSource nonces = NonceSource.randomUuid();

    TokenRoutes(ServerConfig config, Metrics metrics) {
        this.config = config;
        this.metrics = metrics;
        for (Scheme s : schemes) {
            for (String b : s.builders()) {
                byBuilder.put(b, s);
            }
        }
    }

    List<Api.Route> routes() {
        return List.of(
                new Api.Route("/v1/tokens", Set.of("POST"), false, true, Api.NATIVE, this::token),
                new Api.Route("/v1/decode", Set.of("POST"), false, true, Api.NATIVE, this::decode),
                new Api.Route("/v1/builders", Set.of("GET"), false, true, Api.NATIVE, this::builders));
    }

    private HttpResponse token(HttpRequest request, String[] params) {
        ObjectNode body = JsonBodies.object(request.body());
        String builder = JsonBodies.optionalText(body, "builder");
        if (builder == null) {
            throw HttpError.badRequest("builder", "builder: required, e.g. \"RtcTokenBuilder2.buildTokenWithUid\"");
        }
        Scheme scheme = byBuilder.get(builder);
        if (scheme == null) {
            throw new HttpError(400, HttpError.UNSUPPORTED, "builder", "builder: no builder \"" + builder
                    + "\"; GET /v1/builders lists them");
        }
        JsonNode argsNode = body.get("args");
        if (argsNode != null && !argsNode.isNull() && !argsNode.isObject()) {
            throw HttpError.badRequest("args", "args: must be an object");
        }
        ObjectNode args = argsNode == null || argsNode.isNull() ? JsonBodies.newObject() : ((ObjectNode) argsNode).deepCopy();
        long nowMs = System.currentTimeMillis();
        long now = nowMs / 1000;
        ObjectNode call = JsonBodies.newObject();
        call.put("builder", builder);
        call.set("args", args);
        if (scheme.name().equals(NetlessScheme.NAME)) {
            Routes.requireNetless(config);
            refuse(args, "sk", "the server holds the Netless SK; never send it");
            inject(args, "ak", config.netlessAk(), "Netless AK");
            args.put("sk", config.netlessSk().reveal());
            call.put("nowMs", nowMs);
            call.put("nonce", nonces.nextNonce());
        } else {
            Routes.requireAgora(config);
            refuse(args, "appCertificate", "the server holds the App Certificate; never send it");
            inject(args, "appId", config.appId(), "App ID");
            args.put("appCertificate", config.appCertificate().reveal());
            if (scheme.name().equals(DynamicKey5Scheme.NAME)) {
                // 005 takes its timestamp and random number as arguments; the server supplies both.
                refuse(args, "unixTs", "the server sets it to the current time");
                refuse(args, "randomInt", "the server draws it");
                args.put("unixTs", now);
                args.put("randomInt", salts.nextSalt());
            }
            call.put("now", now);
            call.put("salt", salts.nextSalt());
        }
        checkRules(builder, args, now);
        String token = scheme.build(builder, call);
        metrics.tokenIssued(builder);
        ObjectNode answer = JsonBodies.newObject();
        answer.put("token", token);
        answer.put("builder", builder);
        answer.put("scheme", scheme.name());
        return HttpResponse.json(200, JsonBodies.bytes(answer));
    }

    private HttpResponse decode(HttpRequest request, String[] params) {
        ObjectNode body = JsonBodies.object(request.body());
        String token = JsonBodies.optionalText(body, "token");
        if (token == null) {
            throw HttpError.badRequest("token", "token: required");
        }
        for (Scheme s : schemes) {
            if (s.recognizes(token)) {
                ObjectNode answer = JsonBodies.newObject();
                answer.set("content", s.decode(token));
                return HttpResponse.json(200, JsonBodies.bytes(answer));
            }
        }
        throw new HttpError(400, HttpError.MALFORMED, "token", "token: no known version prefix "
                + "(007, 006, 005, signaling \"1:\", NETLESSSDK_, NETLESSROOM_, NETLESSTASK_)");
    }

    private HttpResponse builders(HttpRequest request, String[] params) {
        ObjectNode answer = JsonBodies.newObject();
        ArrayNode list = answer.putArray("builders");
        byBuilder.forEach((builder, scheme) -> {
            boolean available = scheme.name().equals(NetlessScheme.NAME) ? config.hasNetless() : config.hasAgora();
            list.addObject().put("builder", builder).put("scheme", scheme.name()).put("available", available);
        });
        return HttpResponse.json(200, JsonBodies.bytes(answer));
    }

    private static void refuse(ObjectNode args, String field, String why) {
        if (args.has(field)) {
            throw HttpError.invalid("args." + field, "args." + field + ": must not be sent; " + why);
        }
    }

    /** Sets {@code field} to the configured value; a request may repeat it but not name another. */
    private static void inject(ObjectNode args, String field, String configured, String what) {
        JsonNode given = args.get(field);
        if (given != null && !(given.isTextual() && given.textValue().equals(configured))) {
            throw HttpError.invalid("args." + field, "args." + field + ": this server issues tokens for its configured "
                    + what + " only; leave it out");
        }
        args.put(field, configured);
    }

    /** Agora's input rules and the lifetime cap, on the arguments that carry them (when they have the right JSON type). */
    private void checkRules(String builder, ObjectNode args, long now) {
        long max = config.maxExpire();
        for (Map.Entry<String, JsonNode> e : args.properties()) {
            String name = e.getKey();
            JsonNode value = e.getValue();
            String field = "args." + name;
            if (value.isTextual()) {
                String text = value.textValue();
                switch (name) {
                    case "channelName" -> AgoraRules.channelName(field, text);
                    case "account", "rtcAccount" -> {
                        if (!builder.startsWith("SignalingToken.")) {
                            AgoraRules.userAccount(field, text);
                        }
                    }
                    case "userId", "rtmUserId" -> {
                        if (!builder.startsWith("ChatTokenBuilder2.")) {
                            AgoraRules.rtmUserId(field, text);
                        }
                    }
                    default -> {
                    }
                }
            } else if (value.isIntegralNumber() && value.canConvertToLong()) {
                long v = value.longValue();
                if (TOKEN_LIFETIMES.contains(name)) {
                    AgoraRules.lifetime(field, v, max);
                } else if (PRIVILEGE_LIFETIMES.contains(name) && (v < 0 || v > max)) {
                    throw HttpError.invalid(field, field + ": a privilege lifetime is 0.." + max + " seconds, was " + v);
                } else if (EXPIRY_TIMESTAMPS.contains(name) && (v <= now || v > now + max)) {
                    throw HttpError.invalid(field, field + ": an expiry time is unix seconds in (now, now + " + max
                            + "], now being " + now + "; was " + v);
                } else if (name.equals("lifespan") && (v < 1 || v > max * 1000)) {
                    throw HttpError.invalid(field, field + ": a Netless lifespan is 1.." + max * 1000
                            + " milliseconds (0, never expiring, is not issued here), was " + v);
                }
            }
        }
    }
}
