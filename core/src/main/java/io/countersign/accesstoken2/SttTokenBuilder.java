package io.countersign.accesstoken2;

import io.countersign.codec.SaltSource;

import java.time.Clock;

/**
 * speech-to-text agent tokens (007), named as the official SttTokenBuilder: the services of
 * {@link RtcTokenBuilder2#buildTokenWithRtm2} plus a speech-to-text service with no privileges. Thread-safe.
 */
public class SttTokenBuilder {
    private final Issuer issuer;

    public SttTokenBuilder() {
        this.issuer = Issuer.SYSTEM;
    }

    public SttTokenBuilder(Clock clock, SaltSource salts) {
        this.issuer = new Issuer(clock, salts);
    }

    public String buildToken(String appId, String appCertificate, String channelName, String rtcAccount,
                             RtcTokenBuilder2.Role rtcRole, long rtcTokenExpire, long joinChannelPrivilegeExpire,
                             long pubAudioPrivilegeExpire, long pubVideoPrivilegeExpire,
                             long pubDataStreamPrivilegeExpire, String rtmUserId, long rtmTokenExpire) {
        return issuer.issue(appId, appCertificate, rtcTokenExpire,
                RtcTokenBuilder2.withRtm(rtcAccount, channelName, rtcRole, joinChannelPrivilegeExpire,
                        pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire, rtmUserId,
                        rtmTokenExpire, new Service.Stt(Privileges.NONE)));
    }
}
