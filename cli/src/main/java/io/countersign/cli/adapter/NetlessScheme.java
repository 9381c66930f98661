package io.countersign.cli.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.countersign.netless.DecodedNetlessToken;
import io.countersign.netless.NetlessCodec;
import io.countersign.netless.NetlessToken;
import io.countersign.netless.NetlessTokenContent;
import io.countersign.netless.TokenPrefix;
import io.countersign.netless.TokenRole;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Netless (Interactive Whiteboard) tokens in the adapter protocol. Builders take {@code ak, sk,
 * lifespan, content} in {@code args} and the request's top-level {@code nowMs} and
 * {@code nonce}; content shapes are PROTOCOL.md's, with {@code expireAt} as a decimal string.
 */
public final class NetlessScheme implements Scheme {
    public static final String NAME = "netless";

    private final Map<String, TokenPrefix> builders = new LinkedHashMap<>();

    public NetlessScheme() {
        builders.put("NetlessToken.sdkToken", TokenPrefix.SDK);
        builders.put("NetlessToken.roomToken", TokenPrefix.ROOM);
        builders.put("NetlessToken.taskToken", TokenPrefix.TASK);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> builders() {
        return builders.keySet();
    }

    @Override
    public boolean recognizes(String token) {
        for (TokenPrefix p : TokenPrefix.values()) {
            if (token.startsWith(p.prefix())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String build(String builder, JsonNode request) {
        JsonNode args = Json.object(request, "args");
        long nowMs = Json.integer(request, "nowMs");
        String nonce = Json.text(request, "nonce");
        NetlessToken netless = new NetlessToken(Clock.fixed(Instant.ofEpochMilli(nowMs), ZoneOffset.UTC), () -> nonce);
        String ak = Json.text(args, "ak");
        String sk = Json.text(args, "sk");
        long lifespan = Json.integer(args, "lifespan");
        ObjectNode content = Json.object(args, "content");
        TokenPrefix prefix = builders.get(builder);
        for (Iterator<String> keys = content.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!key.equals("role") && !(key.equals("uuid") && prefix != TokenPrefix.SDK)) {
                // netless-token would sign any extra key into the token; its types allow only these.
                throw new IllegalArgumentException("content." + key + ": not part of "
                        + (prefix == TokenPrefix.SDK ? "SdkTokenTags (role)" : "RoomTokenTags / TaskTokenTags (role, uuid)"));
            }
        }
        TokenRole role = role(content);
        String uuid = content.has("uuid") ? Json.text(content, "uuid") : null;
        return switch (prefix) {
            case SDK -> netless.sdkToken(ak, sk, lifespan, new NetlessToken.SdkTokenTags(role));
            case ROOM -> netless.roomToken(ak, sk, lifespan, new NetlessToken.RoomTokenTags(role, uuid));
            case TASK -> netless.taskToken(ak, sk, lifespan, new NetlessToken.TaskTokenTags(role, uuid));
        };
    }

    @Override
    public String encode(JsonNode content, String secret) {
        NetlessTokenContent c = new NetlessTokenContent(TokenPrefix.of(Json.text(content, "prefix")),
                Json.text(content, "ak"), Json.text(content, "nonce"), role(content),
                content.has("uuid") ? Optional.of(Json.text(content, "uuid")) : Optional.empty(),
                content.has("expireAt") ? OptionalLong.of(expireAt(Json.text(content, "expireAt"))) : OptionalLong.empty());
        return NetlessCodec.encode(c, secret);
    }

    @Override
    public ObjectNode decode(String token) {
        DecodedNetlessToken decoded = NetlessCodec.decode(token);
        NetlessTokenContent c = decoded.content();
        ObjectNode content = Json.NODES.objectNode();
        content.put("scheme", NAME);
        content.put("prefix", c.prefix().prefix());
        content.put("ak", c.ak());
        content.put("nonce", c.nonce());
        content.put("role", c.role().value());
        c.uuid().ifPresent(uuid -> content.put("uuid", uuid));
        c.expireAt().ifPresent(at -> content.put("expireAt", Long.toString(at)));
        content.put("sig", decoded.sigHex());
        return content;
    }

    @Override
    public boolean verify(String token, String secret, JsonNode request) {
        return NetlessCodec.decode(token).verify(secret);
    }

    /** The role string; absent is an invalid argument (netless-token allows it, the protocol's shapes do not). */
    private static TokenRole role(JsonNode content) {
        if (!content.has("role")) {
            throw new IllegalArgumentException("role: required (\"0\" admin, \"1\" writer, \"2\" reader)");
        }
        return TokenRole.of(Json.text(content, "role"));
    }

    /** expireAt as the token writes it: decimal digits without leading zeros. */
    private static long expireAt(String text) {
        if (text.isEmpty() || text.length() > 16 || !text.chars().allMatch(ch -> ch >= '0' && ch <= '9')
                || text.length() > 1 && text.charAt(0) == '0') {
            throw new IllegalArgumentException("expireAt: must be decimal unix milliseconds without leading zeros, at most "
                    + NetlessTokenContent.MAX_EXPIRE_AT);
        }
        return Long.parseLong(text);
    }
}
