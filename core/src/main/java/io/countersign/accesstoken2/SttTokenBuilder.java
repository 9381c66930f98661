package io.countersign.accesstoken2;

import io.countersign.codec.Privileges;
import io.countersign.codec.SaltSource;

import java.time.Clock;

/**
 * Speech-to-text agent tokens (007), named as the official SttTokenBuilder: RTC by role, RTM login,
 * and a Speech-to-text service with no privileges, as {@link AgentTokenBuilder#buildToken} packs them. Thread-safe.
 */
public class SttTokenBuilder extends AgentTokenBuilder {
    public SttTokenBuilder() {
        super(Issuer.SYSTEM, new Service.Stt(Privileges.NONE));
    }

    public SttTokenBuilder(Clock clock, SaltSource salts) {
        super(clock, salts, new Service.Stt(Privileges.NONE));
    }
}
