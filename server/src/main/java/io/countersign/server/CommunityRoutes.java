package io.countersign.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.countersign.accesstoken2.RtcTokenBuilder2;
import io.countersign.schemes.BuilderCatalog;
import io.countersign.server.http.HttpRequest;
import io.countersign.server.http.HttpResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The routes of the community agora-token-service (AgoraIO-Community/agora-token-service), with
 * its response JSON: {@code GET /ping}, {@code /rtc/...}, {@code /rtm/...}, {@code /rte/...},
 * {@code /chat/...} and {@code POST /getToken}. Its answers for bad input keep its shapes
 * ({"message", "status"} for GET, {"error"} for getToken) and add "field". Where it lets input
 * through that Agora's rules forbid (any role string as subscriber, a uid over 2^32 truncated,
 * unbounded expiry), this server answers 400 instead; server/README.md lists the differences.
 */
final class CommunityRoutes {
    static final String RTC_UID = "RtcTokenBuilder2.buildTokenWithUid";
    static final String RTC_ACCOUNT = "RtcTokenBuilder2.buildTokenWithUserAccount";
    static final String RTM = "RtmTokenBuilder2.buildToken";
    static final String RTM_STREAM = "RtmTokenBuilder2.buildTokenWithStreamChannel";
    static final String CHAT_USER = "ChatTokenBuilder2.buildUserToken";
    static final String CHAT_APP = "ChatTokenBuilder2.buildAppToken";

    private final ServerConfig config;
    private final TokenIssuer issuer;

    CommunityRoutes(ServerConfig config, TokenIssuer issuer) {
        this.config = config;
        this.issuer = issuer;
    }

    /** The community GET routes' error body: gin.H{"message", "status"} (keys sorted, as Go marshals a map), plus "field". */
    private static Api.ErrorShape getShape(String prefix) {
        return e -> {
            ObjectNode body = JsonBodies.newObject();
            if (e.field() != null) {
                body.put("field", e.field());
            }
            body.put("message", prefix + e.getMessage());
            body.put("status", e.status());
            return JsonBodies.bytes(body);
        };
    }

    /** getToken's error body: {"error": "..."}, plus "field". */
    static final Api.ErrorShape POST_SHAPE = e -> {
        ObjectNode body = JsonBodies.newObject();
        body.put("error", e.getMessage());
        if (e.field() != null) {
            body.put("field", e.field());
        }
        return JsonBodies.bytes(body);
    };

    List<Api.Route> routes() {
        Set<String> get = Set.of("GET");
        Api.ErrorShape rtcErrors = getShape("Error Generating RTC token: ");
        Api.ErrorShape rteErrors = getShape("Error Generating RTC and RTM token: ");
        return List.of(
                new Api.Route("/ping", get, true, true, getShape(""), (r, p) -> json(object("message", "pong"))),
                new Api.Route("/rtc/:channelName/:role/:tokenType/:uid", get, false, true, rtcErrors, this::rtc),
                new Api.Route("/rtm/:uid", get, false, true, getShape("Error Generating RTM token: "), this::rtm),
                new Api.Route("/rte/:channelName/:role/:tokenType/:uid", get, false, true, rteErrors, this::rte),
                new Api.Route("/rte/:channelName/:role/:tokenType/:uid/:rtmuid", get, false, true, rteErrors, this::rte),
                new Api.Route("/chat/app", get, false, true, getShape("Error Generating Chat token: "), this::chatApp),
                new Api.Route("/chat/account/:chatid", get, false, true, getShape("Error Generating Chat token: "),
                        this::chatAccount),
                new Api.Route("/getToken", Set.of("POST"), false, true, POST_SHAPE, this::getToken));
    }

    private HttpResponse rtc(HttpRequest request, String[] params) {
        Routes.requireAgora(config);
        long expire = expiry(request);
        return json(object("rtcToken", rtcToken(params, expire)));
    }

