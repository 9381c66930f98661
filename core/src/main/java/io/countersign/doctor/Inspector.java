package io.countersign.doctor;

import io.countersign.accesstoken.DecodedAccessToken;
import io.countersign.accesstoken2.DecodedAccessToken2;
import io.countersign.accesstoken2.Service;
import io.countersign.codec.ByteString;
import io.countersign.codec.Privileges;
import io.countersign.doctor.Inspection.Field;
import io.countersign.doctor.Inspection.Grant;
import io.countersign.doctor.Inspection.Warning;
import io.countersign.doctor.Inspection.Warning.Code;
import io.countersign.dynamickey5.DecodedDynamicKey5;
import io.countersign.internal.Checks;
import io.countersign.netless.DecodedNetlessToken;
import io.countersign.netless.NetlessTokenContent;
import io.countersign.signaling.DecodedSignalingToken;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Turns a decoded token into an {@link Inspection}: one method per scheme, each listing the
 * fields in token order with their meaning, then the warnings. The inspector page's
 * JavaScript follows this file line by line.
 */
final class Inspector {
    /** Before 2001-09-09: a "timestamp" this small was almost surely meant as a lifetime. */
    static final long SMALLEST_LIKELY_TIMESTAMP = 1_000_000_000L;
    /** Netless counts milliseconds; below this (1973) it was almost surely given in seconds. */
    static final long SMALLEST_LIKELY_MILLIS = 100_000_000_000L;
    /** A 007 lifetime this long (almost 7 days) that is a whole number of thousands was almost surely milliseconds. */
    static final long SMALLEST_LIKELY_MILLIS_LIFETIME = 600_000L;
    /** Issued more than this many seconds in the future: the issuing clock is ahead. */
    static final long FUTURE_TOLERANCE_SECONDS = 60;

    private final long nowMillis;
    private final List<Field> fields = new ArrayList<>();
    private final List<Grant> grants = new ArrayList<>();
    private final List<Warning> warnings = new ArrayList<>();

    private Inspector(long nowMillis) {
        this.nowMillis = nowMillis;
    }

    static Inspection accessToken2(DecodedAccessToken2 decoded, long nowMillis) {
        Inspector in = new Inspector(nowMillis);
        var token = decoded.token();
        long issued = token.issueTs();
        long expires = issued + token.expire();
        in.field("version", "007", "AccessToken2: the rest is base64 of zlib-compressed fields");
        in.field("signature", decoded.signature().hex(),
                "HMAC-SHA256 of the fields below, keyed by HMACs of the App Certificate with issueTs and salt");
        in.field("appId", token.appId(), "the App ID of the project the token is for");
        in.field("issueTs", Long.toString(issued), "issued at " + Words.utc(issued));
        in.field("expire", Long.toString(token.expire()), "seconds the token lasts after issueTs: until " + Words.utc(expires));
        in.field("salt", Long.toString(token.salt()), "a random number that makes each token unique");
        in.issuedInFuture("issueTs", issued);
        in.expired("expire", expires * 1000);
        if (token.expire() > Words.MAX_LIFETIME_SECONDS) {
            in.warn(Code.LIFETIME_OVER_24H, "expire", "the token lasts " + Words.duration(token.expire())
                    + ", longer than Agora's maximum of 24 h");
        }
        in.relativeUnit("expire", token.expire());
        List<Service> services = token.services();
        for (int i = 0; i < services.size(); i++) {
            Service s = services.get(i);
            ServiceKind kind = ServiceKind.ofType(s.type());
            String at = "services[" + i + "]";
            in.field(at + ".type", Integer.toString(s.type()), kind.label() + ": " + kind.description());
            in.serviceFields(at, s, kind);
            Privileges p = s.privileges();
            for (int j = 0; j < p.size(); j++) {
                int id = p.idAt(j);
                long value = p.valueAt(j);
                String field = at + ".privileges." + id;
                String name = kind.privilegeName(id);
                // 0 sets no limit of its own: the official builders write 0 when no privilege expiry
                // is given, and Agora documents it as "same as token_expire".
                long until = value == 0 ? expires : issued + value;
                in.field(field, Long.toString(value), value == 0
                        ? name + ": 0, no limit of its own: lasts as long as the token, until " + Words.utc(until)
                        : name + ": " + value + " s after issueTs, until " + Words.utc(until));
                in.grant(new Grant(field, kind, id, name, until * 1000), expires);
                in.relativeUnit(field, value);
            }
        }
        if (decoded.unparsed().length() > 0) {
            int type = (decoded.unparsed().byteAt(0) & 0xFF) | (decoded.unparsed().byteAt(1) & 0xFF) << 8;
            in.field("unparsed", decoded.unparsed().hex(),
                    "signed bytes from service type " + type + " on, which this version does not know: kept, not decoded");
            in.warn(Code.UNKNOWN_SERVICES, "unparsed", "service type " + type
                    + " is unknown to this version; the services from it on are not shown");
        }
        return in.build("007", OptionalLong.of(issued * 1000), OptionalLong.of(expires * 1000));
    }

