package io.countersign.cli.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.countersign.codec.Checks;
import io.countersign.signaling.DecodedSignalingToken;
import io.countersign.signaling.SignalingToken;
import io.countersign.signaling.SignalingTokenCodec;
import io.countersign.signaling.SignalingTokenContent;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Signaling tokens in the adapter protocol. {@code SignalingToken.get} reads the request's
 * {@code now} (no salt is drawn). The token carries the account only inside its MD5, so decode
 * leaves it out and verify reads {@code account} from the request.
 */
public final class SignalingScheme implements Scheme {
    public static final String NAME = "signaling";
    private static final String GET = "SignalingToken.get";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> builders() {
        return Set.of(GET);
    }

    @Override
    public boolean recognizes(String token) {
        return token.startsWith(SignalingTokenContent.VERSION + ":");
    }

    @Override
    public String build(String builder, JsonNode request) {
        JsonNode a = Json.object(request, "args");
        long now = Checks.u32("now", Json.integer(request, "now"));
        return new SignalingToken(Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC))
                .get(Json.text(a, "appId"), Json.text(a, "appCertificate"), Json.text(a, "account"),
                        Json.integer(a, "validTimeInSeconds"));
    }

    @Override
    public String encode(JsonNode content, String secret) {
        return SignalingTokenCodec.encode(new SignalingTokenContent(Json.text(content, "appId"), Json.bytes(content, "account"),
                Json.integer(content, "expiredTs")), secret);
    }

    @Override
    public ObjectNode decode(String token) {
        DecodedSignalingToken decoded = SignalingTokenCodec.decode(token);
        ObjectNode content = Json.NODES.objectNode();
        content.put("scheme", name());
        content.put("appId", decoded.appId());
        content.put("expiredTs", decoded.expiredTs());
        content.put("signature", decoded.signature());
        return content;
    }

    @Override
    public boolean verify(String token, String secret, JsonNode request) {
        DecodedSignalingToken decoded = SignalingTokenCodec.decode(token);
        return decoded.verify(secret, Json.bytes(request, "account"));
    }
}
