package io.countersign.accesstoken2;

import io.countersign.codec.SaltSource;
import org.junit.jupiter.api.Test;

import static io.countersign.accesstoken2.OfficialTokens.APP_ID;
import static io.countersign.accesstoken2.OfficialTokens.CERT;
import static io.countersign.accesstoken2.OfficialTokens.CHANNEL;
import static io.countersign.accesstoken2.OfficialTokens.assertRefused;
import static io.countersign.accesstoken2.OfficialTokens.assertSameText;
import static io.countersign.accesstoken2.OfficialTokens.at;

/**
 * {@link RtcTokenBuilder2} against the tokens the official builders wrote for the same arguments, clock
 * and salt: the vectors of vectors/007-build.jsonl named on each test.
 */
class RtcTokenBuilder2Test {
    private static final RtcTokenBuilder2 BUILDER = new RtcTokenBuilder2(at(1700000000), SaltSource.fixed(12345678));

    /** 007-build-0001, from agoraiotools, io.agora:authentication, agora-token, go-tokenbuilder. */
    @Test
    void shouldBuildTheOfficialTokenWithUid() {
        assertSameText("007eJxTYFid/UVfWvLFGXeOteu4qnIXy+t1fv3Qyxu4ynG742MV90sKDJbmBs6OxqYpqWYGySYmZiamSUmJqRaJRoamBmaGScbGDB+DUwX4GBj8EvcwMAIhCxBHMDEwMIFJZjDJAiYVGMxTzI2MzUxTkywtjE0sTI0tzVONU43TLFNMzAySUlISuRiMLCyMjE0MjcyNAQDFJw0=",
                BUILDER.buildTokenWithUid(APP_ID, CERT, CHANNEL, 2882341273L, RtcTokenBuilder2.Role.of(1), 3600, 600));
    }

    /** 007-build-0067, from agoraiotools, io.agora:authentication, agora-token, go-tokenbuilder. */
    @Test
    void shouldBuildTheOfficialTokenWithUserAccount() {
        assertSameText("007eJxTYFid/UVfWvLFGXeOteu4qnIXy+t1fv3Qyxu4ynG742MV90sKDJbmBs6OxqYpqWYGySYmZiamSUmJqRaJRoamBmaGScbGDB+DUwX4GBj8EvcwMAIhCxBHMDEwMIFJZjDJAiYVGMxTzI2MzUxTkywtjE0sTI0tzVONU43TLFNMzAySUlISuRiMLCyMjE0MjcyNAQDFJw0=",
                BUILDER.buildTokenWithUserAccount(APP_ID, CERT, CHANNEL, "2882341273", RtcTokenBuilder2.Role.of(1), 3600, 600));
    }

    /** 007-build-0139, from io.agora:authentication, agora-token, go-tokenbuilder. */
    @Test
    void shouldBuildTheOfficialTokenWithUidAndPrivilege() {
        assertSameText("007eJxTYFBljvp/ZvnVD2Uz+/Nn7Jz0SHfqkeC7vLuu6s5bueK7UZeZAoOluYGzo7FpSqqZQbKJiZmJaVJSYqpFopGhqYGZYZKxMcPH4FQBPgYGv8Q9DIxAyALEEUwMDEwMXxgZGJgZJgBJFgYdIKnAYJ5ibmRsZpqaZGlhbGJhamxpnmqcapxmmWJiZpCUkpLIxWBkYWFkbGJoZG4MALl6Kow=",
                BUILDER.buildTokenWithUidAndPrivilege(APP_ID, CERT, CHANNEL, 2882341273L, 3600, 600, 500, 400, 300));
    }

    /** 007-build-0215, from agoraiotools, io.agora:authentication, agora-token, go-tokenbuilder. */
    @Test
    void shouldBuildTheOfficialTokenWithUserAccountAndPrivilege() {
        assertSameText("007eJxTYFBljvp/ZvnVD2Uz+/Nn7Jz0SHfqkeC7vLuu6s5bueK7UZeZAoOluYGzo7FpSqqZQbKJiZmJaVJSYqpFopGhqYGZYZKxMcPH4FQBPgYGv8Q9DIxAyALEEUwMDEwMXxgZGJgZJgBJFgYdIKnAYJ5ibmRsZpqaZGlhbGJhamxpnmqcapxmmWJiZpCUkpLIxWBkYWFkbGJoZG4MALl6Kow=",
                BUILDER.buildTokenWithUserAccountAndPrivilege(APP_ID, CERT, CHANNEL, "2882341273", 3600, 600, 500, 400, 300));
    }

    /** 007-build-0298, from agoraiotools, io.agora:authentication, agora-token, go-tokenbuilder. */
    @Test
    void shouldBuildTheOfficialTokenWithRtm() {
        assertSameText("007eJxTYDhS8ftn2iHF0i9RW5a6n/nyY2bwsrNin12yHjZZVlS4Vh5RYLA0N3B2NDZNSTUzSDYxMTMxTUpKTLVINDI0NTAzTDI2ZvgYnCrAx8Dgl7iHgYmBkYEFiCOYGIBsEMkMJlnApAKDeYq5kbGZaWqSpYWxiYWpsaV5qnGqcZpliomZQVJKSiIXg5GFhZGxiaGRuTHILEYGkMnIogDPxSzy",
                BUILDER.buildTokenWithRtm(APP_ID, CERT, CHANNEL, "2882341273", RtcTokenBuilder2.Role.of(1), 3600, 600));
    }

    /** 007-build-0370, from agoraiotools, io.agora:authentication, agora-token, go-tokenbuilder. */
    @Test
    void shouldBuildTheOfficialTokenWithRtm2() {
        assertSameText("007eJxTYPC4snen6NctN7k99GpmGN791dO+QejOu+2l7g6zanOOxeooMFiaGzg7GpumpJoZJJuYmJmYJiUlplokGhmaGpgZJhkbM3wMThXgY2DwS9zDwMTAyMACxBFMDED2F0YGBmaGCUCShUEHSCowmKeYGxmbmaYmWVoYm1iYGluapxqnGqdZppiYGSSlpCRyMBSVJMeXFqcWgUxiZOBgZ2AAieWCxQBbxC5+",
                BUILDER.buildTokenWithRtm2(APP_ID, CERT, CHANNEL, "rtc_user", RtcTokenBuilder2.Role.of(1), 3600, 600, 500, 400, 300, "rtm_user", 1800));
    }

    /** What the official builders refuse (invalid-argument) is refused here naming the field. */
    @Test
    void shouldRefuseWhatTheOfficialBuildersRefuse() {
        // 007-build-0012: RtcTokenBuilder2.buildTokenWithUid rejects appId '970CA35de60c44645bbae8a215061b3'
        assertRefused("appId", () -> BUILDER.buildTokenWithUid("970CA35de60c44645bbae8a215061b3", CERT, CHANNEL, 2882341273L, RtcTokenBuilder2.Role.of(1), 3600, 600));
        // 007-build-0088: RtcTokenBuilder2.buildTokenWithUserAccount rejects appCertificate '970CA35de60c44645bbae8a215061bzz'
        assertRefused("appCertificate", () -> BUILDER.buildTokenWithUserAccount(APP_ID, "970CA35de60c44645bbae8a215061bzz", CHANNEL, "2882341273", RtcTokenBuilder2.Role.of(1), 3600, 600));
    }
}
