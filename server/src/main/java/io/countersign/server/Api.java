package io.countersign.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.countersign.codec.InvalidArgumentException;
import io.countersign.codec.TokenFormatException;
import io.countersign.schemes.ArgumentShapeException;
import io.countersign.server.http.HttpRequest;
import io.countersign.server.http.HttpResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every request goes through here, whichever HTTP library carried it: route, CORS, transport
 * rejections, body limit, rate limit, API key, handler, errors in the route's own JSON shape,
 * metrics. The order is deliberate: the rate limit picks the bucket by client address before any
 * key is looked at, so a right key and a wrong one are limited alike and guessing keys learns
 * nothing from the limiter.
 */
final class Api implements Function<HttpRequest, HttpResponse> {
    private static final Logger LOG = Logger.getLogger(Api.class.getName());
    static final String UNMATCHED = "unmatched";
    private static final String ALLOWED_HEADERS = "Content-Type, Authorization, X-API-Key";

    /** Answers one matched request; {@code params} are the raw (still percent-encoded) path parameters. */
    @FunctionalInterface
    interface Handler {
        HttpResponse handle(HttpRequest request, String[] params);
    }

    /** Renders an error in a route's own response shape. */
    @FunctionalInterface
    interface ErrorShape {
        byte[] render(HttpError error);
    }

    /**
     * One route. {@code pattern}: literal segments and ":name" parameters; a trailing slash is
     * optional. {@code open}: answered without an API key (health, metrics, ping).
     * {@code limited}: subject to the rate limit.
     */
    record Route(String pattern, Set<String> methods, boolean open, boolean limited, ErrorShape shape, Handler handler) {
        String allow() {
            return String.join(", ", methods) + ", OPTIONS";
        }
    }

    private record Match(Route route, String[] params) {
    }

    /** The server's own error shape: {"error": {"status", "code", "field", "message"}}. */
    static final ErrorShape NATIVE = e -> {
        ObjectNode root = JsonBodies.newObject();
        ObjectNode error = root.putObject("error");
        error.put("status", e.status());
        error.put("code", e.code());
        if (e.field() != null) {
            error.put("field", e.field());
        }
        error.put("message", e.getMessage());
        return JsonBodies.bytes(root);
    };

    private final Map<String, Route> exact = new HashMap<>();
    private final List<Route> patterned = new ArrayList<>();
    private final Metrics metrics;
    private final RateLimiter limiter;
    private final ApiKeys keys;
    private final Set<String> origins;
    private final boolean anyOrigin;
    private final boolean trustForwardedFor;
    private final LongPredicate drainingAt;

    Api(ServerConfig config, Metrics metrics, List<Route> routes) {
        this(config, metrics, routes, t -> false);
    }

    /**
     * {@code drainingAt}: whether shutdown had begun at a {@link System#nanoTime()}; a request
     * received after that gets 503 on every route but the {@code open} ones.
     */
    Api(ServerConfig config, Metrics metrics, List<Route> routes, LongPredicate drainingAt) {
        this.drainingAt = drainingAt;
        for (Route r : routes) {
            if (r.pattern().contains("/:")) {
                patterned.add(r);
            } else {
                exact.put(r.pattern(), r);
            }
            metrics.declareRoute(r.pattern());
        }
        metrics.declareRoute(UNMATCHED);
        this.metrics = metrics;
        this.limiter = config.rateLimit() > 0
                ? new RateLimiter(config.rateLimit(), config.rateBurst(), 100_000, System.nanoTime()) : null;
        this.keys = new ApiKeys(config.apiKeys());
        this.origins = config.allowedOrigins();
        this.anyOrigin = origins.contains("*");
        this.trustForwardedFor = config.trustForwardedFor();
    }

    @Override
    public HttpResponse apply(HttpRequest request) {
        long start = System.nanoTime();
        metrics.started();
        Match match = match(request.rawPath());
        Route route = match == null ? null : match.route();
        String label = route == null ? UNMATCHED : route.pattern();
        String origin = request.header("Origin");
        boolean originAllowed = origin != null && (anyOrigin || origins.contains(origin));
        HttpResponse response;
        try {
            response = dispatch(request, match, origin, originAllowed, start);
        } catch (HttpError e) {
            response = error(route, e);
        } catch (TokenFormatException e) {
            response = error(route, new HttpError(400, HttpError.MALFORMED, "token", e.getMessage()));
        } catch (ArgumentShapeException e) {
            response = error(route, HttpError.badRequest(e.field(), e.getMessage()));
        } catch (InvalidArgumentException e) {
            response = error(route, HttpError.invalid(e.field(), e.getMessage()));
        } catch (IllegalArgumentException e) {
            response = error(route, HttpError.invalid(null, e.getMessage()));
        } catch (RuntimeException e) {
            // A bug, not an input problem. The core never puts a secret in a message; the request body is not logged.
            LOG.log(Level.SEVERE, "internal error on " + label, e);
            response = error(route, new HttpError(500, HttpError.INTERNAL, null, "internal error"));
        }
        response.header("Cache-Control", "no-store");
        response.header("X-Content-Type-Options", "nosniff");
        if (originAllowed) {
            response.header("Access-Control-Allow-Origin", anyOrigin ? "*" : origin);
        }
        if (origin != null && !anyOrigin) {
            response.header("Vary", "Origin");
        }
        if (response.status() >= 400) {
            metrics.error(label, codeOf(response));
        }
        metrics.request(label, response.status(), System.nanoTime() - start);
        return response;
    }