    private HttpResponse rtm(HttpRequest request, String[] params) {
        Routes.requireAgora(config);
        long expire = expiry(request);
        String uid = rtmUid("uid", UrlParts.segment("uid", params[0]));
        return json(object("rtmToken", rtmToken(uid, null, expire)));
    }

    private HttpResponse rte(HttpRequest request, String[] params) {
        Routes.requireAgora(config);
        long expire = expiry(request);
        String rtcUid = UrlParts.segment("uid", params[3]);
        String rtmUid;
        if (params.length > 4) {
            rtmUid = rtmUid("rtmuid", UrlParts.segment("rtmuid", params[4]));
        } else if (rtcUid.equals("0")) {
            throw HttpError.invalid("rtmuid", "rtmuid: the RTM user ID cannot be empty or \"0\"; give it after the uid");
        } else {
            rtmUid = rtmUid("uid", rtcUid);
        }
        String channel = AgoraRules.channelName("channelName", UrlParts.segment("channelName", params[0]));
        String rtcToken = rtcToken(params, expire);
        ObjectNode body = object("rtcToken", rtcToken);
        // As the service does: the RTM token also joins the RTC channel as a stream channel.
        body.put("rtmToken", rtmToken(rtmUid, channel, expire));
        return json(body);
    }

    private HttpResponse chatApp(HttpRequest request, String[] params) {
        Routes.requireAgora(config);
        long expire = expiry(request);
        return json(object("chatToken", build(CHAT_APP, "expire", expire)));
    }

    private HttpResponse chatAccount(HttpRequest request, String[] params) {
        Routes.requireAgora(config);
        long expire = expiry(request);
        String user = UrlParts.segment("chatid", params[0]);
        return json(object("chatToken", build(CHAT_USER, "userId", user, "expire", expire)));
    }

    /** {@code POST /getToken} {"tokenType": "rtc"|"rtm"|"chat", "channel", "role", "uid", "expire"} -> {"token"}. */
    private HttpResponse getToken(HttpRequest request, String[] params) {
        Routes.requireAgora(config);
        ObjectNode body = JsonBodies.object(request.body());
        String type = JsonBodies.optionalText(body, "tokenType");
        String channel = JsonBodies.optionalText(body, "channel");
        String role = JsonBodies.optionalText(body, "role");
        String uid = JsonBodies.optionalText(body, "uid");
        Long expireField = JsonBodies.optionalInteger(body, "expire");
        // The service reads a missing or zero expire as its default, one hour.
        long expire = expireField == null || expireField == 0 ? config.tokenExpire()
                : AgoraRules.lifetime("expire", expireField, config.maxExpire());
        String token;
        if ("rtc".equals(type)) {
            if (channel == null || channel.isEmpty()) {
                throw HttpError.invalid("channel", "channel: missing channel name");
            }
            if (uid == null || uid.isEmpty()) {
                throw HttpError.invalid("uid", "uid: missing user ID or account");
            }
            channel = AgoraRules.channelName("channel", channel);
            RtcTokenBuilder2.Role rtcRole = role == null ? RtcTokenBuilder2.Role.ROLE_SUBSCRIBER : role("role", role);
            // As the service does: a uid that parses as a number is a numeric uid, anything else an account.
            token = AgoraRules.isDecimal(uid, Integer.MAX_VALUE)
                    ? rtcWithUid(channel, AgoraRules.uidText("uid", uid), rtcRole, expire)
                    : rtcWithAccount(channel, AgoraRules.userAccount("uid", uid), rtcRole, expire);
        } else if ("rtm".equals(type)) {
            if (uid == null || uid.isEmpty()) {
                throw HttpError.invalid("uid", "uid: missing user ID or account");
            }
            String stream = channel == null || channel.isEmpty() ? null
                    : channel.equals("*") ? channel : AgoraRules.channelName("channel", channel);
            token = rtmToken(AgoraRules.rtmUserId("uid", uid), stream, expire);
        } else if ("chat".equals(type)) {
            token = uid == null || uid.isEmpty() ? build(CHAT_APP, "expire", expire)
                    : build(CHAT_USER, "userId", uid, "expire", expire);
        } else {
            throw HttpError.invalid("tokenType", "tokenType: Unsupported tokenType; use \"rtc\", \"rtm\" or \"chat\"");
        }
        return json(object("token", token));
    }

