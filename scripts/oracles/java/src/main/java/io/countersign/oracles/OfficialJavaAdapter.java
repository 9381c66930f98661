package io.countersign.oracles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agora.apaas.ApaasTokenBuilder;
import io.agora.chat.ChatTokenBuilder2;
import io.agora.education.EducationTokenBuilder2;
import io.agora.media.AccessToken;
import io.agora.media.AccessToken2;
import io.agora.media.ByteBuf;
import io.agora.media.DynamicKey5;
import io.agora.media.FpaTokenBuilder;
import io.agora.media.RtcTokenBuilder;
import io.agora.media.RtcTokenBuilder2;
import io.agora.media.Utils;
import io.agora.rtm.RtmTokenBuilder;
import io.agora.rtm.RtmTokenBuilder2;
import io.agora.signal.SignalingToken;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The conformance adapter (PROTOCOL.md v1) over the official Java package
 * {@code io.agora:authentication 2.1.3}: one JSON request per line on stdin, one response per
 * line on stdout. This is an oracle, not our code: every token, content and verdict comes out of
 * the official classes; this file only translates JSON to their arguments and back.
 *
 * <p>The official constructors read the clock ({@code Utils.getTimestamp()}) and draw the salt
 * ({@code new SecureRandom().nextInt()}) with no hook. So {@code build} calls the real builder,
 * parses its token with the official parser, checks that the official {@code build()} of the
 * parsed object reproduces the builder's token byte for byte, and only then sets the public
 * {@code issueTs}/{@code salt} (007) or {@code message.salt}/{@code message.ts} (006) fields to
 * the requested values and calls the official {@code build()} again. See scripts/oracles/java/README.md.
 */
public final class OfficialJavaAdapter {
    static final String PACKAGE = "io.agora:authentication 2.1.3";
    static final String IMPLEMENTATION = "official-java " + PACKAGE;
    private static final String NOT_IN = "not in " + PACKAGE;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HexFormat HEX = HexFormat.of();

    /** Service types AccessToken2.getService knows; any other type makes parse() fail. */
    private static final List<Integer> JAVA_SERVICE_TYPES = List.of(1, 2, 4, 5, 7);

    /** A protocol error: the code and a message. */
    static final class Fail extends RuntimeException {
        final String code;