    private HttpResponse dispatch(HttpRequest request, Match match, String origin, boolean originAllowed, long now) {
        // The HTTP library found the request itself broken: nothing else about it is trustworthy.
        HttpRequest.Rejection rejection = request.rejection();
        if (rejection != null) {
            String code = switch (rejection.status()) {
                case 408 -> HttpError.TIMEOUT;
                case 413 -> HttpError.TOO_LARGE;
                default -> HttpError.BAD_REQUEST;
            };
            throw new HttpError(rejection.status(), code, rejection.field(), rejection.message());
        }
        if (origin != null && !originAllowed) {
            throw new HttpError(403, HttpError.FORBIDDEN_ORIGIN, "Origin",
                    "Origin: " + origin + " may not call this server (see --allowed-origins)");
        }
        if (match == null) {
            // The path is not repeated: an answer never echoes what the client sent (it may carry a secret).
            throw new HttpError(404, HttpError.NOT_FOUND, null, "no route for " + request.method()
                    + " at this path");
        }
        Route route = match.route();
        String method = request.method();
        if (method.equals("OPTIONS")) {
            HttpResponse preflight = HttpResponse.empty(204).header("Allow", route.allow());
            if (origin != null && request.header("Access-Control-Request-Method") != null) {
                preflight.header("Access-Control-Allow-Methods", route.allow())
                        .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                        .header("Access-Control-Max-Age", "600");
            }
            return preflight;
        }
        if (!route.open() && drainingAt.test(request.receivedNanos())) {
            throw new HttpError(503, HttpError.UNAVAILABLE, null, "the server is shutting down; retry elsewhere")
                    .header("Connection", "close");
        }
        if (!route.methods().contains(method)) {
            throw new HttpError(405, HttpError.METHOD_NOT_ALLOWED, null, method + " is not allowed here; use "
                    + String.join(" or ", route.methods())).header("Allow", route.allow());
        }
        if (request.bodyTooLarge()) {
            throw new HttpError(413, HttpError.TOO_LARGE, "body", "body: larger than this server accepts");
        }
        if (route.limited() && limiter != null) {
            long wait = limiter.acquire(clientAddress(request), now);
            if (wait > 0) {
                long seconds = Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
                throw new HttpError(429, HttpError.RATE_LIMITED, null, "too many requests; retry in " + seconds + " s")
                        .header("Retry-After", Long.toString(seconds));
            }
        }
        if (!route.open() && keys.enabled() && keys.match(presentedKey(request)) < 0) {
            throw new HttpError(401, HttpError.UNAUTHORIZED, "Authorization",
                    "Authorization: send a valid API key as \"Authorization: Bearer <key>\" or \"X-API-Key: <key>\"")
                    .header("WWW-Authenticate", "Bearer");
        }
        return route.handler().handle(request, match.params());
    }

    private static String presentedKey(HttpRequest request) {
        String auth = request.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).strip();
        }
        return request.header("X-API-Key");
    }

    private String clientAddress(HttpRequest request) {
        if (trustForwardedFor) {
            String forwarded = request.header("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                int comma = forwarded.indexOf(',');
                return (comma < 0 ? forwarded : forwarded.substring(0, comma)).strip();
            }
        }
        return request.peerAddress();
    }

    private static HttpResponse error(Route route, HttpError e) {
        ErrorShape shape = route == null ? NATIVE : route.shape();
        HttpResponse response = HttpResponse.json(e.status(), shape.render(e));
        List<String> headers = e.headers();
        for (int i = 0; i < headers.size(); i += 2) {
            response.header(headers.get(i), headers.get(i + 1));
        }
        return response.header("X-Error-Code", e.code());
    }

    private static String codeOf(HttpResponse response) {
        String code = response.headerValue("X-Error-Code");
        return code == null ? Integer.toString(response.status()) : code;
    }

    private Match match(String rawPath) {
        String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        Route route = exact.get(path);
        if (route != null) {
            return new Match(route, new String[0]);
        }
        String[] segments = path.split("/", -1);
        for (Route r : patterned) {
            String[] pattern = r.pattern().split("/", -1);
            if (pattern.length != segments.length) {
                continue;
            }
            String[] params = new String[pattern.length];
            int n = 0;
            boolean ok = true;
            for (int i = 0; i < pattern.length && ok; i++) {
                if (pattern[i].startsWith(":")) {
                    ok = !segments[i].isEmpty();
                    params[n++] = segments[i];
                } else {
                    ok = pattern[i].equals(segments[i]);
                }
            }
            if (ok) {
                String[] found = new String[n];
                System.arraycopy(params, 0, found, 0, n);
                return new Match(r, found);
            }
        }
        return null;
    }
}
