package io.countersign.schemes;

import io.countersign.codec.InvalidArgumentException;
import io.countersign.dynamickey5.DynamicKey5;
import io.countersign.netless.NetlessToken;
import io.countersign.netless.TokenRole;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.countersign.schemes.Param.integer;
import static io.countersign.schemes.Param.text;

/**
 * Every builder countersign has, described once: the adapter, the command line, the token
 * server and the vector generator (through {@link #toJson()}) all read this list. Names and
 * parameters are the official Node API's, which the adapter protocol uses.
 */
public final class BuilderCatalog {
    private static final Param APP_ID = text("appId", Meaning.APP_ID);
    private static final Param CERTIFICATE = text("appCertificate", Meaning.APP_CERTIFICATE);
    private static final Param CHANNEL = text("channelName", Meaning.CHANNEL_NAME);
    private static final Param UID = integer("uid", Meaning.UID);
    private static final Param ACCOUNT = text("account", Meaning.ACCOUNT);
    private static final Param ROLE = integer("role", Meaning.RTC_ROLE);
    private static final Param TOKEN_EXPIRE = integer("tokenExpire", Meaning.TOKEN_LIFETIME);
    private static final Param PRIVILEGE_EXPIRE = integer("privilegeExpire", Meaning.PRIVILEGE_LIFETIME).orAbsent();
    private static final Param EXPIRE = integer("expire", Meaning.TOKEN_LIFETIME);
    /** The four per-privilege lifetimes of the "...AndPrivilege" and RTM2-style builders. */
    private static final List<Param> PRIVILEGE_EXPIRES = List.of(
            integer("joinChannelPrivilegeExpire", Meaning.PRIVILEGE_LIFETIME),
            integer("pubAudioPrivilegeExpire", Meaning.PRIVILEGE_LIFETIME),
            integer("pubVideoPrivilegeExpire", Meaning.PRIVILEGE_LIFETIME),
            integer("pubDataStreamPrivilegeExpire", Meaning.PRIVILEGE_LIFETIME));
    /** RtcTokenBuilder2.buildTokenWithRtm2's twelve parameters, shared by the ConvoAI and STT builders. */
    private static final List<Param> RTC_AND_RTM = concat(List.of(APP_ID, CERTIFICATE, CHANNEL,
                    text("rtcAccount", Meaning.ACCOUNT), integer("rtcRole", Meaning.RTC_ROLE),
                    integer("rtcTokenExpire", Meaning.TOKEN_LIFETIME)), PRIVILEGE_EXPIRES,
            List.of(text("rtmUserId", Meaning.RTM_USER_ID), integer("rtmTokenExpire", Meaning.TOKEN_LIFETIME)));
    private static final Param EXPIRED_TS = integer("privilegeExpiredTs", Meaning.EXPIRY_TIMESTAMP);
    private static final List<Param> DYNAMIC_KEY5 = List.of(APP_ID, CERTIFICATE, CHANNEL,
            integer("unixTs", Meaning.ISSUE_TIMESTAMP), integer("randomInt", Meaning.RANDOM_SALT), UID,
            integer("expiredTs", Meaning.EXPIRY_TIMESTAMP));
    private static final List<Param> NETLESS = List.of(text("ak", Meaning.NETLESS_AK), text("sk", Meaning.NETLESS_SK),
            integer("lifespan", Meaning.LIFESPAN_MS), new Param("content", Param.Type.OBJECT, Meaning.NETLESS_CONTENT, false));

    private static final Set<Input> CLOCK_AND_SALT = EnumSet.of(Input.CLOCK_SECONDS, Input.SALT);