    private void serviceFields(String at, Service s, ServiceKind kind) {
        if (s instanceof Service.Rtc rtc) {
            channel(at + ".channelName", rtc.channelName());
            field(at + ".uid", rtc.uid().toString(), uidMeaning(rtc.uid()));
        } else if (s instanceof Service.Rtm rtm) {
            field(at + ".userId", rtm.userId().toString(), "the RTM user ID that logs in");
        } else if (s instanceof Service.Streaming streaming) {
            channel(at + ".channelName", streaming.channelName());
            field(at + ".account", streaming.account().toString(), "the account that publishes");
        } else if (s instanceof Service.Chat chat) {
            field(at + ".userId", chat.userId().toString(),
                    chat.userId().length() == 0 ? "empty: an app token, not a user's" : "the chat user ID");
        } else if (s instanceof Service.Fcdn fcdn) {
            channel(at + ".channelName", fcdn.channelName());
            field(at + ".account", fcdn.account().toString(), "the account that publishes or plays");
        } else if (s instanceof Service.Apaas apaas) {
            field(at + ".roomUuid", apaas.roomUuid().toString(), "the classroom (empty unless a room-user token)");
            field(at + ".userUuid", apaas.userUuid().toString(), "the user (empty for an app token)");
            field(at + ".role", Integer.toString(apaas.role()), "the user's role in the classroom, as given to the builder");
        } else if (s instanceof Service.Rtm2 rtm2) {
            field(at + ".userId", rtm2.userId().toString(), "the RTM user ID that logs in");
            for (Service.Rtm2Resource resource : rtm2.permissions()) {
                for (Service.Rtm2Permission permission : resource.permissions()) {
                    field(at + ".permissions." + resource.resourceType() + "." + permission.permissionType(),
                            jsonList(permission.resources()), Words.rtm2Permission(permission.permissionType())
                                    + " on these " + Words.rtm2Resource(resource.resourceType()));
                }
            }
        }
    }

    /** What the uid a 007 RTC service packs means: "" is uid 0, digits are an int uid (or an account of digits). */
    static String uidMeaning(ByteString uid) {
        if (uid.length() == 0) {
            return "empty: uid 0, so any uid may join with this token";
        }
        if (isDecimalU32(uid.toString())) {
            return "int uid " + uid + " (buildTokenWithUid writes the uid as decimal text; a user account of these digits packs the same)";
        }
        return "a user account (buildTokenWithUserAccount): the client must join with this account, not an int uid";
    }

    private void channel(String field, ByteString name) {
        field(field, name.toString(), "the channel the token is for");
        String problem = Words.channelNameProblem(name);
        if (problem != null) {
            warn(Code.CHANNEL_NAME_RULES, field, problem + ": Agora refuses to join such a channel");
        }
    }

    static Inspection accessToken(DecodedAccessToken decoded, long nowMillis) {
        Inspector in = new Inspector(nowMillis);
        long ts = decoded.ts();
        in.field("version", "006", "AccessToken: the App ID, then base64 of the signed content");
        in.field("appId", decoded.appId(), "the App ID of the project the token is for");
        in.field("signature", decoded.signature().hex(),
                "HMAC-SHA256 of the App ID, channel name, uid and message, keyed by the App Certificate");
        in.field("crcChannelName", Long.toString(decoded.crcChannelName()), decoded.crcChannelName() == 0
                ? "CRC32 of the channel name; 0 is the CRC32 of an empty name (RTM tokens put the user account here)"
                : "CRC32 of the channel name the token was signed for (RTM tokens put the user account here); the name itself is not in the token");
        in.field("crcUid", Long.toString(decoded.crcUid()), decoded.crcUid() == 0
                ? "CRC32 of the uid text; 0 is the CRC32 of empty text: uid 0, so any uid may join"
                : "CRC32 of the uid as decimal text, or of the user account; the uid itself is not in the token");
        in.field("salt", Long.toString(decoded.salt()), "a random number that makes each token unique");
        in.field("ts", Long.toString(ts), "the token expires at " + Words.utc(ts)
                + " (the official builders set this 24 h after building)");
        in.expired("ts", ts * 1000);
        in.absoluteUnit("ts", ts);
        Privileges p = decoded.privileges();
        for (int j = 0; j < p.size(); j++) {
            int id = p.idAt(j);
            long value = p.valueAt(j);
            String field = "privileges." + id;
            String name = Words.accessTokenPrivilege(id);
            // 0 never expires on its own ("0 indicates never expire", agora-access-token's README):
            // the token's ts still ends it.
            long until = value == 0 ? ts : value;
            in.field(field, Long.toString(value), value == 0
                    ? name + ": 0, never expires on its own: lasts as long as the token, until " + Words.utc(until)
                    : name + " until " + Words.utc(until));
            in.grant(new Grant(field, id == 1000 ? ServiceKind.RTM : ServiceKind.RTC, id, name, until * 1000), ts);
            if (value != 0) {
                in.absoluteUnit(field, value);
            }
        }
        return in.build("006", OptionalLong.empty(), OptionalLong.of(ts * 1000));
    }

