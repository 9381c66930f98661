package io.countersign.accesstoken2;

import io.countersign.codec.Privileges;
import io.countersign.codec.SaltSource;

import java.time.Clock;

/** Chat tokens (007), named as the official {@code io.agora.chat.ChatTokenBuilder2}. Thread-safe. */
public class ChatTokenBuilder2 {
    private final Issuer issuer;

    public ChatTokenBuilder2() {
        this.issuer = Issuer.SYSTEM;
    }

    public ChatTokenBuilder2(Clock clock, SaltSource salts) {
        this.issuer = new Issuer(clock, salts);
    }

    /** A chat user token for {@code userId}, valid {@code expire} seconds. */
    public String buildUserToken(String appId, String appCertificate, String userId, long expire) {
        return issuer.issue(appId, appCertificate, expire, new Service.Chat(userId, Privileges.of(Service.Chat.USER, expire)));
    }

    /** A chat app token (empty user id), valid {@code expire} seconds. */
    public String buildAppToken(String appId, String appCertificate, long expire) {
        return issuer.issue(appId, appCertificate, expire, new Service.Chat("", Privileges.of(Service.Chat.APP, expire)));
    }
}
