package io.countersign.accesstoken2;

import io.countersign.internal.Checks;
import io.countersign.codec.Privileges;
import io.countersign.codec.SaltSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;

/**
 * Flexible Classroom (APaaS) tokens (007), named as the official
 * {@code io.agora.apaas.ApaasTokenBuilder}. Follows the official Java and Python builders:
 * the room-user token grants the APaaS room-user privilege and keeps role as given (the Node
 * package 2.0.6 grants none and turns role 0 into -1; see vectors/DIVERGENCES.md). Thread-safe.
 */
public class ApaasTokenBuilder {
    /** The role packed when a token names none. */
    public static final short NO_ROLE = -1;

    private final Issuer issuer;

    /** A builder that issues tokens at the system clock's time, with a secure random salt. */
    public ApaasTokenBuilder() {
        this.issuer = Issuer.SYSTEM;
    }

    /**
     * A builder that issues tokens at {@code clock}'s time with salts from {@code salts}: for tests and reproducible tokens.
     *
     * @param clock the clock whose current second becomes each token's issueTs
     * @param salts where each token's salt comes from, e.g. {@link SaltSource#fixed(long)}
     * @throws io.countersign.codec.InvalidArgumentException if either is null
     */
    public ApaasTokenBuilder(Clock clock, SaltSource salts) {
        this.issuer = new Issuer(clock, salts);
    }

    /**
     * A token for {@code userUuid} in {@code roomUuid}: APaaS room user, RTM login as
     * {@code userUuid}, and Chat as the hex MD5 of {@code userUuid}, each valid {@code expire} seconds.
     *
     * @param appId the App ID, 32 hexadecimal characters
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param roomUuid the room, at most 65535 UTF-8 bytes
     * @param userUuid the user, at most 65535 UTF-8 bytes
     * @param role the user's role in the room, packed as an int16 (a {@code Short} as in the official Java; not null)
     * @param expire seconds from now until the token and its privileges expire, a u32
     * @return the token, {@code "007"} and base64
     * @throws io.countersign.codec.InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public String buildRoomUserToken(String appId, String appCertificate, String roomUuid, String userUuid, Short role,
                                     long expire) {
        Checks.notNull("role", role);
        Checks.notNull("userUuid", userUuid);
        return issuer.issue(appId, appCertificate, expire,
                new Service.Apaas(roomUuid, userUuid, role, Privileges.of(Service.Apaas.ROOM_USER, expire)),
                new Service.Rtm(userUuid, Privileges.of(Service.Rtm.LOGIN, expire)),
                new Service.Chat(md5Hex(userUuid), Privileges.of(Service.Chat.USER, expire)));
    }

    /**
     * An APaaS user token for {@code userUuid}, with no room and {@link #NO_ROLE}.
     *
     * @param appId the App ID, 32 hexadecimal characters
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param userUuid the user, at most 65535 UTF-8 bytes
     * @param expire seconds from now until the token and its privileges expire, a u32
     * @return the token, {@code "007"} and base64
     * @throws io.countersign.codec.InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public String buildUserToken(String appId, String appCertificate, String userUuid, long expire) {
        return issuer.issue(appId, appCertificate, expire,
                new Service.Apaas("", userUuid, NO_ROLE, Privileges.of(Service.Apaas.USER, expire)));
    }

    /**
     * An APaaS app token: no room, no user, {@link #NO_ROLE}.
     *
     * @param appId the App ID, 32 hexadecimal characters
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param expire seconds from now until the token and its privileges expire, a u32
     * @return the token, {@code "007"} and base64
     * @throws io.countersign.codec.InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public String buildAppToken(String appId, String appCertificate, long expire) {
        return issuer.issue(appId, appCertificate, expire,
                new Service.Apaas("", "", NO_ROLE, Privileges.of(Service.Apaas.APP, expire)));
    }

    /** Lower-case hex MD5 of the UTF-8 bytes: how the official builders derive the chat user id. */
    static String md5Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return io.countersign.internal.Hex.encode(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JDK", e);
        }
    }
}
