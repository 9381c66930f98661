package io.countersign.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.countersign.accesstoken2.RtcTokenBuilder2;
import io.countersign.schemes.BuilderCatalog;
import io.countersign.server.http.HttpRequest;
import io.countersign.server.http.HttpResponse;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /fetch_rtc_token}, as the Go sample server of Agora's token guide answers it:
 * body {@code {"uid": <u32>, "ChannelName": "...", "role": 1|2}}, answer
 * {@code {"code":"200","token":"007..."}} (a Go map marshals its keys sorted, and the status
 * goes in "code" as a string). Errors keep that shape, the message in "token" as the sample
 * puts it, plus "field".
 */
final class SampleRoutes {
    static final String KIND = "RtcTokenBuilder2.buildTokenWithUid";

    private final ServerConfig config;
    private final TokenIssuer issuer;

    SampleRoutes(ServerConfig config, TokenIssuer issuer) {
        this.config = config;
        this.issuer = issuer;
    }

    static final Api.ErrorShape SHAPE = e -> {
        ObjectNode body = JsonBodies.newObject();
        body.put("code", Integer.toString(e.status()));
        if (e.field() != null) {
            body.put("field", e.field());
        }
        body.put("token", (e.status() == 400 ? "Bad request. " : "") + e.getMessage());
        return JsonBodies.bytes(body);
    };

    List<Api.Route> routes() {
        return List.of(new Api.Route("/fetch_rtc_token", Set.of("POST"), false, true, SHAPE, this::fetchRtcToken));
    }

    HttpResponse fetchRtcToken(HttpRequest request, String[] params) {
        Routes.requireAgora(config);
        ObjectNode body = JsonBodies.object(request.body());
        JsonNode uid = goField(body, "uid");
        JsonNode channel = goField(body, "ChannelName");
        JsonNode role = goField(body, "role");
        // Absent fields are Go's zero values: uid 0 (any uid may join); no role gives join only (subscriber).
        long uidValue = 0;
        if (uid != null) {
            if (!uid.isIntegralNumber() || !uid.canConvertToLong()) {
                throw HttpError.badRequest("uid", "uid: must be an integer 0..4294967295");
            }
            uidValue = AgoraRules.uid("uid", uid.longValue());
        }
        if (channel == null) {
            throw HttpError.invalid("ChannelName", "ChannelName: required");
        }
        if (!channel.isTextual()) {
            throw HttpError.badRequest("ChannelName", "ChannelName: must be a string");
        }
        String channelName = AgoraRules.channelName("ChannelName", channel.textValue());
        RtcTokenBuilder2.Role rtcRole = RtcTokenBuilder2.Role.ROLE_SUBSCRIBER;
        if (role != null) {
            if (!role.isIntegralNumber() || !role.canConvertToInt() || role.intValue() < 1 || role.intValue() > 2) {
                throw HttpError.invalid("role", "role: must be 1 (publisher) or 2 (subscriber)");
            }
            rtcRole = RtcTokenBuilder2.Role.of(role.intValue());
        }
        long expire = config.tokenExpire();
        String token = issuer.issue(BuilderCatalog.find(KIND).orElseThrow(), Map.of("channelName", channelName,
                "uid", uidValue, "role", rtcRole.initValue, "tokenExpire", expire, "privilegeExpire", expire), "");
        ObjectNode answer = JsonBodies.newObject();
        answer.put("code", "200");
        answer.put("token", token);
        return HttpResponse.json(200, JsonBodies.bytes(answer));
    }

    /**
     * A field as Go's encoding/json finds it for a struct tag: an exact or case-insensitive key
     * match, the last one winning; JSON null leaves the zero value. So "channelName" works too,
     * as it does against the sample.
     */
    private static JsonNode goField(ObjectNode body, String name) {
        JsonNode found = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                found = e.getValue().isNull() ? null : e.getValue();
            }
        }
        return found;
    }
}
