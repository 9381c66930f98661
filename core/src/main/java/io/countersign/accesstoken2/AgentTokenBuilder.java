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

    /**
     * A token for an agent: the RTC and RTM services of {@link RtcTokenBuilder2#buildTokenWithRtm2}, then
     * this builder's agent service (no privileges).
     *
     * @param appId the App ID, 32 hexadecimal characters
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param channelName the channel, at most 65535 UTF-8 bytes
     * @param rtcAccount the agent's RTC account (a decimal uid or a user account)
     * @param rtcRole publisher (all four privileges) or subscriber (join only)
     * @param rtcTokenExpire seconds from now until the token expires, a u32
     * @param joinChannelPrivilegeExpire seconds from now until joining expires, a u32
     * @param pubAudioPrivilegeExpire seconds from now until publishing audio expires (publisher only), a u32
     * @param pubVideoPrivilegeExpire seconds from now until publishing video expires (publisher only), a u32
     * @param pubDataStreamPrivilegeExpire seconds from now until publishing data expires (publisher only), a u32
     * @param rtmUserId the agent's RTM user, at most 65535 UTF-8 bytes
     * @param rtmTokenExpire seconds from now until the RTM login expires, a u32
     * @return the token, {@code "007"} and base64
     * @throws io.countersign.codec.InvalidArgumentException if an argument breaks its rule; the exception names it
     */
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
