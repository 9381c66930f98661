package io.countersign.accesstoken;

import io.countersign.codec.Privileges;
import io.countersign.codec.SignerContract;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessTokenSignerTest extends SignerContract<AccessToken> {
    private static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    private static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";

    /**
     * Produced by agora-token 2.0.6 (and identically by agora-access-token 2.0.4 and by
     * agoraiotools 0.3.4): in node, {@code const {AccessToken} = require("agora-token/src/AccessToken");
     * const t = new AccessToken("970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b",
     * "频道 é", "用户"); t.salt = 4294967295; t.ts = 0; t.addPriviledge(65535, 7);
     * t.addPriviledge(1000, 4294967295); t.addPriviledge(1, 0); t.build()}.
     */
    private static final String EXPLICIT = "006970CA35de60c44645bbae8a215061b33IACHExSKxeS4rNWrRdd1VkFk/qVVtevGrpUGs2KuL16F8GT647TdouodHAD/////AAAAAAMAAQAAAAAA6AP///////8HAAAA";
    private static final AccessToken EXPLICIT_CONTENT = new AccessToken(APP_ID, "\u9891\u9053 \u00e9", "\u7528\u6237",
            0xFFFF_FFFFL, 0, Privileges.of(Map.of(65535, 7L, 1000, 0xFFFF_FFFFL, 1, 0L)));

    private final AccessTokenSigner signer = new AccessTokenSigner();

    AccessTokenSignerTest() {
        super(AccessTokenSigner::new, EXPLICIT_CONTENT, CERT, EXPLICIT);
    }

    @Test
    void shouldGrowForLongChannelNamesAndManyPrivileges() {
        Privileges.Builder many = Privileges.builder();
        for (int id = 0; id < AccessToken.MAX_PRIVILEGES; id++) {
            many.put(id, id);
        }
        AccessToken big = new AccessToken(APP_ID, "c".repeat(70_000), "u".repeat(300), 1, 2, many.build());
        DecodedAccessToken decoded = AccessTokenCodec.decode(signer.sign(big, CERT));
        assertEquals(big.privileges(), decoded.privileges());
        assertTrue(decoded.verify(CERT, big.channelName(), big.uid()));
    }

    @Test
    void shouldRejectMorePrivilegesThanTheMessageLengthCanHold() {
        Privileges.Builder many = Privileges.builder();
        for (int id = 0; id <= AccessToken.MAX_PRIVILEGES; id++) {
            many.put(id, id);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AccessToken(APP_ID, "room", "", 1, 2, many.build()));
        assertTrue(e.getMessage().startsWith("privileges:"), e.getMessage());
    }

    @Test
    void shouldRejectBadContentNamingTheField() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new AccessToken("970CA35de60c44645bbae8a215061b3", "room", "", 1, 2, Privileges.NONE))
                .getMessage().startsWith("appId:"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new AccessToken(APP_ID, "room", "", -1, 2, Privileges.NONE)).getMessage().startsWith("salt:"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new AccessToken(APP_ID, "room", "", 1, 1L << 32, Privileges.NONE)).getMessage().startsWith("ts:"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new AccessToken(APP_ID, "\uD800", "", 1, 2, Privileges.NONE)).getMessage().startsWith("channelName:"));
    }
}