    /** params: channelName, role, tokenType, uid. */
    private String rtcToken(String[] params, long expire) {
        String channel = AgoraRules.channelName("channelName", UrlParts.segment("channelName", params[0]));
        RtcTokenBuilder2.Role role = role("role", UrlParts.segment("role", params[1]));
        String tokenType = UrlParts.segment("tokenType", params[2]);
        String uid = UrlParts.segment("uid", params[3]);
        if (tokenType.equals("uid")) {
            return rtcWithUid(channel, AgoraRules.uidText("uid", uid), role, expire);
        }
        if (tokenType.equals("userAccount")) {
            return rtcWithAccount(channel, AgoraRules.userAccount("uid", uid), role, expire);
        }
        throw HttpError.invalid("tokenType", "tokenType: must be \"uid\" or \"userAccount\", was \"" + tokenType + "\"");
    }

    private String rtcWithUid(String channel, long uid, RtcTokenBuilder2.Role role, long expire) {
        return build(RTC_UID, "channelName", channel, "uid", uid, "role", role.initValue, "tokenExpire", expire,
                "privilegeExpire", expire);
    }

    private String rtcWithAccount(String channel, String account, RtcTokenBuilder2.Role role, long expire) {
        return build(RTC_ACCOUNT, "channelName", channel, "account", account, "role", role.initValue, "tokenExpire", expire,
                "privilegeExpire", expire);
    }

    /**
     * An RTM login token; with a stream channel, it also joins that RTC channel (or "*", any) as
     * the user and may publish data there, as the service does on /rte and getToken.
     */
    private String rtmToken(String userId, String streamChannel, long expire) {
        return streamChannel == null ? build(RTM, "userId", userId, "expire", expire)
                : build(RTM_STREAM, "userId", userId, "channelName", streamChannel, "expire", expire);
    }

    /** Builds through the catalog; the issuer adds the App ID and certificate. */
    private String build(String builder, Object... namesAndValues) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return issuer.issue(BuilderCatalog.find(builder).orElseThrow(), args, "");
    }

    /** The service's RTM user ID rule ("" and "0" are refused) plus Agora's. */
    private static String rtmUid(String field, String uid) {
        if (uid.equals("0")) {
            throw HttpError.invalid(field, field + ": invalid RTM User ID: \"0\"");
        }
        return AgoraRules.rtmUserId(field, uid);
    }

    private static RtcTokenBuilder2.Role role(String field, String role) {
        return switch (role) {
            case "publisher" -> RtcTokenBuilder2.Role.ROLE_PUBLISHER;
            case "subscriber", "audience" -> RtcTokenBuilder2.Role.ROLE_SUBSCRIBER;
            default -> throw HttpError.invalid(field, field + ": must be \"publisher\" or \"subscriber\" (or \"audience\"), was \""
                    + role + "\"");
        };
    }

    /** The "expiry" query parameter: seconds, default the server's token lifetime. */
    private long expiry(HttpRequest request) {
        String text = UrlParts.query(request.rawQuery(), "expiry");
        return text == null ? config.tokenExpire() : AgoraRules.lifetimeText("expiry", text, config.maxExpire());
    }

    private static ObjectNode object(String key, String value) {
        ObjectNode node = JsonBodies.newObject();
        node.put(key, value);
        return node;
    }

    private static HttpResponse json(ObjectNode body) {
        return HttpResponse.json(200, JsonBodies.bytes(body));
    }
}
