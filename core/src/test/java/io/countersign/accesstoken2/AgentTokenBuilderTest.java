package io.countersign.accesstoken2;

import org.junit.jupiter.api.Test;

import static io.countersign.accesstoken2.OfficialTokens.APP_ID;
import static io.countersign.accesstoken2.OfficialTokens.CERT;
import static io.countersign.accesstoken2.OfficialTokens.CHANNEL;
import static io.countersign.accesstoken2.OfficialTokens.assertRefused;
import static io.countersign.accesstoken2.OfficialTokens.assertSamePayload;

/**
 * The tests of the agent builders ({@link ConvoAITokenBuilder}, {@link SttTokenBuilder}), which
 * share {@link AgentTokenBuilder#buildToken}: each subclass gives its builder, at the vectors'
 * clock 1700000000 and salt 12345678, and the tokens the official builders wrote for the
 * vectors' arguments (only agora-token and go-tokenbuilder have these builders, so the payloads
 * are compared). Refused: an App ID or certificate that is not 32 hex digits, as the vectors ask.
 */
abstract class AgentTokenBuilderTest {
    private final AgentTokenBuilder builder;
    private final String officialPublisher;
    private final String officialSubscriber;

    AgentTokenBuilderTest(AgentTokenBuilder builder, String officialPublisher, String officialSubscriber) {
        this.builder = builder;
        this.officialPublisher = officialPublisher;
        this.officialSubscriber = officialSubscriber;
    }

    @Test
    void shouldBuildTheOfficialPublisherToken() {
        assertSamePayload(officialPublisher, build(APP_ID, CERT, RtcTokenBuilder2.Role.ROLE_PUBLISHER));
    }

    @Test
    void shouldBuildTheOfficialSubscriberToken() {
        assertSamePayload(officialSubscriber, build(APP_ID, CERT, RtcTokenBuilder2.Role.ROLE_SUBSCRIBER));
    }

    @Test
    void shouldRefuseAnAppIdOrCertificateThatIsNot32HexDigits() {
        assertRefused("appId", () -> build("970CA35de60c44645bbae8a215061b3", CERT, RtcTokenBuilder2.Role.ROLE_PUBLISHER));
        assertRefused("appCertificate", () -> build(APP_ID, "970CA35de60c44645bbae8a215061bzz",
                RtcTokenBuilder2.Role.ROLE_PUBLISHER));
    }

    /** The vectors' arguments: RTC account "rtc_user" for 3600 s, privileges 600/500/400/300 s, RTM "rtm_user" for 1800 s. */
    private String build(String appId, String appCertificate, RtcTokenBuilder2.Role role) {
        return builder.buildToken(appId, appCertificate, CHANNEL, "rtc_user", role, 3600, 600, 500, 400, 300, "rtm_user", 1800);
    }
}