        Fail(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    static Fail bad(String m) {
        return new Fail("bad-request", m);
    }

    static Fail invalid(String m) {
        return new Fail("invalid-argument", m);
    }

    static Fail malformed(String m) {
        return new Fail("malformed", m);
    }

    static Fail unsupported(String m) {
        return new Fail("unsupported", m);
    }

    /** The official call behind one builder name; returns the builder's own token. */
    private interface Builder {
        String call(JsonNode args) throws Exception;
    }

    /** How the builder's clock and salt are replaced after the call. */
    private enum Restamp { AT2, AT006_RTC, AT006_RTM, NONE }

    private record Entry(String scheme, Restamp restamp, Builder builder) {
    }

    private final Map<String, Entry> builders = new LinkedHashMap<>();
    /** The RtmTokenBuilder (006) of the current request: its public mTokenCreator is re-stamped. */
    private RtmTokenBuilder lastRtm006;

    OfficialJavaAdapter() {
        RtcTokenBuilder2 rtc2 = new RtcTokenBuilder2();
        def("RtcTokenBuilder2.buildTokenWithUid", "007", Restamp.AT2, a -> rtc2.buildTokenWithUid(
                text(a, "appId"), text(a, "appCertificate"), text(a, "channelName"), int32(a, "uid"),
                role2(a, "role"), int32(a, "tokenExpire"), apiInt32(a, "privilegeExpire")));
        def("RtcTokenBuilder2.buildTokenWithUserAccount", "007", Restamp.AT2, a -> rtc2.buildTokenWithUserAccount(
                text(a, "appId"), text(a, "appCertificate"), text(a, "channelName"), text(a, "account"),
                role2(a, "role"), int32(a, "tokenExpire"), apiInt32(a, "privilegeExpire")));
        // In the Java package the "...AndPrivilege" builders are 9-argument overloads of
        // buildTokenWithUid / buildTokenWithUserAccount.
        def("RtcTokenBuilder2.buildTokenWithUidAndPrivilege", "007", Restamp.AT2, a -> rtc2.buildTokenWithUid(
                text(a, "appId"), text(a, "appCertificate"), text(a, "channelName"), int32(a, "uid"),
                int32(a, "tokenExpire"), int32(a, "joinChannelPrivilegeExpire"), int32(a, "pubAudioPrivilegeExpire"),
                int32(a, "pubVideoPrivilegeExpire"), int32(a, "pubDataStreamPrivilegeExpire")));
        def("RtcTokenBuilder2.buildTokenWithUserAccountAndPrivilege", "007", Restamp.AT2, a -> rtc2.buildTokenWithUserAccount(
                text(a, "appId"), text(a, "appCertificate"), text(a, "channelName"), text(a, "account"),
                int32(a, "tokenExpire"), int32(a, "joinChannelPrivilegeExpire"), int32(a, "pubAudioPrivilegeExpire"),
                int32(a, "pubVideoPrivilegeExpire"), int32(a, "pubDataStreamPrivilegeExpire")));
        def("RtcTokenBuilder2.buildTokenWithRtm", "007", Restamp.AT2, a -> rtc2.buildTokenWithRtm(
                text(a, "appId"), text(a, "appCertificate"), text(a, "channelName"), text(a, "account"),
                role2(a, "role"), int32(a, "tokenExpire"), apiInt32(a, "privilegeExpire")));
        def("RtcTokenBuilder2.buildTokenWithRtm2", "007", Restamp.AT2, a -> rtc2.buildTokenWithRtm2(
                text(a, "appId"), text(a, "appCertificate"), text(a, "channelName"), text(a, "rtcAccount"),
                role2(a, "rtcRole"), int32(a, "rtcTokenExpire"), int32(a, "joinChannelPrivilegeExpire"),
                int32(a, "pubAudioPrivilegeExpire"), int32(a, "pubVideoPrivilegeExpire"),
                int32(a, "pubDataStreamPrivilegeExpire"), text(a, "rtmUserId"), int32(a, "rtmTokenExpire")));
        RtmTokenBuilder2 rtm2 = new RtmTokenBuilder2();
        def("RtmTokenBuilder2.buildToken", "007", Restamp.AT2, a -> rtm2.buildToken(
                text(a, "appId"), text(a, "appCertificate"), text(a, "userId"), int32(a, "expire")));
        ChatTokenBuilder2 chat = new ChatTokenBuilder2();
        def("ChatTokenBuilder2.buildUserToken", "007", Restamp.AT2, a -> chat.buildUserToken(
                text(a, "appId"), text(a, "appCertificate"), text(a, "userId"), int32(a, "expire")));
        def("ChatTokenBuilder2.buildAppToken", "007", Restamp.AT2, a -> chat.buildAppToken(
                text(a, "appId"), text(a, "appCertificate"), int32(a, "expire")));
        FpaTokenBuilder fpa = new FpaTokenBuilder();
        def("FpaTokenBuilder.buildToken", "007", Restamp.AT2, a -> fpa.buildToken(
                text(a, "appId"), text(a, "appCertificate")));
        EducationTokenBuilder2 edu = new EducationTokenBuilder2();
        def("EducationTokenBuilder2.buildRoomUserToken", "007", Restamp.AT2, a -> edu.buildRoomUserToken(
                text(a, "appId"), text(a, "appCertificate"), text(a, "roomUuid"), text(a, "userUuid"),
                int16(a, "role"), int32(a, "expire")));
        def("EducationTokenBuilder2.buildUserToken", "007", Restamp.AT2, a -> edu.buildUserToken(
                text(a, "appId"), text(a, "appCertificate"), text(a, "userUuid"), int32(a, "expire")));
        def("EducationTokenBuilder2.buildAppToken", "007", Restamp.AT2, a -> edu.buildAppToken(
                text(a, "appId"), text(a, "appCertificate"), int32(a, "expire")));
        ApaasTokenBuilder apaas = new ApaasTokenBuilder();
        def("ApaasTokenBuilder.buildRoomUserToken", "007", Restamp.AT2, a -> apaas.buildRoomUserToken(
                text(a, "appId"), text(a, "appCertificate"), text(a, "roomUuid"), text(a, "userUuid"),
                int16(a, "role"), int32(a, "expire")));
        def("ApaasTokenBuilder.buildUserToken", "007", Restamp.AT2, a -> apaas.buildUserToken(
                text(a, "appId"), text(a, "appCertificate"), text(a, "userUuid"), int32(a, "expire")));
        def("ApaasTokenBuilder.buildAppToken", "007", Restamp.AT2, a -> apaas.buildAppToken(
                text(a, "appId"), text(a, "appCertificate"), int32(a, "expire")));

        RtcTokenBuilder rtc006 = new RtcTokenBuilder();
        def("RtcTokenBuilder.buildTokenWithUid", "006", Restamp.AT006_RTC, a -> rtc006.buildTokenWithUid(
                text(a, "appId"), text(a, "appCertificate"), text(a, "channelName"), int32(a, "uid"),
                role006(a, "role"), int32(a, "privilegeExpiredTs")));
        // The Java package calls this one buildTokenWithUserAccount.
        def("RtcTokenBuilder.buildTokenWithAccount", "006", Restamp.AT006_RTC, a -> rtc006.buildTokenWithUserAccount(
                text(a, "appId"), text(a, "appCertificate"), text(a, "channelName"), text(a, "account"),
                role006(a, "role"), int32(a, "privilegeExpiredTs")));
        def("RtmTokenBuilder.buildToken", "006", Restamp.AT006_RTM, a -> {
            lastRtm006 = new RtmTokenBuilder();
            return lastRtm006.buildToken(text(a, "appId"), text(a, "appCertificate"), text(a, "account"),
                    roleRtm006(a, "role"), int32(a, "privilegeExpiredTs"));
        });

        def("DynamicKey5.generatePublicSharingKey", "005", Restamp.NONE, a -> DynamicKey5.generatePublicSharingKey(
                text(a, "appId"), text(a, "appCertificate"), text(a, "channelName"), int32(a, "unixTs"),
                int32(a, "randomInt"), int64(a, "uid"), int32(a, "expiredTs")));
        def("DynamicKey5.generateRecordingKey", "005", Restamp.NONE, a -> DynamicKey5.generateRecordingKey(
                text(a, "appId"), text(a, "appCertificate"), text(a, "channelName"), int32(a, "unixTs"),
                int32(a, "randomInt"), int64(a, "uid"), int32(a, "expiredTs")));
        def("DynamicKey5.generateMediaChannelKey", "005", Restamp.NONE, a -> DynamicKey5.generateMediaChannelKey(
                text(a, "appId"), text(a, "appCertificate"), text(a, "channelName"), int32(a, "unixTs"),
                int32(a, "randomInt"), int64(a, "uid"), int32(a, "expiredTs")));
        def("DynamicKey5.generateInChannelPermissionKey", "005", Restamp.NONE, a -> DynamicKey5.generateInChannelPermissionKey(
                text(a, "appId"), text(a, "appCertificate"), text(a, "channelName"), int32(a, "unixTs"),
                int32(a, "randomInt"), int64(a, "uid"), int32(a, "expiredTs"), text(a, "permission")));
    }

    private void def(String name, String scheme, Restamp restamp, Builder b) {
        builders.put(name, new Entry(scheme, restamp, b));
    }

    /** Builders the protocol names that this package does not have, with the reason. */
    private static final Map<String, String> MISSING = Map.of(
            "RtmTokenBuilder2.buildTokenWithPermissions", NOT_IN + " (no RTM2 service, type 8)",
            "ConvoAITokenBuilder.buildToken", NOT_IN + " (no ConvoAI service, type 9)",
            "SttTokenBuilder.buildToken", NOT_IN + " (no STT service, type 10)",
            "SignalingToken.get", NOT_IN + ": SignalingToken.getToken(appId, appCertificate, account, expiredTsInSeconds)"
                    + " takes an absolute expiry and reads no clock; use encode with scheme signaling",
            "NetlessToken.sdkToken", NOT_IN + " (no netless code)",
            "NetlessToken.roomToken", NOT_IN + " (no netless code)",
            "NetlessToken.taskToken", NOT_IN + " (no netless code)");

    public static void main(String[] argv) throws Exception {
        // Responses go to the real stdout; anything else the official code prints
        // (it calls printStackTrace, and System.out in its samples) goes to stderr.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        if (!Charset.defaultCharset().equals(StandardCharsets.UTF_8)) {
            // The official classes call String.getBytes() and new String(byte[]) with the
            // platform charset; the launcher pins it (-Dfile.encoding=UTF-8).
            System.err.println("official-java adapter: default charset is " + Charset.defaultCharset()
                    + ", not UTF-8; non-ASCII strings will not match the other implementations");
        }
        OfficialJavaAdapter adapter = new OfficialJavaAdapter();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            out.println(adapter.handle(line).toString());
            out.flush();
        }
    }

