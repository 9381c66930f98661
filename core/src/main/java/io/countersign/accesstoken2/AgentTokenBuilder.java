package io.countersign.accesstoken2;

import io.countersign.codec.SaltSource;

import java.time.Clock;

/**
 * What the ConvoAI and STT builders share: the services of
 * {@link RtcTokenBuilder2#buildTokenWithRtm2} plus one agent service with no privileges.
 */
abstract class AgentTokenBuilder {
    private final Issuer issuer;
    private final Service agent;

    AgentTokenBuilder(Issuer issuer, Service agent) {
        this.issuer = issuer;
        this.agent = agent;
    }

    AgentTokenBuilder(Clock clock, SaltSource salts, Service agent) {
        this(new Issuer(clock, salts), agent);
    }

    public String buildToken(String appId, String appCertificate, String channelName, String rtcAccount,
                             RtcTokenBuilder2.Role rtcRole, long rtcTokenExpire, long joinChannelPrivilegeExpire,
                             long pubAudioPrivilegeExpire, long pubVideoPrivilegeExpire,
                             long pubDataStreamPrivilegeExpire, String rtmUserId, long rtmTokenExpire) {
        return issuer.issue(appId, appCertificate, rtcTokenExpire,
                RtcTokenBuilder2.withRtm(rtcAccount, channelName, rtcRole, joinChannelPrivilegeExpire,
                        pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire, rtmUserId,
                        rtmTokenExpire, agent));
    }
}
