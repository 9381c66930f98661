package io.countersign.accesstoken2;

import io.countersign.codec.Privileges;
import io.countersign.codec.SaltSource;

import java.time.Clock;

/**
 * Conversational AI agent tokens (007), named as the official ConvoAITokenBuilder: RTC by role, RTM login,
 * and a Conversational AI service with no privileges, as {@link AgentTokenBuilder#buildToken} packs them. Thread-safe.
 */
public class ConvoAITokenBuilder extends AgentTokenBuilder {
    public ConvoAITokenBuilder() {
        super(Issuer.SYSTEM, new Service.ConvoAi(Privileges.NONE));
    }

    public ConvoAITokenBuilder(Clock clock, SaltSource salts) {
        super(clock, salts, new Service.ConvoAi(Privileges.NONE));
    }
}
