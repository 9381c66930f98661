package io.countersign.accesstoken2;

import io.countersign.codec.SaltSource;
import org.junit.jupiter.api.Test;

import static io.countersign.accesstoken2.OfficialTokens.APP_ID;
import static io.countersign.accesstoken2.OfficialTokens.CERT;
import static io.countersign.accesstoken2.OfficialTokens.assertRefused;
import static io.countersign.accesstoken2.OfficialTokens.assertSameText;
import static io.countersign.accesstoken2.OfficialTokens.at;

/**
 * {@link ApaasTokenBuilder} against the tokens the official builders wrote for the same arguments, clock
 * and salt: the vectors of vectors/007-build.jsonl named on each test.
 */
class ApaasTokenBuilderTest {
    /** The builder under test, at the clock and salt of the vectors (1700000000, 12345678). */
    ApaasTokenBuilder builder() {
        return new ApaasTokenBuilder(at(1700000000), SaltSource.fixed(12345678));
    }

    /** 007-build-0880, from agoraiotools. */
    @Test
    void shouldBuildTheOfficialRoomUserToken() {
        assertSameText("007eJxTYLjGPzVcIVbt49qK/bP7zhw8qKwuxPNyN0sNS+2/zrZUiWIFBktzA2dHY9OUVDODZBMTMxPTpKTEVItEI0NTAzPDJGNjho/BqRFMDAx+iXsYmBmYGBiBEMRnYygtTi3SNWSFiygwpJilmJsbmBpbGiUlmyemmRkbGxtZJKUmWiSbJJtZGpiwI+kuys/P1TWEmcLEAADnGir+",
                builder().buildRoomUserToken(APP_ID, CERT, "room-1", "user-1", (short) 2, 600));
    }

    /** 007-build-0932, from agoraiotools. */
    @Test
    void shouldPackRoleZeroAsGiven() {
        assertSameText("007eJxTYDB8tvWg2oKlL4WuCxs5cq8+llq6Z2F31tUjGV2h86xeTjmtwGBpbuDsaGyakmpmkGxiYmZimpSUmGqRaGRoamBmmGRszPAxODWCiYHBL3EPAzMDEwMjEIL4bAylxalFuoascBEFhhSzFHNzA1NjS6OkZPPENDNjY2Mji6TURItkk2QzSwMTdiTdRfn5ubqGMFMYGAAoCC0q",
                builder().buildRoomUserToken(APP_ID, CERT, "room-1", "user-1", (short) 0, 600));
    }

    /** 007-build-0951, from agoraiotools, io.agora:authentication, agora-token. */
    @Test
    void shouldBuildTheOfficialUserToken() {
        assertSameText("007eJxTYNi26tmyht0/Zl3zzHSuFktY2pxSfZuj+XxxttmSa698EuwUGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yNGT4Gp0YwMTD4Je5hYGRgB2ImBhCfgYGNobQ4tUjX8P9/ACDQIYc=",
                builder().buildUserToken(APP_ID, CERT, "user-1", 600));
    }

    /** 007-build-1002, from agoraiotools, io.agora:authentication, agora-token. */
    @Test
    void shouldBuildTheOfficialAppToken() {
        assertSameText("007eJxTYJCdMelwwnONMxfduDM5YmTYirXniR9cwetVXmO4vJ07e4cCg6W5gbOjsWlKqplBsomJmYlpUlJiqkWikaGpgZlhkrExw8fg1AgmBga/xD0MjAzsQMzMAOKDwP//AAbyGzs=",
                builder().buildAppToken(APP_ID, CERT, 600));
    }

    /** What the official builders refuse (invalid-argument) is refused here naming the field. */
    @Test
    void shouldRefuseWhatTheOfficialBuildersRefuse() {
        // 007-build-0964: ApaasTokenBuilder.buildUserToken rejects appId '970CA35de60c44645bbae8a215061bzz'
        assertRefused("appId", () -> builder().buildUserToken("970CA35de60c44645bbae8a215061bzz", CERT, "user-1", 600));
        // 007-build-1021: ApaasTokenBuilder.buildAppToken rejects appCertificate '970CA35de60c44645bbae8a215061b3'
        assertRefused("appCertificate", () -> builder().buildAppToken(APP_ID, "970CA35de60c44645bbae8a215061b3", 600));
    }

    /** A room-user token needs a role and a user: null is refused naming the field, never packed. */
    @Test
    void shouldRefuseANullRoleOrUser() {
        assertRefused("role", () -> builder().buildRoomUserToken(APP_ID, CERT, "room-1", "user-1", null, 600));
        assertRefused("userUuid", () -> builder().buildRoomUserToken(APP_ID, CERT, "room-1", null, (short) 1, 600));
    }
}
