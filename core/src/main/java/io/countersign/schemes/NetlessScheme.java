package io.countersign.schemes;

import io.countersign.codec.DecodeLimits;
import io.countersign.codec.InvalidArgumentException;
import io.countersign.internal.Checks;
import io.countersign.netless.DecodedNetlessToken;
import io.countersign.netless.NetlessCodec;
import io.countersign.netless.NetlessTokenContent;
import io.countersign.netless.TokenPrefix;
import io.countersign.netless.TokenRole;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Netless (Interactive Whiteboard) tokens as plain data: {@code prefix, ak, nonce, role},
 * {@code uuid} when present, {@code expireAt} (a decimal string of unix milliseconds) when the
 * token expires, and {@code sig} on decode.
 */
final class NetlessScheme extends PrefixedScheme {
    static final String NAME = "netless";

    NetlessScheme() {
        super(NAME, TokenPrefix.SDK.prefix(), TokenPrefix.ROOM.prefix(), TokenPrefix.TASK.prefix());
    }

    @Override
    public Map<String, Object> decode(String token, DecodeLimits limits) {
        DecodedNetlessToken decoded = NetlessCodec.decode(token, limits);
        NetlessTokenContent c = decoded.content();
        Map<String, Object> content = new LinkedHashMap<>();
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
    public String encode(Map<String, ?> content, String secret) {
        NetlessTokenContent c = new NetlessTokenContent(TokenPrefix.of(Values.text(content, "", "prefix")),
                Values.text(content, "", "ak"), Values.text(content, "", "nonce"), role(content),
                Values.has(content, "uuid") ? Optional.of(Values.text(content, "", "uuid")) : Optional.empty(),
                Values.has(content, "expireAt") ? OptionalLong.of(expireAt(Values.text(content, "", "expireAt")))
                        : OptionalLong.empty());
        return NetlessCodec.encode(c, secret);
    }

    @Override
    public boolean verify(String token, String secret, Map<String, ?> inputs) {
        return NetlessCodec.decode(token).verify(secret);
    }

    /** The role string; absent is an invalid argument (netless-token allows it, the protocol's shapes do not). */
    static TokenRole role(Map<String, ?> content) {
        if (!Values.has(content, "role")) {
            throw new InvalidArgumentException("role", "required (\"0\" admin, \"1\" writer, \"2\" reader)");
        }
        return TokenRole.of(Values.text(content, "", "role"));
    }

    /** expireAt as the token writes it: decimal digits without leading zeros. */
    private static long expireAt(String text) {
        if (!Checks.isDecimal(text, 16) || text.length() > 1 && text.charAt(0) == '0') {
            throw new InvalidArgumentException("expireAt", "must be decimal unix milliseconds without leading zeros, at most "
                    + NetlessTokenContent.MAX_EXPIRE_AT);
        }
        return Long.parseLong(text);
    }
}
