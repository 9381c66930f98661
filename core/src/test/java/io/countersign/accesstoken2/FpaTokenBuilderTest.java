package io.countersign.accesstoken2;

import io.countersign.codec.SaltSource;
import org.junit.jupiter.api.Test;

import static io.countersign.accesstoken2.OfficialTokens.APP_ID;
import static io.countersign.accesstoken2.OfficialTokens.CERT;
import static io.countersign.accesstoken2.OfficialTokens.assertRefused;
import static io.countersign.accesstoken2.OfficialTokens.assertSameText;
import static io.countersign.accesstoken2.OfficialTokens.at;

/**
 * {@link FpaTokenBuilder} against the tokens the official builders wrote for the same arguments, clock
 * and salt: the vectors of vectors/007-build.jsonl named on each test.
 */
class FpaTokenBuilderTest {
    private static final FpaTokenBuilder BUILDER = new FpaTokenBuilder(at(1700000000), SaltSource.fixed(12345678));

    /** 007-build-0686, from agoraiotools, io.agora:authentication, agora-token. */
    @Test
    void shouldBuildTheOfficialTokenValidOneDay() {
        assertSameText("007eJxTYDisW39Ha49BZdYmt6mTwjk+BauUGmec50mxvd7rG13zMVyBwdLcwNnR2DQl1cwg2cTEzMQ0KSkx1SLRyNDUwMwwydiY4WNwakMgI4Nf4h4GRgYWIGZkAAEA51sa9A==",
                BUILDER.buildToken(APP_ID, CERT));
    }

    /** 007-build-0693, from agoraiotools, io.agora:authentication, agora-token. */
    @Test
    void shouldBuildTheOfficialTokenAtTheEpoch() {
        assertSameText("007eJxTYOh73/Ul+r3oYjmpw0z1/zgW7NwhzGFsPN/zXMo91cAioxQFBktzA2dHY9OUVDODZBMTMxPTpKTEVItEI0NTAzPDJGNjBiBoCGRk8Evcw8DIwALEjCAhBgDWhhlL",
                new FpaTokenBuilder(at(0), SaltSource.fixed(12345678)).buildToken(APP_ID, CERT));
    }

    /** What the official builders refuse (invalid-argument) is refused here naming the field. */
    @Test
    void shouldRefuseWhatTheOfficialBuildersRefuse() {
        // 007-build-0698: FpaTokenBuilder.buildToken rejects appId '970CA35de60c44645bbae8a215061b33a'
        assertRefused("appId", () -> BUILDER.buildToken("970CA35de60c44645bbae8a215061b33a", CERT));
        // 007-build-0709: FpaTokenBuilder.buildToken rejects appCertificate '970ca35de60c44645bbae8a215061b3é'
        assertRefused("appCertificate", () -> BUILDER.buildToken(APP_ID, "970ca35de60c44645bbae8a215061b3\u00e9"));
    }
}
