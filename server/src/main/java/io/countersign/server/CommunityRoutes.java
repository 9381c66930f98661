package io.countersign.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.countersign.accesstoken2.AccessToken2;
import io.countersign.accesstoken2.AccessToken2Codec;
import io.countersign.accesstoken2.ChatTokenBuilder2;
import io.countersign.accesstoken2.RtcTokenBuilder2;
import io.countersign.accesstoken2.RtmTokenBuilder2;
import io.countersign.accesstoken2.Service;
import io.countersign.codec.Privileges;
import io.countersign.codec.SaltSource;
import io.countersign.server.http.HttpRequest;
import io.countersign.server.http.HttpResponse;

import java.util.List;
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
    static final String RTM_STREAM = "RtmTokenBuilder2.buildToken+streamChannel";
    static final String CHAT_USER = "ChatTokenBuilder2.buildUserToken";
    static final String CHAT_APP = "ChatTokenBuilder2.buildAppToken";

    private final ServerConfig config;
    private final Metrics metrics;
    private final RtcTokenBuilder2 rtc = new RtcTokenBuilder2();
    private final RtmTokenBuilder2 rtm = new RtmTokenBuilder2();
    private final ChatTokenBuilder2 chat = new ChatTokenBuilder2();

    CommunityRoutes(ServerConfig config, Metrics metrics) {
        this.config = config;
        this.metrics = metrics;
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
        String token = chat.buildAppToken(config.appId(), config.appCertificate().reveal(), expire);
        metrics.tokenIssued(CHAT_APP);
        return json(object("chatToken", token));
    }

    private HttpResponse chatAccount(HttpRequest request, String[] params) {
        Routes.requireAgora(config);
        long expire = expiry(request);
        String user = UrlParts.segment("chatid", params[0]);
        String token = chat.buildUserToken(config.appId(), config.appCertificate().reveal(), user, expire);
        metrics.tokenIssued(CHAT_USER);
        return json(object("chatToken", token));
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
            token = uid.chars().allMatch(c -> c >= '0' && c <= '9')
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
            if (uid == null || uid.isEmpty()) {
                token = chat.buildAppToken(config.appId(), config.appCertificate().reveal(), expire);
                metrics.tokenIssued(CHAT_APP);
            } else {
                token = chat.buildUserToken(config.appId(), config.appCertificate().reveal(), uid, expire);
                metrics.tokenIssued(CHAT_USER);
            }
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
        String token = rtc.buildTokenWithUid(config.appId(), config.appCertificate().reveal(), channel, uid, role,
                expire, expire);
        metrics.tokenIssued(RTC_UID);
        return token;
    }

    private String rtcWithAccount(String channel, String account, RtcTokenBuilder2.Role role, long expire) {
        String token = rtc.buildTokenWithUserAccount(config.appId(), config.appCertificate().reveal(), channel, account,
                role, expire, expire);
        metrics.tokenIssued(RTC_ACCOUNT);
        return token;
    }

    /**
     * An RTM login token; with a stream channel, it also joins that RTC channel (or "*", any) as
     * the user and may publish data there, as go-tokenbuilder's rtmtokenbuilder2.BuildToken
     * does when given a channel (which the service passes on /rte and getToken).
     */
    private String rtmToken(String userId, String streamChannel, long expire) {
        if (streamChannel == null) {
            String token = rtm.buildToken(config.appId(), config.appCertificate().reveal(), userId, expire);
            metrics.tokenIssued(RTM);
            return token;
        }
        Service.Rtc stream = new Service.Rtc(streamChannel, userId, Privileges.builder()
                .put(Service.Rtc.JOIN_CHANNEL, expire)
                .put(Service.Rtc.PUBLISH_DATA_STREAM, expire)
                .build());
        Service.Rtm login = new Service.Rtm(userId, Privileges.of(Service.Rtm.LOGIN, expire));
        String token = AccessToken2Codec.encode(new AccessToken2(config.appId(), System.currentTimeMillis() / 1000, expire,
                SaltSource.secureRandom().nextSalt(), stream, login), config.appCertificate().reveal());
        metrics.tokenIssued(RTM_STREAM);
        return token;
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