    private static final List<BuilderSpec> ALL = List.of(
            // 007 AccessToken2
            spec007("RtcTokenBuilder2.buildTokenWithUid", "RTC for a numeric uid; a publisher may also publish audio, video and data",
                    List.of(APP_ID, CERTIFICATE, CHANNEL, UID, ROLE, TOKEN_EXPIRE, PRIVILEGE_EXPIRE),
                    (b, a) -> b.rtc2.buildTokenWithUid(a.text("appId"), a.text("appCertificate"), a.text("channelName"),
                            a.integer("uid"), a.rtcRole("role"), a.integer("tokenExpire"), a.integer("privilegeExpire", 0))),
            spec007("RtcTokenBuilder2.buildTokenWithUserAccount", "RTC for a string account, by role",
                    List.of(APP_ID, CERTIFICATE, CHANNEL, ACCOUNT, ROLE, TOKEN_EXPIRE, PRIVILEGE_EXPIRE),
                    (b, a) -> b.rtc2.buildTokenWithUserAccount(a.text("appId"), a.text("appCertificate"),
                            a.text("channelName"), a.text("account"), a.rtcRole("role"), a.integer("tokenExpire"),
                            a.integer("privilegeExpire", 0))),
            spec007("RtcTokenBuilder2.buildTokenWithUidAndPrivilege", "RTC for a numeric uid, each privilege's lifetime given",
                    concat(List.of(APP_ID, CERTIFICATE, CHANNEL, UID, TOKEN_EXPIRE), PRIVILEGE_EXPIRES),
                    (b, a) -> b.rtc2.buildTokenWithUidAndPrivilege(a.text("appId"), a.text("appCertificate"),
                            a.text("channelName"), a.integer("uid"), a.integer("tokenExpire"),
                            a.integer("joinChannelPrivilegeExpire"), a.integer("pubAudioPrivilegeExpire"),
                            a.integer("pubVideoPrivilegeExpire"), a.integer("pubDataStreamPrivilegeExpire"))),
            spec007("RtcTokenBuilder2.buildTokenWithUserAccountAndPrivilege",
                    "RTC for a string account, each privilege's lifetime given",
                    concat(List.of(APP_ID, CERTIFICATE, CHANNEL, ACCOUNT, TOKEN_EXPIRE), PRIVILEGE_EXPIRES),
                    (b, a) -> b.rtc2.buildTokenWithUserAccountAndPrivilege(a.text("appId"), a.text("appCertificate"),
                            a.text("channelName"), a.text("account"), a.integer("tokenExpire"),
                            a.integer("joinChannelPrivilegeExpire"), a.integer("pubAudioPrivilegeExpire"),
                            a.integer("pubVideoPrivilegeExpire"), a.integer("pubDataStreamPrivilegeExpire"))),
            spec007("RtcTokenBuilder2.buildTokenWithRtm", "RTC by role plus RTM login for the same account",
                    List.of(APP_ID, CERTIFICATE, CHANNEL, ACCOUNT, ROLE, TOKEN_EXPIRE, PRIVILEGE_EXPIRE),
                    (b, a) -> b.rtc2.buildTokenWithRtm(a.text("appId"), a.text("appCertificate"), a.text("channelName"),
                            a.text("account"), a.rtcRole("role"), a.integer("tokenExpire"), a.integer("privilegeExpire", 0))),
            spec007("RtcTokenBuilder2.buildTokenWithRtm2", "RTC for one account plus RTM login for another, each with its lifetime",
                    RTC_AND_RTM, (b, a) -> b.rtc2.buildTokenWithRtm2(a.text("appId"), a.text("appCertificate"),
                            a.text("channelName"), a.text("rtcAccount"), a.rtcRole("rtcRole"), a.integer("rtcTokenExpire"),
                            a.integer("joinChannelPrivilegeExpire"), a.integer("pubAudioPrivilegeExpire"),
                            a.integer("pubVideoPrivilegeExpire"), a.integer("pubDataStreamPrivilegeExpire"),
                            a.text("rtmUserId"), a.integer("rtmTokenExpire"))),
            spec007("RtmTokenBuilder2.buildToken", "RTM login",
                    List.of(APP_ID, CERTIFICATE, text("userId", Meaning.RTM_USER_ID), EXPIRE),
                    (b, a) -> b.rtm2.buildToken(a.text("appId"), a.text("appCertificate"), a.text("userId"), a.integer("expire"))),
            spec007("RtmTokenBuilder2.buildTokenWithPermissions", "RTM login with resource permissions (RTM2)",
                    List.of(APP_ID, CERTIFICATE, text("userId", Meaning.RTM_USER_ID),
                            new Param("permissions", Param.Type.PERMISSIONS, Meaning.RTM2_PERMISSIONS, false), EXPIRE),
                    (b, a) -> b.rtm2.buildTokenWithPermissions(a.text("appId"), a.text("appCertificate"), a.text("userId"),
                            a.permissions("permissions"), a.integer("expire"))),
            new BuilderSpec("RtmTokenBuilder2.buildTokenWithStreamChannel", "007",
                    "RTM login that also joins a stream channel (or \"*\") and may publish data there, as the community "
                            + "agora-token-service issues it",
                    List.of(APP_ID, CERTIFICATE, text("userId", Meaning.RTM_USER_ID), text("channelName", Meaning.STREAM_CHANNEL),
                            EXPIRE), CLOCK_AND_SALT, false,
                    (b, a) -> b.rtm2.buildTokenWithStreamChannel(a.text("appId"), a.text("appCertificate"),
                            a.text("userId"), a.text("channelName"), a.integer("expire"))),
            spec007("ChatTokenBuilder2.buildUserToken", "Chat user",
                    List.of(APP_ID, CERTIFICATE, text("userId", Meaning.CHAT_USER_ID), EXPIRE),
                    (b, a) -> b.chat2.buildUserToken(a.text("appId"), a.text("appCertificate"), a.text("userId"),
                            a.integer("expire"))),
            spec007("ChatTokenBuilder2.buildAppToken", "Chat app (server-side REST calls)", List.of(APP_ID, CERTIFICATE, EXPIRE),
                    (b, a) -> b.chat2.buildAppToken(a.text("appId"), a.text("appCertificate"), a.integer("expire"))),
            spec007("FpaTokenBuilder.buildToken", "FPA (Fusion Path Acceleration), valid 24 hours", List.of(APP_ID, CERTIFICATE),
                    (b, a) -> b.fpa.buildToken(a.text("appId"), a.text("appCertificate"))),
            spec007("EducationTokenBuilder2.buildRoomUserToken", "Flexible Classroom room user: APaaS, RTM login and Chat",
                    apaasRoomUser(), (b, a) -> b.education2.buildRoomUserToken(a.text("appId"), a.text("appCertificate"),
                            a.text("roomUuid"), a.text("userUuid"), a.apaasRole("role"), a.integer("expire"))),
            spec007("EducationTokenBuilder2.buildUserToken", "Flexible Classroom user", apaasUser(),
                    (b, a) -> b.education2.buildUserToken(a.text("appId"), a.text("appCertificate"), a.text("userUuid"),
                            a.integer("expire"))),
            spec007("EducationTokenBuilder2.buildAppToken", "Flexible Classroom app", List.of(APP_ID, CERTIFICATE, EXPIRE),
                    (b, a) -> b.education2.buildAppToken(a.text("appId"), a.text("appCertificate"), a.integer("expire"))),
            spec007("ApaasTokenBuilder.buildRoomUserToken", "Flexible Classroom room user: APaaS, RTM login and Chat",
                    apaasRoomUser(), (b, a) -> b.apaas.buildRoomUserToken(a.text("appId"), a.text("appCertificate"),
                            a.text("roomUuid"), a.text("userUuid"), a.apaasRole("role"), a.integer("expire"))),
            spec007("ApaasTokenBuilder.buildUserToken", "Flexible Classroom user", apaasUser(),
                    (b, a) -> b.apaas.buildUserToken(a.text("appId"), a.text("appCertificate"), a.text("userUuid"),
                            a.integer("expire"))),
            spec007("ApaasTokenBuilder.buildAppToken", "Flexible Classroom app", List.of(APP_ID, CERTIFICATE, EXPIRE),
                    (b, a) -> b.apaas.buildAppToken(a.text("appId"), a.text("appCertificate"), a.integer("expire"))),
            spec007("ConvoAITokenBuilder.buildToken", "Conversational AI agent: RTC, RTM login and the ConvoAI service",
                    RTC_AND_RTM, (b, a) -> b.convoAi.buildToken(a.text("appId"), a.text("appCertificate"),
                            a.text("channelName"), a.text("rtcAccount"), a.rtcRole("rtcRole"), a.integer("rtcTokenExpire"),
                            a.integer("joinChannelPrivilegeExpire"), a.integer("pubAudioPrivilegeExpire"),
                            a.integer("pubVideoPrivilegeExpire"), a.integer("pubDataStreamPrivilegeExpire"),
                            a.text("rtmUserId"), a.integer("rtmTokenExpire"))),
            spec007("SttTokenBuilder.buildToken", "Speech-to-text agent: RTC, RTM login and the STT service",
                    RTC_AND_RTM, (b, a) -> b.stt.buildToken(a.text("appId"), a.text("appCertificate"),
                            a.text("channelName"), a.text("rtcAccount"), a.rtcRole("rtcRole"), a.integer("rtcTokenExpire"),
                            a.integer("joinChannelPrivilegeExpire"), a.integer("pubAudioPrivilegeExpire"),
                            a.integer("pubVideoPrivilegeExpire"), a.integer("pubDataStreamPrivilegeExpire"),
                            a.text("rtmUserId"), a.integer("rtmTokenExpire"))),
            // 006 AccessToken
            spec("RtcTokenBuilder.buildTokenWithUid", "006", "RTC for a numeric uid, by role, privileges expiring at one unix time",
                    List.of(APP_ID, CERTIFICATE, CHANNEL, UID, integer("role", Meaning.ACCESS_TOKEN_ROLE), EXPIRED_TS),
                    CLOCK_AND_SALT, (b, a) -> b.rtc.buildTokenWithUid(a.text("appId"), a.text("appCertificate"),
                            a.text("channelName"), a.integer("uid"), a.accessTokenRole("role"), a.integer("privilegeExpiredTs"))),
            spec("RtcTokenBuilder.buildTokenWithAccount", "006", "RTC for a string account, by role",
                    List.of(APP_ID, CERTIFICATE, CHANNEL, ACCOUNT, integer("role", Meaning.ACCESS_TOKEN_ROLE), EXPIRED_TS),
                    CLOCK_AND_SALT, (b, a) -> b.rtc.buildTokenWithAccount(a.text("appId"), a.text("appCertificate"),
                            a.text("channelName"), a.text("account"), a.accessTokenRole("role"), a.integer("privilegeExpiredTs"))),
            // Every official RtmTokenBuilder ignores its role argument, so a call may leave it out.
            spec("RtmTokenBuilder.buildToken", "006", "RTM login (privilege 1000)",
                    List.of(APP_ID, CERTIFICATE, text("account", Meaning.RTM_USER_ID),
                            integer("role", Meaning.ACCESS_TOKEN_ROLE).orAbsent(), EXPIRED_TS),
                    CLOCK_AND_SALT, (b, a) -> b.rtm.buildToken(a.text("appId"), a.text("appCertificate"), a.text("account"),
                            io.countersign.accesstoken.RtmTokenBuilder.Role.Rtm_User, a.integer("privilegeExpiredTs"))),
            // 005 DynamicKey5: the clock and the salt are arguments (unixTs, randomInt).
            spec("DynamicKey5.generatePublicSharingKey", "005", "public sharing key", DYNAMIC_KEY5, Set.of(),
                    (b, a) -> DynamicKey5.generatePublicSharingKey(a.text("appId"), a.text("appCertificate"),
                            a.text("channelName"), a.integer("unixTs"), a.integer("randomInt"), a.integer("uid"),
                            a.integer("expiredTs"))),
            spec("DynamicKey5.generateRecordingKey", "005", "recording key", DYNAMIC_KEY5, Set.of(),
                    (b, a) -> DynamicKey5.generateRecordingKey(a.text("appId"), a.text("appCertificate"),
                            a.text("channelName"), a.integer("unixTs"), a.integer("randomInt"), a.integer("uid"),
                            a.integer("expiredTs"))),
            spec("DynamicKey5.generateMediaChannelKey", "005", "media channel key", DYNAMIC_KEY5, Set.of(),
                    (b, a) -> DynamicKey5.generateMediaChannelKey(a.text("appId"), a.text("appCertificate"),
                            a.text("channelName"), a.integer("unixTs"), a.integer("randomInt"), a.integer("uid"),
                            a.integer("expiredTs"))),
            spec("DynamicKey5.generateInChannelPermissionKey", "005", "in-channel permission key",
                    concat(DYNAMIC_KEY5, List.of(text("permission", Meaning.DYNAMIC_KEY_PERMISSION))), Set.of(),
                    (b, a) -> DynamicKey5.generateInChannelPermissionKey(a.text("appId"), a.text("appCertificate"),
                            a.text("channelName"), a.integer("unixTs"), a.integer("randomInt"), a.integer("uid"),
                            a.integer("expiredTs"), a.text("permission"))),
            // Signaling
            spec("SignalingToken.get", "signaling", "signaling login, valid for a number of seconds from now",
                    List.of(APP_ID, CERTIFICATE, text("account", Meaning.SIGNALING_ACCOUNT),
                            integer("validTimeInSeconds", Meaning.TOKEN_LIFETIME)),
                    EnumSet.of(Input.CLOCK_SECONDS), (b, a) -> b.signaling.get(a.text("appId"), a.text("appCertificate"),
                            a.text("account"), a.integer("validTimeInSeconds"))),
            // Netless (Interactive Whiteboard)
            netless("NetlessToken.sdkToken", "whiteboard SDK token (server-side REST calls)", false),
            netless("NetlessToken.roomToken", "whiteboard room token", true),
            netless("NetlessToken.taskToken", "whiteboard task token (file conversion, recording)", true));