    static Inspection dynamicKey5(DecodedDynamicKey5 decoded, long nowMillis) {
        Inspector in = new Inspector(nowMillis);
        in.field("version", "005", "DynamicKey5: base64 of the packed fields");
        in.field("serviceType", Integer.toString(decoded.serviceType()), Words.dynamicKey5Service(decoded.serviceType()));
        in.field("signature", decoded.signature(), "HMAC-SHA1 of the service type, App ID, unixTs, salt, channel name, uid, "
                + "expiredTs and extra, keyed by the App Certificate; channel name and uid are not in the key");
        in.field("appId", decoded.appId(), "the App ID of the project the key is for");
        in.field("unixTs", Long.toString(decoded.unixTs()), "issued at " + Words.utc(decoded.unixTs()));
        in.field("salt", Long.toString(decoded.salt()), "a random number that makes each key unique");
        in.field("expiredTs", Long.toString(decoded.expiredTs()), "the key expires at " + Words.utc(decoded.expiredTs()));
        decoded.extra().forEach((key, value) ->
                in.field("extra." + key, value.toString(), Words.dynamicKey5Extra(key, value.toString())));
        in.issuedInFuture("unixTs", decoded.unixTs());
        in.expired("expiredTs", decoded.expiredTs() * 1000);
        if (decoded.expiredTs() - decoded.unixTs() > Words.MAX_LIFETIME_SECONDS) {
            in.warn(Code.LIFETIME_OVER_24H, "expiredTs", "the key lasts " + Words.duration(decoded.expiredTs() - decoded.unixTs())
                    + " after unixTs, longer than Agora's maximum of 24 h");
        }
        in.absoluteUnit("expiredTs", decoded.expiredTs());
        return in.build("005", OptionalLong.of(decoded.unixTs() * 1000),
                OptionalLong.of(decoded.expiredTs() * 1000));
    }

    static Inspection signaling(DecodedSignalingToken decoded, long nowMillis) {
        Inspector in = new Inspector(nowMillis);
        in.field("version", "1", "signaling token: version, App ID, expiry and MD5, separated by ':'");
        in.field("appId", decoded.appId(), "the App ID of the project the token is for");
        in.field("expiredTs", Long.toString(decoded.expiredTs()), "the token expires at " + Words.utc(decoded.expiredTs()));
        in.field("signature", decoded.signature(),
                "MD5 of the account, App ID, App Certificate and expiredTs; the account is not in the token");
        in.expired("expiredTs", decoded.expiredTs() * 1000);
        in.absoluteUnit("expiredTs", decoded.expiredTs());
        return in.build("signaling", OptionalLong.empty(), OptionalLong.of(decoded.expiredTs() * 1000));
    }

    static Inspection netless(DecodedNetlessToken decoded, long nowMillis) {
        Inspector in = new Inspector(nowMillis);
        NetlessTokenContent c = decoded.content();
        String kind;
        switch (c.prefix()) {
            case SDK: kind = "an SDK token: for the whole Netless project"; break;
            case ROOM: kind = "a room token: for one whiteboard room"; break;
            default: kind = "a task token: for one task, such as a file conversion"; break;
        }
        in.field("prefix", c.prefix().prefix(), kind);
        in.field("ak", c.ak(), "the access key (AK) of the Netless project");
        if (c.expireAt().isPresent()) {
            long at = c.expireAt().getAsLong();
            in.field("expireAt", Long.toString(at), "the token expires at " + Words.utcMillis(at) + " (unix milliseconds)");
        } else {
            in.field("expireAt", "", "absent: the token never expires");
        }
        in.field("nonce", c.nonce(), "a random value that makes each token unique");
        String role;
        switch (c.role()) {
            case ADMIN: role = "admin: may do anything the token's scope allows"; break;
            case WRITER: role = "writer: may draw and edit"; break;
            default: role = "reader: may only read"; break;
        }
        in.field("role", c.role().value(), role);
        in.field("sig", decoded.sigHex(), "HMAC-SHA256 of the other fields, keyed by the secret key (SK)");
        c.uuid().ifPresent(uuid -> in.field("uuid", uuid, "the room or task the token is for"));
        if (c.expireAt().isPresent()) {
            long at = c.expireAt().getAsLong();
            in.expired("expireAt", at);
            if (at < SMALLEST_LIKELY_MILLIS) {
                in.warn(Code.TIMESTAMP_UNIT, "expireAt", at + " ms is " + Words.utcMillis(at)
                        + ": it looks like seconds, but Netless counts milliseconds");
            }
        }
        return in.build("netless", OptionalLong.empty(), c.expireAt());
    }