    ObjectNode handle(String line) {
        JsonNode req;
        try {
            req = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            return error(null, bad("not JSON: " + e.getOriginalMessage()));
        }
        JsonNode id = req == null ? null : req.get("id");
        try {
            if (req == null || !req.isObject()) {
                throw bad("a request must be a JSON object");
            }
            if (id == null || !id.isTextual()) {
                throw bad("\"id\" must be a string");
            }
            ObjectNode resp = NODES.objectNode();
            resp.set("id", id);
            resp.put("ok", true);
            String op = text(req, "op");
            switch (op) {
                case "hello" -> hello(resp);
                case "build" -> resp.put("token", build(req));
                case "encode" -> resp.put("token", encode(req));
                case "decode" -> resp.set("content", decode(text(req, "token")));
                case "verify" -> resp.put("valid", verify(req));
                default -> throw unsupported("unknown op \"" + op + "\"");
            }
            return resp;
        } catch (Fail f) {
            return error(id, f);
        } catch (RuntimeException e) {
            // Not expected: the official calls are wrapped where they can throw. Keep serving.
            e.printStackTrace();
            return error(id, invalid("adapter error: " + e));
        }
    }

    private static ObjectNode error(JsonNode id, Fail f) {
        ObjectNode resp = NODES.objectNode();
        resp.set("id", id == null || !id.isTextual() ? NODES.nullNode() : id);
        resp.put("ok", false);
        ObjectNode e = resp.putObject("error");
        e.put("code", f.code);
        e.put("message", f.getMessage());
        return resp;
    }

