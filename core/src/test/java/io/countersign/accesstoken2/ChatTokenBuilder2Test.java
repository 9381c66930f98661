package io.countersign.accesstoken2;

import io.countersign.codec.SaltSource;
import org.junit.jupiter.api.Test;

import static io.countersign.accesstoken2.OfficialTokens.APP_ID;
import static io.countersign.accesstoken2.OfficialTokens.CERT;
import static io.countersign.accesstoken2.OfficialTokens.assertRefused;
import static io.countersign.accesstoken2.OfficialTokens.assertSameText;
import static io.countersign.accesstoken2.OfficialTokens.at;

/**
 * {@link ChatTokenBuilder2} against the tokens the official builders wrote for the same arguments, clock
 * and salt: the vectors of vectors/007-build.jsonl named on each test.
 */
class ChatTokenBuilder2Test {
    private static final ChatTokenBuilder2 BUILDER = new ChatTokenBuilder2(at(1700000000), SaltSource.fixed(12345678));

    /** 007-build-0595, from agoraiotools, io.agora:authentication, agora-token, go-tokenbuilder. */
    @Test
    void shouldBuildTheOfficialUserToken() {
        assertSameText("007eJxTYFj9YU5N2aUX878mXK1ZucfhiNjaZy/+T9xq3+Bww32/xWEBBQZLcwNnR2PTlFQzg2QTEzMT06SkxFSLRCNDUwMzwyRjY4aPwakRTAwMfol7GBgZWIGYkQHE52QoSS0uiS8tTi0CAMoWI4Y=",
                BUILDER.buildUserToken(APP_ID, CERT, "test_user", 600));
    }

    /** 007-build-0624, from agoraiotools, io.agora:authentication, agora-token, go-tokenbuilder. */
    @Test
    void shouldBuildTheOfficialUserTokenForAnEmojiUserId() {
        assertSameText("007eJxTYBCtvDP5QPjqpHllDBut1vWu8VVmi4v/pfDbtMHzZOhRydkKDJbmBs6OxqYpqWYGySYmZiamSUmJqRaJRoamBmaGScbGDB+DUyOYGBj8EvcwMDKwAjEjA4jPwfBhfl/nh/mzGgAlTSCL",
                BUILDER.buildUserToken(APP_ID, CERT, "\ud83c\udf89\ud83d\ude80", 600));
    }

    /** 007-build-0647, from agoraiotools, io.agora:authentication, agora-token, go-tokenbuilder. */
    @Test
    void shouldBuildTheOfficialAppToken() {
        assertSameText("007eJxTYCi7vXrS/c/GGa+VXj5kffT52Mlap2M5LYoL/vOoxCb7lrIrMFiaGzg7GpumpJoZJJuYmJmYJiUlplokGhmaGpgZJhkbM3wMTo1gYmDwS9zDwMjACsRMDCA+AwMAAhwdeg==",
                BUILDER.buildAppToken(APP_ID, CERT, 600));
    }

    /** 007-build-0677, from agoraiotools, io.agora:authentication, agora-token, go-tokenbuilder. */
    @Test
    void shouldBuildTheOfficialAppTokenWithTheLongestExpiry() {
        assertSameText("007eJxTYPgxQeX5Ap9dGVofRUr+hd23rzmZzSRtcXXyFD+Rw0kBt3MVGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yNGT4Gp/4HAr/EPQyMDKxAzMQA4jMwAADfPyNr",
                BUILDER.buildAppToken(APP_ID, CERT, 4294967295L));
    }

    /** What the official builders refuse (invalid-argument) is refused here naming the field. */
    @Test
    void shouldRefuseWhatTheOfficialBuildersRefuse() {
        // 007-build-0606: ChatTokenBuilder2.buildUserToken rejects appId '970CA35de60c44645bbae8a215061b3'
        assertRefused("appId", () -> BUILDER.buildUserToken("970CA35de60c44645bbae8a215061b3", CERT, "test_user", 600));
        // 007-build-0668: ChatTokenBuilder2.buildAppToken rejects appCertificate '970CA35de60c44645bbae8a215061bzz'
        assertRefused("appCertificate", () -> BUILDER.buildAppToken(APP_ID, "970CA35de60c44645bbae8a215061bzz", 600));
    }
}
