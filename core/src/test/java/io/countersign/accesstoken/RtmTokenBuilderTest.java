package io.countersign.accesstoken;

import io.countersign.codec.SaltSource;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RtmTokenBuilderTest {
    private static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    private static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";

    /**
     * agora-token 2.0.6 {@code RtmTokenBuilder.buildToken(APP_ID, CERT, "test_user", 1, 1446455471)}
     * from {@code agora-token/src/RtmTokenBuilder}, in {@code node -e} with {@code Date} fixed at
     * 1700000000000 ms and {@code Math.random()} returning (12345678 + 0.5) / 0xffffffff before
     * the module loads (agora-access-token 2.0.4 and agoraiotools 0.3.4 give the same token).
     */
    private static final String OFFICIAL = "006970CA35de60c44645bbae8a215061b33IABkQLwcOSilpELl1XxUVRUiLQLGxu7l4lsc0ijiqW+te4b86ogAAAAAEABOYbwAgEJVZQEA6AOvKDdW";

    private final RtmTokenBuilder builder = new RtmTokenBuilder(
            Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC), SaltSource.fixed(12345678));

    @Test
    void shouldMatchTheOfficialNodeBuilder() {
        assertEquals(OFFICIAL, builder.buildToken(APP_ID, CERT, "test_user", RtmTokenBuilder.Role.Rtm_User, 1446455471L));
    }

    @Test
    void shouldIgnoreTheRole() {
        assertEquals(OFFICIAL, builder.buildToken(APP_ID, CERT, "test_user", null, 1446455471L));
    }

    @Test
    void shouldBindTheAccountAsChannelNameWithAnEmptyUid() {
        DecodedAccessToken d = AccessTokenCodec.decode(OFFICIAL);
        assertEquals(Map.of(AccessToken.RTM_LOGIN, 1446455471L), d.privileges().toMap());
        assertTrue(d.verify(CERT, "test_user", ""));
        assertFalse(d.verify(CERT, "", "test_user"));
    }

    @Test
    void shouldRejectBadInputsNamingTheField() {
        RtmTokenBuilder.Role user = RtmTokenBuilder.Role.Rtm_User;
        RtcTokenBuilderTest.assertField("account", () -> builder.buildToken(APP_ID, CERT, null, user, 1));
        RtcTokenBuilderTest.assertField("privilege 1000", () -> builder.buildToken(APP_ID, CERT, "a", user, -1));
        RtcTokenBuilderTest.assertField("appCertificate", () -> builder.buildToken(APP_ID, "x", "a", user, 1));
    }
}