    private void hello(ObjectNode resp) {
        resp.put("implementation", IMPLEMENTATION);
        resp.put("version", "2.1.3");
        ArrayNode ops = resp.putArray("ops");
        List.of("hello", "build", "encode", "decode", "verify").forEach(ops::add);
        ArrayNode schemes = resp.putArray("schemes");
        List.of("007", "006", "005", "signaling").forEach(schemes::add);
        ArrayNode names = resp.putArray("builders");
        builders.keySet().forEach(names::add);
        ObjectNode byScheme = resp.putObject("opsByScheme");
        byScheme.set("007", strings("build", "encode", "decode", "verify"));
        byScheme.set("006", strings("build", "encode", "decode", "verify"));
        byScheme.set("005", strings("build", "encode", "decode", "verify"));
        byScheme.set("signaling", strings("encode"));
        // Builders whose clock and salt are fixed by re-signing the official object (see class doc).
        ArrayNode restamped = resp.putArray("restamped");
        builders.forEach((name, e) -> {
            if (e.restamp() != Restamp.NONE) {
                restamped.add(name);
            }
        });
        ObjectNode recomputed = resp.putObject("recomputed");
        recomputed.set("verify", strings("007", "006", "005"));
        resp.put("charset", Charset.defaultCharset().name());
    }

    private static ArrayNode strings(String... values) {
        ArrayNode a = NODES.arrayNode();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }

    // ------------------------------------------------------------------ build

    private String build(JsonNode req) {
        String name = text(req, "builder");
        Entry e = builders.get(name);
        if (e == null) {
            throw unsupported(MISSING.getOrDefault(name, "no builder \"" + name + "\" in " + PACKAGE));
        }
        JsonNode args = req.get("args");
        if (args == null || !args.isObject()) {
            throw bad("build needs an \"args\" object");
        }
        long now = 0;
        long salt = 0;
        if (e.restamp() != Restamp.NONE) {
            now = u32(req, "now");
            salt = u32(req, "salt");
        }
        String real;
        try {
            real = e.builder().call(args);
        } catch (Fail f) {
            throw f;
        } catch (Exception ex) {
            throw invalid("official " + name + " threw " + ex);
        }
        if (real == null || real.isEmpty()) {
            throw invalid("official " + name + " returned an empty string");
        }
        try {
            return switch (e.restamp()) {
                case AT2 -> restamp007(real, text(args, "appCertificate"), now, salt);
                case AT006_RTC -> restamp006(real, args, name, now, salt);
                case AT006_RTM -> restampRtm006(real, now, salt);
                case NONE -> real;
            };
        } catch (Fail f) {
            throw f;
        } catch (Exception ex) {
            throw unsupported("cannot fix the clock and salt of " + name + ": " + ex);
        }
    }

    /** Parses the builder's 007 token, proves build() reproduces it, then re-signs with now and salt. */
    private static String restamp007(String real, String cert, long now, long salt) throws Exception {
        AccessToken2 t = new AccessToken2();
        if (!t.parse(real)) {
            throw unsupported("the official parse() rejects the builder's own token");
        }
        t.appCert = cert;
        if (!real.equals(t.build())) {
            throw unsupported("the official parse()+build() does not reproduce the builder's token");
        }
        t.issueTs = (int) now;
        t.salt = (int) salt;
        return t.build();
    }