    private static final Map<String, BuilderSpec> BY_NAME = index();

    private BuilderCatalog() {
    }

    /** {@return every builder, grouped by scheme (007, 006, 005, signaling, netless)} */
    public static List<BuilderSpec> all() {
        return ALL;
    }

    /**
     * The builder with this protocol name.
     *
     * @param name class and method, e.g. "RtcTokenBuilder2.buildTokenWithUid"
     * @return the builder, or empty for an unknown name
     */
    public static Optional<BuilderSpec> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** {@return the catalog as JSON, for scripts and other languages' tools: {"builders": [{name, scheme, params...}]}} */
    public static String toJson() {
        StringBuilder json = new StringBuilder("{\n  \"format\": 1,\n  \"builders\": [");
        for (int i = 0; i < ALL.size(); i++) {
            BuilderSpec s = ALL.get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {\"name\": ").append(quote(s.name()))
                    .append(", \"scheme\": ").append(quote(s.scheme()))
                    .append(", \"official\": ").append(s.official())
                    .append(", \"summary\": ").append(quote(s.summary()))
                    .append(",\n     \"inputs\": [");
            List<Input> inputs = new ArrayList<>(s.inputs());
            inputs.sort(null);
            for (int j = 0; j < inputs.size(); j++) {
                json.append(j == 0 ? "" : ", ").append(quote(inputs.get(j).field()));
            }
            json.append("],\n     \"params\": [");
            for (int j = 0; j < s.params().size(); j++) {
                Param p = s.params().get(j);
                json.append(j == 0 ? "\n" : ",\n").append("       {\"name\": ").append(quote(p.name()))
                        .append(", \"type\": ").append(quote(p.type().name().toLowerCase(java.util.Locale.ROOT)))
                        .append(", \"meaning\": ").append(quote(p.meaning().name().toLowerCase(java.util.Locale.ROOT)))
                        .append(", \"optional\": ").append(p.optional())
                        .append(", \"description\": ").append(quote(p.meaning().description())).append('}');
            }
            json.append("]}");
        }
        return json.append("\n  ]\n}\n").toString();
    }

    private static BuilderSpec spec007(String name, String summary, List<Param> params, BuilderSpec.Call call) {
        return spec(name, "007", summary, params, CLOCK_AND_SALT, call);
    }

    private static BuilderSpec spec(String name, String scheme, String summary, List<Param> params, Set<Input> inputs,
                                    BuilderSpec.Call call) {
        return new BuilderSpec(name, scheme, summary, params, inputs, true, call);
    }

    private static List<Param> apaasRoomUser() {
        return List.of(APP_ID, CERTIFICATE, text("roomUuid", Meaning.ROOM_UUID), text("userUuid", Meaning.USER_UUID),
                integer("role", Meaning.APAAS_ROLE), EXPIRE);
    }

    private static List<Param> apaasUser() {
        return List.of(APP_ID, CERTIFICATE, text("userUuid", Meaning.USER_UUID), EXPIRE);
    }

    /** The Netless builders: content {"role"} for SDK tokens, {"role", "uuid"?} for room and task tokens. */
    private static BuilderSpec netless(String name, String summary, boolean takesUuid) {
        return new BuilderSpec(name, "netless", summary, NETLESS, EnumSet.of(Input.CLOCK_MILLIS, Input.NONCE), true,
                (b, a) -> {
                    Map<String, Object> content = a.object("content");
                    for (String key : content.keySet()) {
                        if (!key.equals("role") && !(takesUuid && key.equals("uuid"))) {
                            // netless-token would sign any extra key into the token; its types allow only these.
                            throw new InvalidArgumentException("content." + key, "not part of "
                                    + (takesUuid ? "RoomTokenTags / TaskTokenTags (role, uuid)" : "SdkTokenTags (role)"));
                        }
                    }
                    TokenRole role = NetlessScheme.role(content);
                    String uuid = Values.has(content, "uuid") ? Values.text(content, "content", "uuid") : null;
                    String ak = a.text("ak");
                    String sk = a.text("sk");
                    long lifespan = a.integer("lifespan");
                    return switch (name) {
                        case "NetlessToken.sdkToken" -> b.netless.sdkToken(ak, sk, lifespan, new NetlessToken.SdkTokenTags(role));
                        case "NetlessToken.roomToken" -> b.netless.roomToken(ak, sk, lifespan,
                                new NetlessToken.RoomTokenTags(role, uuid));
                        default -> b.netless.taskToken(ak, sk, lifespan, new NetlessToken.TaskTokenTags(role, uuid));
                    };
                });
    }

    @SafeVarargs
    private static List<Param> concat(List<Param>... parts) {
        List<Param> all = new ArrayList<>();
        for (List<Param> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    private static Map<String, BuilderSpec> index() {
        Map<String, BuilderSpec> byName = new LinkedHashMap<>();
        for (BuilderSpec s : ALL) {
            if (byName.put(s.name(), s) != null) {
                throw new IllegalStateException("two builders named " + s.name());
            }
        }
        return byName;
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
