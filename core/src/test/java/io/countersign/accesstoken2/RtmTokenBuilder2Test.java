package io.countersign.accesstoken2;

import io.countersign.codec.Privileges;
import io.countersign.codec.SaltSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.countersign.accesstoken2.OfficialTokens.APP_ID;
import static io.countersign.accesstoken2.OfficialTokens.CERT;
import static io.countersign.accesstoken2.OfficialTokens.assertRefused;
import static io.countersign.accesstoken2.OfficialTokens.assertSamePayload;
import static io.countersign.accesstoken2.OfficialTokens.assertSameText;
import static io.countersign.accesstoken2.OfficialTokens.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RtmTokenBuilder2} against the tokens the official builders wrote for the same arguments, clock
 * and salt: the vectors of vectors/007-build.jsonl named on each test.
 */
class RtmTokenBuilder2Test {
    private static final RtmTokenBuilder2 BUILDER = new RtmTokenBuilder2(at(1700000000), SaltSource.fixed(12345678));

    /** 007-build-0475, from agoraiotools, io.agora:authentication, agora-token, go-tokenbuilder. */
    @Test
    void shouldBuildTheOfficialLoginToken() {
        assertSameText("007eJxTYPBr6rrwb67jn1f/nZ22Tor/YKGVzZ1t9qbhzHw2wdkluboKDJbmBs6OxqYpqWYGySYmZiamSUmJqRaJRoamBmaGScbGDB+DUyOYGBj8EvcwMDIwATEjA4jPyVCSWlwSX1qcWgQAutIgSg==",
                BUILDER.buildToken(APP_ID, CERT, "test_user", 600));
    }

    /** 007-build-0505, from agoraiotools, io.agora:authentication, agora-token, go-tokenbuilder. */
    @Test
    void shouldBuildTheOfficialLoginTokenForAUnicodeUserId() {
        assertSameText("007eJxTYHhsubWq590TvV08D5W3rj7jvN1e4ori6geqD26772EqvWShwGBpbuDsaGyakmpmkGxiYmZimpSUmGqRaGRoamBmmGRszPAxODWCiYHBL3EPAyMDExAzMoD4AgzPOva/nL5Ftyg/P1f3w/yZTQAGLCaB",
                BUILDER.buildToken(APP_ID, CERT, "\u623f\u95f4-room-\ud83d\ude42", 600));
    }

    /** 007-build-0483, from agoraiotools, io.agora:authentication, agora-token, go-tokenbuilder. */
    @Test
    void shouldBuildTheOfficialLoginTokenAtTheLastU32Second() {
        assertSameText("007eJxTYFB4YNLeeJwzavGz1/YtKx++8U7e+e6op80jt7XzLV/xazoqMFiaGzg7GpumpJoZJJuYmJmYJiUlplokGhmaGpgZJhkb/weCCCYGBr/EPQyMDExAzMgA4nMylKQWl8SXFqcWAQAuDCNJ",
                new RtmTokenBuilder2(at(4294967295L), SaltSource.fixed(12345678)).buildToken(APP_ID, CERT, "test_user", 600));
    }

    /** 007-build-0527, from agora-token, go-tokenbuilder. */
    @Test
    void shouldBuildTheOfficialTokenWithPermissions() {
        assertSamePayload("007eJxTYPjM/nDyTuk4m4OpN+bVVrwzSD6z1Lx4+T5NI6kpJU0TD05QYLA0N3B2NDZNSTUzSDYxMTMxTUpKTLVINDI0NTAzTDI2ZvgYnBrBxMDgl7iHgZGBg4GRgZEBxOdkKEktLokvLU4tYmJgAAszMXAyJGck5uWl5ugmIphJTAyMUBVaAMZHJ58=",
                BUILDER.buildTokenWithPermissions(APP_ID, CERT, "test_user", List.of(
                        new Service.Rtm2Resource(0, List.of(Service.Rtm2Permission.ofStrings(1, List.of("channel-a", "channel-b")))),
                        new Service.Rtm2Resource(2, List.of(Service.Rtm2Permission.ofStrings(0, List.of("*"))))), 600));
    }

    /** 007-build-0576, from agora-token, go-tokenbuilder. */
    @Test
    void shouldPackPermissionsInTheOfficialOrder() {
        assertSamePayload("007eJxTYBB48n3CtK3O5uwfWyyudD/7UxPbo1gq9WX/+fw/C3Y/erROgcHS3MDZ0dg0JdXMINnExMzENCkpMdUi0cjQ1MDMMMnYmOFjcGoEEwODX+IeBkYGDgZGBkYGEJ+ToSS1uCS+tDi1iImBgYGRgQkslcgCpkCwCgDYACQo",
                BUILDER.buildTokenWithPermissions(APP_ID, CERT, "test_user", List.of(
                        new Service.Rtm2Resource(4, List.of(Service.Rtm2Permission.ofStrings(1, List.of("z")))),
                        new Service.Rtm2Resource(0, List.of(Service.Rtm2Permission.ofStrings(2, List.of("a"))))), 600));
    }

    /**
     * No official package builds the stream-channel token (only the community token service does),
     * so this checks what it documents: RTC join and publish-data-stream in the channel, and RTM
     * login, for the user, each for the lifetime; signed with the certificate.
     */
    @Test
    void shouldBuildAStreamChannelTokenOfRtcJoinAndDataStreamPlusRtmLogin() {
        String token = BUILDER.buildTokenWithStreamChannel(APP_ID, CERT, "alice", "*", 600);

        DecodedAccessToken2 decoded = AccessToken2Codec.decode(token);
        assertEquals(List.of(
                new Service.Rtc("*", "alice", Privileges.builder()
                        .put(Service.Rtc.JOIN_CHANNEL, 600).put(Service.Rtc.PUBLISH_DATA_STREAM, 600).build()),
                new Service.Rtm("alice", Privileges.of(Service.Rtm.LOGIN, 600))), decoded.token().services());
        assertEquals(1700000000L, decoded.token().issueTs());
        assertEquals(600, decoded.token().expire());
        assertTrue(decoded.verify(CERT));
        assertRefused("userId", () -> BUILDER.buildTokenWithStreamChannel(APP_ID, CERT, null, "*", 600));
    }

    /** What the official builders refuse (invalid-argument) is refused here naming the field. */
    @Test
    void shouldRefuseWhatTheOfficialBuildersRefuse() {
        // 007-build-0488: RtmTokenBuilder2.buildToken rejects appId '970CA35de60c44645bbae8a215061bzz'
        assertRefused("appId", () -> BUILDER.buildToken("970CA35de60c44645bbae8a215061bzz", CERT, "test_user", 600));
        // 007-build-0495: RtmTokenBuilder2.buildToken rejects appCertificate '970CA35de60c44645bbae8a215061b33a'
        assertRefused("appCertificate", () -> BUILDER.buildToken(APP_ID, "970CA35de60c44645bbae8a215061b33a", "test_user", 600));
        // 007-build-1247: RtmTokenBuilder2.buildToken with a 65536-byte userId: one past the u16 length prefix
        assertRefused("userId", () -> BUILDER.buildToken(APP_ID, CERT, "Agora".repeat(13107) + "A", 600));
    }

    @Test
    void aPermissionWithoutResourcesIsRefusedByName() {
        assertRefused("resources", () -> Service.Rtm2Permission.ofStrings(Service.Rtm2Permission.READ, null));
    }
}