    private static String restamp006(String real, JsonNode args, String name, long now, long salt) throws Exception {
        // The channel name and uid are not in a 006 token; they are the builder's own inputs,
        // with buildTokenWithUid's conversion (uid 0 -> "", else String.valueOf(int)). The
        // byte-for-byte check below proves they are what the builder signed.
        String uid = name.endsWith("buildTokenWithUid")
                ? (int32(args, "uid") == 0 ? "" : String.valueOf(int32(args, "uid")))
                : text(args, "account");
        AccessToken t = new AccessToken(text(args, "appId"), text(args, "appCertificate"), text(args, "channelName"), uid);
        if (!t.fromString(real)) {
            throw unsupported("the official fromString() rejects the builder's own token");
        }
        if (!real.equals(t.build())) {
            throw unsupported("the official fromString()+build() does not reproduce the builder's token");
        }
        return resign006(t, now, salt);
    }

    private String restampRtm006(String real, long now, long salt) throws Exception {
        AccessToken t = lastRtm006.mTokenCreator;
        if (!real.equals(t.build())) {
            throw unsupported("RtmTokenBuilder.mTokenCreator.build() does not reproduce the builder's token");
        }
        return resign006(t, now, salt);
    }

    private static String resign006(AccessToken t, long now, long salt) throws Exception {
        // PrivilegeMessage's constructor sets ts = Utils.getTimestamp() + 86400 (int arithmetic).
        t.message.salt = (int) salt;
        t.message.ts = (int) now + 86400;
        return t.build();
    }

    // ------------------------------------------------------------------ encode

    private String encode(JsonNode req) {
        JsonNode c = req.get("content");
        if (c == null || !c.isObject()) {
            throw bad("encode needs a \"content\" object");
        }
        String secret = text(req, "secret");
        String scheme = text(c, "scheme");
        try {
            String token = switch (scheme) {
                case "007" -> encode007(c, secret);
                case "006" -> encode006(c, secret);
                case "005" -> encode005(c, secret);
                case "signaling" -> SignalingToken.getToken(text(c, "appId"), secret, text(c, "account"), int32(c, "expiredTs"));
                case "netless" -> throw unsupported(NOT_IN + " (no netless code)");
                default -> throw unsupported("no scheme \"" + scheme + "\"");
            };
            if (token == null || token.isEmpty()) {
                throw invalid("the official build() returned an empty string");
            }
            return token;
        } catch (Fail f) {
            throw f;
        } catch (Exception e) {
            throw invalid("the official code threw " + e);
        }
    }

    private static String encode007(JsonNode c, String secret) throws Exception {
        if (c.has("unparsedHex")) {
            throw unsupported(NOT_IN + ": AccessToken2 cannot pack raw service bytes");
        }
        AccessToken2 t = new AccessToken2();
        t.appId = text(c, "appId");
        t.appCert = secret;
        t.issueTs = (int) u32(c, "issueTs");
        t.expire = (int) u32(c, "expire");
        t.salt = (int) u32(c, "salt");
        JsonNode services = c.get("services");
        if (services == null || !services.isArray()) {
            throw bad("\"services\" must be an array");
        }
        for (JsonNode s : services) {
            // addService keeps one service per type in a TreeMap: a repeated type replaces the
            // earlier one and services are packed in type order. That is the official behaviour.
            t.addService(service007(s));
        }
        return t.build();
    }