    private long nowSeconds() {
        return Math.floorDiv(nowMillis, 1000);
    }

    private void field(String name, String value, String meaning) {
        fields.add(new Field(name, value, meaning));
    }

    private void warn(Code code, String field, String message) {
        warnings.add(new Warning(code, field, message));
    }

    /** Records a privilege and warns when it outlives the token or has expired while the token lasts. */
    private void grant(Grant g, long tokenExpiresSeconds) {
        grants.add(g);
        long until = g.expiresAt() / 1000;
        if (until > tokenExpiresSeconds) {
            warn(Code.PRIVILEGE_OUTLIVES_TOKEN, g.field(), g.name() + " lasts until " + Words.utc(until)
                    + ", after the token expires at " + Words.utc(tokenExpiresSeconds) + ": the token's expiry wins");
        }
        if (nowMillis < tokenExpiresSeconds * 1000 && nowMillis >= g.expiresAt()) {
            warn(Code.PRIVILEGE_EXPIRED, g.field(), g.name() + " expired at " + Words.utc(until) + " ("
                    + Words.relative(until, nowSeconds()) + "), before the token does");
        }
    }

    private void expired(String field, long expiresAtMillis) {
        if (nowMillis >= expiresAtMillis) {
            warn(Code.EXPIRED, field, "the token expired at " + Words.utcMillis(expiresAtMillis) + " ("
                    + Words.relative(Math.floorDiv(expiresAtMillis, 1000), nowSeconds()) + ")");
        }
    }

    private void issuedInFuture(String field, long issuedSeconds) {
        if (issuedSeconds > nowSeconds() + FUTURE_TOLERANCE_SECONDS) {
            warn(Code.ISSUED_IN_FUTURE, field, "issued " + Words.relative(issuedSeconds, nowSeconds())
                    + ": the clock of the machine that built it is ahead, or the value is wrong");
        }
    }

    /** A count of seconds (007): a unix timestamp or milliseconds passed by mistake look alike. */
    private void relativeUnit(String field, long seconds) {
        if (seconds >= SMALLEST_LIKELY_TIMESTAMP) {
            warn(Code.TIMESTAMP_UNIT, field, seconds + " looks like a unix timestamp, but 007 counts seconds after issueTs"
                    + " (006 used timestamps)");
        } else if (seconds >= SMALLEST_LIKELY_MILLIS_LIFETIME && seconds % 1000 == 0) {
            warn(Code.TIMESTAMP_UNIT, field, seconds + " s is " + Words.duration(seconds)
                    + ": it looks like milliseconds (" + Words.duration(seconds / 1000) + "), but 007 counts seconds");
        }
    }

    /** A unix timestamp in seconds (006, 005, signaling): a lifetime passed by mistake is far in the past. */
    private void absoluteUnit(String field, long timestamp) {
        if (timestamp < SMALLEST_LIKELY_TIMESTAMP) {
            warn(Code.TIMESTAMP_UNIT, field, timestamp + " is " + Words.utc(timestamp)
                    + ": it looks like a lifetime in seconds, but this field is a unix timestamp");
        }
    }

    private Inspection build(String scheme, OptionalLong issuedAt, OptionalLong expiresAt) {
        return new Inspection(scheme, nowMillis, issuedAt, expiresAt, fields, grants, warnings);
    }

    static boolean isDecimalU32(String s) {
        return Checks.isDecimal(s, 10) && !(s.length() > 1 && s.charAt(0) == '0') && Long.parseLong(s) <= 0xFFFF_FFFFL;
    }

    /** Byte strings as a JSON array of strings, exactly as JavaScript's JSON.stringify writes it. */
    static String jsonList(List<ByteString> items) {
        StringBuilder sb = new StringBuilder("[");
        for (ByteString item : items) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            jsonString(sb, item.toString());
        }
        return sb.append(']').toString();
    }

    private static void jsonString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\b': sb.append("\\b"); break;
                case '\f': sb.append("\\f"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
