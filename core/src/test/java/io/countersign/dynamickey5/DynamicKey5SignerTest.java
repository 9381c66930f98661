package io.countersign.dynamickey5;

import io.countersign.codec.SignerContract;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DynamicKey5SignerTest extends SignerContract<DynamicKey5Content> {
    private static final String APP_ID = DynamicKey5Test.APP_ID;
    private static final String CERT = DynamicKey5Test.CERT;

    /**
     * agora-token 2.0.6 (agora-access-token 2.0.4 and agoraiotools 0.3.4 alike): in node,
     * {@code require("agora-token/src/DynamicKey5").generateDynamicKey(APP_ID, CERT, "频道 é",
     * 4294967295, 0, 4294967295, 0, {65535: "", 2: "b", 1: "用户"}, 65535)}.
     */
    private static final String EXPLICIT = "005//8oADhBOTYwMTNGODdCNjI5OTI4QzVDRTY4OUY0RTAxQjM1RjAxQTRBMUUQAJcMo13mDERkW7roohUGGzP/////AAAAAAAAAAADAAEABgDnlKjmiLcCAAEAYv//AAA=";
    private static final DynamicKey5Content EXPLICIT_CONTENT = new DynamicKey5Content(65535, APP_ID, 0xFFFF_FFFFL, 0,
            "\u9891\u9053 \u00e9", 0xFFFF_FFFFL, 0, Map.of(65535, "", 2, "b", 1, "\u7528\u6237"));
    private static final DynamicKey5Content MEDIA = new DynamicKey5Content(DynamicKey5.MEDIA_CHANNEL_SERVICE, APP_ID,
            1446455472L, 58964981L, DynamicKey5Test.CHANNEL, 2882341273L, 1446455471L, Map.of());

    private final DynamicKey5Signer signer = new DynamicKey5Signer();

    DynamicKey5SignerTest() {
        // The media channel key: its empty extra map is the common case, signed without allocating.
        super(DynamicKey5Signer::new, MEDIA, CERT, DynamicKey5Test.MEDIA_CHANNEL);
    }

    @Test
    void shouldMatchTheOfficialNodeBuilderForExplicitContent() {
        assertEquals(EXPLICIT, signer.sign(EXPLICIT_CONTENT, CERT));
    }

    @Test
    void shouldKeepTheAppIdInLowerCase() {
        assertEquals(APP_ID.toLowerCase(), MEDIA.appId());
    }

    @Test
    void shouldRejectBadContentNamingTheField() {
        DynamicKey5Test.assertField("serviceType", () -> new DynamicKey5Content(65536, APP_ID, 1, 2, "c", 3, 4, Map.of()));
        DynamicKey5Test.assertField("extra key", () -> new DynamicKey5Content(1, APP_ID, 1, 2, "c", 3, 4, Map.of(-1, "x")));
        DynamicKey5Test.assertField("extra[7]", () -> new DynamicKey5Content(1, APP_ID, 1, 2, "c", 3, 4,
                Map.of(7, "x".repeat(65_536))));
        DynamicKey5Test.assertField("expiredTs", () -> new DynamicKey5Content(1, APP_ID, 1, 2, "c", 3, -4, Map.of()));
    }
}