    private static AccessToken2.Service service007(JsonNode s) {
        if (!s.isObject()) {
            throw bad("each service must be an object");
        }
        int type = (int) integer(s, "type", 0, 0xffff);
        AccessToken2.Service svc = switch (type) {
            case 1 -> new AccessToken2.ServiceRtc(text(s, "channelName"), text(s, "uid"));
            case 2 -> new AccessToken2.ServiceRtm(text(s, "userId"));
            case 4 -> new AccessToken2.ServiceFpa();
            case 5 -> new AccessToken2.ServiceChat(text(s, "userId"));
            case 7 -> new AccessToken2.ServiceApaas(text(s, "roomUuid"), text(s, "userUuid"), int16(s, "role"));
            default -> throw unsupported(NOT_IN + ": no service type " + type + " (it has 1, 2, 4, 5, 7)");
        };
        JsonNode privileges = s.get("privileges");
        if (privileges == null || !privileges.isObject()) {
            throw bad("service \"privileges\" must be an object");
        }
        Iterator<Map.Entry<String, JsonNode>> it = privileges.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> p = it.next();
            svc.privileges.put((short) key16(p.getKey()), (int) u32value(p.getValue(), "privileges." + p.getKey()));
        }
        return svc;
    }

    private static String encode006(JsonNode c, String secret) throws Exception {
        JsonNode uid = c.get("uid");
        if (uid == null || !uid.isTextual()) {
            throw unsupported("the official AccessToken takes the uid as a String; give \"uid\" as a string");
        }
        AccessToken t = new AccessToken(text(c, "appId"), secret, text(c, "channelName"), uid.asText());
        t.message.salt = (int) u32(c, "salt");
        t.message.ts = (int) u32(c, "ts");
        JsonNode privileges = c.get("privileges");
        if (privileges != null && !privileges.isNull()) {
            if (!privileges.isObject()) {
                throw bad("\"privileges\" must be an object");
            }
            Iterator<Map.Entry<String, JsonNode>> it = privileges.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> p = it.next();
                t.message.messages.put((short) key16(p.getKey()), (int) u32value(p.getValue(), "privileges." + p.getKey()));
            }
        }
        return t.build();
    }

    private static String encode005(JsonNode c, String secret) throws Exception {
        TreeMap<Short, String> extra = new TreeMap<>();
        JsonNode e = c.get("extra");
        if (e != null && !e.isNull()) {
            if (!e.isObject()) {
                throw bad("\"extra\" must be an object");
            }
            Iterator<Map.Entry<String, JsonNode>> it = e.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> p = it.next();
                extra.put((short) key16(p.getKey()), text(e, p.getKey()));
            }
        }
        return DynamicKey5.generateDynamicKey(text(c, "appId"), secret, text(c, "channelName"), int32(c, "unixTs"),
                int32(c, "salt"), int64(c, "uid"), int32(c, "expiredTs"), extra, (short) integer(c, "serviceType", 0, 0xffff));
    }

    // ------------------------------------------------------------------ decode

    private static ObjectNode decode(String token) {
        if (token.startsWith("007")) {
            return decode007(token);
        }
        if (token.startsWith("006")) {
            return decode006(token).content;
        }
        if (token.startsWith("005")) {
            return decode005(token).content;
        }
        if (token.startsWith("1:")) {
            throw unsupported(NOT_IN + ": SignalingToken has no parser");
        }
        if (token.startsWith("NETLESS")) {
            throw unsupported(NOT_IN + " (no netless code)");
        }
        throw malformed("no known version prefix");
    }

    /** A 007 token through the official parser, plus the pieces parse() reads and then drops. */
    private record Parsed007(AccessToken2 token, byte[] signature, byte[] signed) {
    }

    private static Parsed007 parse007(String token) {
        AccessToken2 t = new AccessToken2();
        boolean ok;
        try {
            ok = t.parse(token);
        } catch (RuntimeException e) {
            // parse() takes substring(0, 3) outside its own try block.
            ok = false;
        }
        if (!ok) {
            throw malformed("the official AccessToken2.parse() returned false");
        }
        // parse() reads the signature and discards it; read it again the same way it does
        // (Utils.base64Decode, Utils.decompress, ByteBuf.readBytes). The signed bytes are
        // everything after the signature, as in build().
        byte[] payload = Utils.decompress(Utils.base64Decode(token.substring(3)));
        byte[] signature = new ByteBuf(payload).readBytes();
        byte[] signed = Arrays.copyOfRange(payload, 2 + signature.length, payload.length);
        return new Parsed007(t, signature, signed);
    }

    private static ObjectNode decode007(String token) {
        Parsed007 p = parse007(token);
        AccessToken2 t = p.token();
        ObjectNode c = NODES.objectNode();
        c.put("scheme", "007");
        c.set("appId", textOut(t.appId));
        c.put("issueTs", Integer.toUnsignedLong(t.issueTs));
        c.put("expire", Integer.toUnsignedLong(t.expire));
        c.put("salt", Integer.toUnsignedLong(t.salt));
        ArrayNode services = c.putArray("services");
        // AccessToken2.services is a TreeMap keyed by type: this is the order (and the one
        // service per type) that the official parser keeps, not necessarily the token's.
        for (AccessToken2.Service s : t.services.values()) {
            ObjectNode n = services.addObject();
            n.put("type", Short.toUnsignedInt(s.getServiceType()));
            n.set("privileges", privilegesOut(s.getPrivileges()));
            if (s instanceof AccessToken2.ServiceRtc rtc) {
                n.set("channelName", textOut(rtc.channelName));
                n.set("uid", textOut(rtc.uid));
            } else if (s instanceof AccessToken2.ServiceRtm rtm) {
                n.set("userId", textOut(rtm.userId));
            } else if (s instanceof AccessToken2.ServiceChat chat) {
                n.set("userId", textOut(chat.userId));
            } else if (s instanceof AccessToken2.ServiceApaas ap) {
                n.set("roomUuid", textOut(ap.roomUuid));
                n.set("userUuid", textOut(ap.userUuid));
                n.put("role", ap.role.shortValue());
            }
        }
        c.put("signature", HEX.formatHex(p.signature()));
        return c;
    }

    private record Parsed006(AccessToken token, ObjectNode content) {
    }

    private static Parsed006 decode006(String token) {
        AccessToken t = new AccessToken("", "", "", "");
        boolean ok;
        try {
            ok = t.fromString(token);
        } catch (RuntimeException e) {
            ok = false;
        }
        if (!ok) {
            throw malformed("the official AccessToken.fromString() returned false");
        }
        ObjectNode c = NODES.objectNode();
        c.put("scheme", "006");
        c.set("appId", textOut(t.appId));
        c.put("salt", Integer.toUnsignedLong(t.message.salt));
        c.put("ts", Integer.toUnsignedLong(t.message.ts));
        c.set("privileges", privilegesOut(t.message.messages));
        c.put("signature", HEX.formatHex(t.signature));
        c.put("crcChannelName", Integer.toUnsignedLong(t.crcChannelName));
        c.put("crcUid", Integer.toUnsignedLong(t.crcUid));
        return new Parsed006(t, c);
    }

    private record Parsed005(DynamicKey5 key, ObjectNode content) {
    }

    private static Parsed005 decode005(String token) {
        DynamicKey5 k = new DynamicKey5();
        boolean ok;
        try {
            ok = k.fromString(token);
        } catch (RuntimeException e) {
            // fromString has no try block of its own: a short buffer throws BufferUnderflowException.
            ok = false;
        }
        if (!ok) {
            throw malformed("the official DynamicKey5.fromString() returned false");
        }
        DynamicKey5.DynamicKey5Content d = k.content;
        ObjectNode c = NODES.objectNode();
        c.put("scheme", "005");
        c.put("serviceType", Short.toUnsignedInt(d.serviceType));
        // The token carries the app ID as raw bytes (hex-decoded by the generator): its case is
        // gone, so it is given back as lower-case hex. Channel name and uid are not in the token.
        c.put("appId", HEX.formatHex(d.appID));
        c.put("unixTs", Integer.toUnsignedLong(d.unixTs));
        c.put("salt", Integer.toUnsignedLong(d.salt));
        c.put("expiredTs", Integer.toUnsignedLong(d.expiredTs));
        ObjectNode extra = c.putObject("extra");
        d.extra.forEach((key, value) -> extra.set(Integer.toString(Short.toUnsignedInt(key)), textOut(value)));
        c.set("signature", textOut(d.signature));
        return new Parsed005(k, c);
    }

    // ------------------------------------------------------------------ verify

    private static boolean verify(JsonNode req) {
        String token = text(req, "token");
        String secret = text(req, "secret");
        try {
            if (token.startsWith("007")) {
                // No verify in the package: the official getSign() derives the key from the
                // secret, issueTs and salt; HMAC-SHA256 of the token's own signed bytes with
                // it is what build() would put in the signature field.
                Parsed007 p = parse007(token);
                p.token().appCert = secret;
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(p.token().getSign(), "HmacSHA256"));
                return MessageDigest.isEqual(mac.doFinal(p.signed()), p.signature());
            }
            if (token.startsWith("006")) {
                Parsed006 p = decode006(token);
                AccessToken t = p.token();
                JsonNode uid = req.get("uid");
                if (uid == null || !uid.isTextual() || !req.hasNonNull("channelName")) {
                    throw bad("006 verify needs \"channelName\" and \"uid\" as strings");
                }
                byte[] expected = AccessToken.generateSignature(secret, t.appId, text(req, "channelName"), uid.asText(),
                        t.messageRawContent);
                return MessageDigest.isEqual(expected, t.signature);
            }
            if (token.startsWith("005")) {
                Parsed005 p = decode005(token);
                DynamicKey5.DynamicKey5Content d = p.key().content;
                if (!req.has("uid") || !req.hasNonNull("channelName")) {
                    throw bad("005 verify needs \"channelName\" and \"uid\"");
                }
                String expected = DynamicKey5.generateSignature(secret, d.serviceType, HEX.formatHex(d.appID), d.unixTs,
                        d.salt, text(req, "channelName"), int64(req, "uid"), d.expiredTs, d.extra);
                return expected.equals(d.signature);
            }
        } catch (Fail f) {
            throw f;
        } catch (Exception e) {
            throw invalid("the official code threw " + e);
        }
        decode(token); // throws for every other prefix: unsupported (signaling, netless) or malformed
        throw new IllegalStateException("unreachable");
    }

    // ------------------------------------------------------------------ JSON helpers

    private static String text(JsonNode obj, String key) {
        JsonNode v = obj.get(key);
        if (v == null || v.isNull()) {
            throw bad("missing \"" + key + "\"");
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isObject() && v.size() == 1 && v.has("hex") && v.get("hex").isTextual()) {
            // The official classes take java.lang.String: only bytes that are UTF-8 text can be passed.
            byte[] bytes;
            try {
                bytes = HEX.parseHex(v.get("hex").asText());
            } catch (IllegalArgumentException e) {
                throw bad("\"" + key + "\".hex is not hex");
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw unsupported("\"" + key + "\": the official classes take java.lang.String; non-UTF-8 bytes cannot be passed");
            }
        }
        throw bad("\"" + key + "\" must be a string");
    }

    /** A string the official parser produced: new String(bytes) already replaced bad UTF-8 with U+FFFD. */
    private static JsonNode textOut(String s) {
        return NODES.textNode(s);
    }

    private static long integer(JsonNode obj, String key, long min, long max) {
        JsonNode v = obj.get(key);
        if (v == null || v.isNull()) {
            throw bad("missing \"" + key + "\"");
        }
        return integerValue(v, key, min, max);
    }

    private static long integerValue(JsonNode v, String what, long min, long max) {
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw bad("\"" + what + "\" must be an integer");
        }
        long x = v.asLong();
        if (x < min || x > max) {
            throw invalid("\"" + what + "\" = " + x + " does not fit the official Java parameter type");
        }
        return x;
    }

    /** A Java int parameter: negative ints and unsigned 32-bit values both fit (as the same bits). */
    /** An argument the Java API requires although PROTOCOL.md makes it optional: leaving it out is unsupported. */
    private static int apiInt32(JsonNode obj, String key) {
        if (obj == null || !obj.has(key)) {
            throw unsupported(key + " is a required argument in " + PACKAGE);
        }
        return int32(obj, key);
    }

    private static int int32(JsonNode obj, String key) {
        return (int) integer(obj, key, Integer.MIN_VALUE, 0xffffffffL);
    }

    private static long int64(JsonNode obj, String key) {
        return integer(obj, key, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private static Short int16(JsonNode obj, String key) {
        return (short) integer(obj, key, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    private static long u32(JsonNode obj, String key) {
        JsonNode v = obj.get(key);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0 || v.asLong() > 0xffffffffL) {
            throw bad("\"" + key + "\" must be an unsigned 32-bit integer");
        }
        return v.asLong();
    }

    private static long u32value(JsonNode v, String what) {
        return integerValue(v, what, 0, 0xffffffffL);
    }

    private static int key16(String key) {
        if (!key.matches("0|[1-9][0-9]{0,4}") || Integer.parseInt(key) > 0xffff) {
            throw bad("map key \"" + key + "\" is not a decimal u16");
        }
        return Integer.parseInt(key);
    }

    private static RtcTokenBuilder2.Role role2(JsonNode obj, String key) {
        long r = integer(obj, key, Long.MIN_VALUE, Long.MAX_VALUE);
        for (RtcTokenBuilder2.Role role : RtcTokenBuilder2.Role.values()) {
            if (role.initValue == r) {
                return role;
            }
        }
        throw invalid("\"" + key + "\" = " + r + " is not a RtcTokenBuilder2.Role (1 publisher, 2 subscriber)");
    }

    private static RtcTokenBuilder.Role role006(JsonNode obj, String key) {
        long r = integer(obj, key, Long.MIN_VALUE, Long.MAX_VALUE);
        for (RtcTokenBuilder.Role role : RtcTokenBuilder.Role.values()) {
            if (role.initValue == r) {
                return role;
            }
        }
        throw invalid("\"" + key + "\" = " + r + " is not a RtcTokenBuilder.Role (0, 1, 2, 101)");
    }

    private static RtmTokenBuilder.Role roleRtm006(JsonNode obj, String key) {
        long r = integer(obj, key, Long.MIN_VALUE, Long.MAX_VALUE);
        // RtmTokenBuilder.Role has the one constant Rtm_User (value 1); buildToken ignores it.
        if (r != 1) {
            throw invalid("\"" + key + "\" = " + r + " is not a RtmTokenBuilder.Role (1 Rtm_User)");
        }
        return RtmTokenBuilder.Role.Rtm_User;
    }

    private static ObjectNode privilegesOut(Map<Short, Integer> m) {
        ObjectNode o = NODES.objectNode();
        m.forEach((k, v) -> o.put(Integer.toString(Short.toUnsignedInt(k)), Integer.toUnsignedLong(v)));
        return o;
    }
}
