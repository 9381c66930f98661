package io.countersign.accesstoken2;

import io.countersign.codec.Privileges;
import io.countersign.codec.SaltSource;

import java.time.Clock;

/** Chat tokens (007), named as the official {@code io.agora.chat.ChatTokenBuilder2}. Thread-safe. */
public class ChatTokenBuilder2 {
    private final Issuer issuer;

    /** A builder that issues tokens at the system clock's time, with a secure random salt. */
    public ChatTokenBuilder2() {
        this.issuer = Issuer.SYSTEM;
    }

    /**
     * A builder that issues tokens at {@code clock}'s time with salts from {@code salts}: for tests and reproducible tokens.
     *
     * @param clock the clock whose current second becomes each token's issueTs
     * @param salts where each token's salt comes from, e.g. {@link SaltSource#fixed(long)}
     * @throws io.countersign.codec.InvalidArgumentException if either is null
     */
    public ChatTokenBuilder2(Clock clock, SaltSource salts) {
        this.issuer = new Issuer(clock, salts);
    }

    /**
     * A chat user token for {@code userId}.
     *
     * @param appId the App ID, 32 hexadecimal characters
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param userId the chat user, at most 65535 UTF-8 bytes
     * @param expire seconds from now until the token and its privileges expire, a u32
     * @return the token, {@code "007"} and base64
     * @throws io.countersign.codec.InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public String buildUserToken(String appId, String appCertificate, String userId, long expire) {
        return issuer.issue(appId, appCertificate, expire, new Service.Chat(userId, Privileges.of(Service.Chat.USER, expire)));
    }

    /**
     * A chat app token (empty user id).
     *
     * @param appId the App ID, 32 hexadecimal characters
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param expire seconds from now until the token and its privileges expire, a u32
     * @return the token, {@code "007"} and base64
     * @throws io.countersign.codec.InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public String buildAppToken(String appId, String appCertificate, long expire) {
        return issuer.issue(appId, appCertificate, expire, new Service.Chat("", Privileges.of(Service.Chat.APP, expire)));
    }
}
