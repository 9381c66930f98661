package io.countersign.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.countersign.schemes.BuilderCatalog;
import io.countersign.schemes.BuilderSpec;
import io.countersign.schemes.Param;
import io.countersign.schemes.TokenScheme;
import io.countersign.server.http.HttpRequest;
import io.countersign.server.http.HttpResponse;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server's own API over every builder in the core's {@link BuilderCatalog} (builder and
 * argument names as the official Node API and the conformance protocol write them). The server
 * supplies the secret, the clock and the randomness ({@link TokenIssuer}).
 * <ul>
 * <li>{@code POST /v1/tokens} {"builder": "...", "args": {...}} -> {"token": "...", "builder": "...", "scheme": "..."}</li>
 * <li>{@code POST /v1/decode} {"token": "..."} -> {"content": {...}} (the protocol's content shapes; no secret needed)</li>
 * <li>{@code GET /v1/builders} -> {"builders": [{"builder", "scheme", "available", "summary", "params"}...]}</li>
 * </ul>
 */
final class TokenRoutes {
    private final TokenIssuer issuer;

    TokenRoutes(TokenIssuer issuer) {
        this.issuer = issuer;
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
        BuilderSpec spec = BuilderCatalog.find(builder).orElseThrow(() -> new HttpError(400, HttpError.UNSUPPORTED,
                "builder", "builder: no builder \"" + builder + "\"; GET /v1/builders lists them"));
        JsonNode args = body.get("args");
        if (args != null && !args.isNull() && !args.isObject()) {
            throw HttpError.badRequest("args", "args: must be an object");
        }
        Map<String, Object> values = args == null || args.isNull() ? Map.of() : JsonBodies.plainObject(args);
        String token = issuer.issue(spec, values, "args.");
        ObjectNode answer = JsonBodies.newObject();
        answer.put("token", token);
        answer.put("builder", builder);
        answer.put("scheme", spec.scheme());
        return HttpResponse.json(200, JsonBodies.bytes(answer));
    }

    private HttpResponse decode(HttpRequest request, String[] params) {
        ObjectNode body = JsonBodies.object(request.body());
        String token = JsonBodies.optionalText(body, "token");
        if (token == null) {
            throw HttpError.badRequest("token", "token: required");
        }
        TokenScheme scheme = TokenScheme.of(token).orElseThrow(() -> new HttpError(400, HttpError.MALFORMED, "token",
                "token: no known version prefix (007, 006, 005, signaling \"1:\", NETLESSSDK_, NETLESSROOM_, NETLESSTASK_)"));
        ObjectNode answer = JsonBodies.newObject();
        answer.set("content", JsonBodies.tree(scheme.decode(token)));
        return HttpResponse.json(200, JsonBodies.bytes(answer));
    }

    private HttpResponse builders(HttpRequest request, String[] params) {
        ObjectNode answer = JsonBodies.newObject();
        ArrayNode list = answer.putArray("builders");
        for (BuilderSpec spec : BuilderCatalog.all()) {
            ObjectNode entry = list.addObject().put("builder", spec.name()).put("scheme", spec.scheme())
                    .put("available", issuer.canIssue(spec)).put("summary", spec.summary());
            ArrayNode args = entry.putArray("args");
            for (Param p : spec.params()) {
                // The server supplies secrets and (for 005) the clock and salt: callers never send those.
                if (!p.meaning().isSecret() && !p.meaning().isClockOrRandom()) {
                    args.addObject().put("name", p.name()).put("type", p.type().name().toLowerCase(java.util.Locale.ROOT))
                            .put("optional", p.optional()).put("meaning", p.meaning().description());
                }
            }
        }
        return HttpResponse.json(200, JsonBodies.bytes(answer));
    }
}
