package io.countersign.schemes;

import io.countersign.codec.DecodeLimits;
import io.countersign.signaling.DecodedSignalingToken;
import io.countersign.signaling.SignalingTokenCodec;
import io.countersign.signaling.SignalingTokenContent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signaling tokens as plain data. The token carries the account only inside its MD5, so decode
 * leaves it out and verify reads {@code account} from its inputs.
 */
final class SignalingScheme extends PrefixedScheme {
    static final String NAME = "signaling";

    SignalingScheme() {
        super(NAME, SignalingTokenContent.VERSION + ":");
    }

    @Override
    public Map<String, Object> decode(String token, DecodeLimits limits) {
        DecodedSignalingToken decoded = SignalingTokenCodec.decode(token, limits);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("scheme", name());
        content.put("appId", decoded.appId());
        content.put("expiredTs", decoded.expiredTs());
        content.put("signature", decoded.signature());
        return content;
    }

    @Override
    public String encode(Map<String, ?> content, String secret) {
        return SignalingTokenCodec.encode(new SignalingTokenContent(Values.text(content, "", "appId"),
                Values.bytes(content, "", "account"), Values.integer(content, "", "expiredTs")), secret);
    }

    @Override
    public boolean verify(String token, String secret, Map<String, ?> inputs) {
        return SignalingTokenCodec.decode(token).verify(secret, Values.bytes(inputs, "", "account"));
    }
}
