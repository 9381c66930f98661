package io.countersign.netless;

import io.countersign.internal.Checks;
import io.countersign.codec.InvalidArgumentException;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Netless (Interactive Whiteboard) SDK, room and task tokens, with netless-token's function
 * names and argument order: {@code sdkToken(ak, sk, lifespan, content)}. {@code lifespan} is in
 * milliseconds; 0 means the token never expires, otherwise it expires at now + lifespan.
 * Tokens are byte-identical to netless-token 1.0.2's for the same clock reading and nonce.
 *
 * <p>Input rules, each an {@link IllegalArgumentException} naming the field (sk's message never
 * shows it): {@code ak} non-empty; {@code sk} non-empty; no unpaired surrogate in any string
 * (netless-token throws URIError there); {@code lifespan} not negative (netless-token treats a
 * negative lifespan as 0, which hides a bug); now + lifespan at most 2^53 - 1, where JavaScript's
 * number arithmetic stops being exact. Thread-safe if the clock and nonce source are.
 */
public class NetlessToken {
    private final Clock clock;
    private final NonceSource nonces;

    /** Tokens timed by the system clock with version-1 UUID nonces, as netless-token does. */
    public NetlessToken() {
        this(Clock.systemUTC(), NonceSource.uuidV1());
    }

    /**
     * Tokens timed by {@code clock} with nonces from {@code nonces}: for tests and reproducible tokens.
     *
     * @param clock the clock a lifespan counts from, read in milliseconds
     * @param nonces where each token's nonce comes from, e.g. {@link NonceSource#fixed(String)}
     * @throws InvalidArgumentException if either is null
     */
    public NetlessToken(Clock clock, NonceSource nonces) {
        this.clock = Checks.notNull("clock", clock);
        this.nonces = Checks.notNull("nonces", nonces);
    }

    /**
     * An SDK token ({@code NETLESSSDK_}), for the whole app.
     *
     * @param ak the access key; non-empty
     * @param sk the secret key it is signed with; non-empty, never shown in an error
     * @param lifespan milliseconds from now until it expires; 0 for never
     * @param content the role
     * @return the token, its prefix and unpadded base64url
     * @throws InvalidArgumentException if an argument breaks a rule of the class comment; the exception names it
     */
    public String sdkToken(String ak, String sk, long lifespan, SdkTokenTags content) {
        Checks.notNull("content", content);
        return issue(TokenPrefix.SDK, ak, sk, lifespan, content.role(), null);
    }

    /**
     * A room token ({@code NETLESSROOM_}), for the room {@code content.uuid()} if given.
     *
     * @param ak the access key; non-empty
     * @param sk the secret key it is signed with; non-empty, never shown in an error
     * @param lifespan milliseconds from now until it expires; 0 for never
     * @param content the role and the room
     * @return the token, its prefix and unpadded base64url
     * @throws InvalidArgumentException if an argument breaks a rule of the class comment; the exception names it
     */
    public String roomToken(String ak, String sk, long lifespan, RoomTokenTags content) {
        Checks.notNull("content", content);
        return issue(TokenPrefix.ROOM, ak, sk, lifespan, content.role(), content.uuid());
    }

    /**
     * A task token ({@code NETLESSTASK_}), for the task {@code content.uuid()} if given.
     *
     * @param ak the access key; non-empty
     * @param sk the secret key it is signed with; non-empty, never shown in an error
     * @param lifespan milliseconds from now until it expires; 0 for never
     * @param content the role and the task
     * @return the token, its prefix and unpadded base64url
     * @throws InvalidArgumentException if an argument breaks a rule of the class comment; the exception names it
     */
    public String taskToken(String ak, String sk, long lifespan, TaskTokenTags content) {
        Checks.notNull("content", content);
        return issue(TokenPrefix.TASK, ak, sk, lifespan, content.role(), content.uuid());
    }

    private String issue(TokenPrefix prefix, String ak, String sk, long lifespan, TokenRole role, String uuid) {
        NetlessTokenContent.nonEmptyText("ak", ak);
        NetlessSigner.checkSecret(sk);
        if (lifespan < 0) {
            throw new InvalidArgumentException("lifespan", "must be 0 (never expires) or a positive number of ms, was " + lifespan);
        }
        OptionalLong expireAt = OptionalLong.empty();
        // netless-token reads the clock only for a positive lifespan.
        if (lifespan > 0) {
            long now = clock.millis();
            if (now < 0 || lifespan > NetlessTokenContent.MAX_EXPIRE_AT - now) {
                throw new InvalidArgumentException("lifespan", "now + lifespan must be within 0.."
                        + NetlessTokenContent.MAX_EXPIRE_AT + " ms (Number.MAX_SAFE_INTEGER), was " + now + " + " + lifespan);
            }
            expireAt = OptionalLong.of(now + lifespan);
        }
        NetlessTokenContent content = new NetlessTokenContent(prefix, ak, nonces.nextNonce(), role,
                Optional.ofNullable(uuid), expireAt);
        return NetlessCodec.encode(content, sk);
    }

    /**
     * What an SDK token grants: a role (netless-token's {@code SdkTokenTags}).
     *
     * @param role the role
     */
    public record SdkTokenTags(TokenRole role) {
        /**
         * Checks the role.
         *
         * @param role not null
         * @throws InvalidArgumentException if it is null
         */
        public SdkTokenTags {
            Checks.notNull("content.role", role);
        }
    }

    /**
     * What a room token grants: a role, for one room if {@code uuid} is not null (netless-token's {@code RoomTokenTags}).
     *
     * @param role the role
     * @param uuid the room, or null for any room
     */
    public record RoomTokenTags(TokenRole role, String uuid) {
        /**
         * Checks the fields.
         *
         * @param role not null
         * @param uuid null, or well-formed UTF-16
         * @throws InvalidArgumentException if a field breaks its rule
         */
        public RoomTokenTags {
            Checks.notNull("content.role", role);
            if (uuid != null) {
                NetlessTokenContent.wellFormed("content.uuid", uuid);
            }
        }

        /**
         * Any room.
         *
         * @param role the role, not null
         * @throws InvalidArgumentException if it is null
         */
        public RoomTokenTags(TokenRole role) {
            this(role, null);
        }
    }

    /**
     * What a task token grants: a role, for one task if {@code uuid} is not null (netless-token's {@code TaskTokenTags}).
     *
     * @param role the role
     * @param uuid the task, or null for any task
     */
    public record TaskTokenTags(TokenRole role, String uuid) {
        /**
         * Checks the fields.
         *
         * @param role not null
         * @param uuid null, or well-formed UTF-16
         * @throws InvalidArgumentException if a field breaks its rule
         */
        public TaskTokenTags {
            Checks.notNull("content.role", role);
            if (uuid != null) {
                NetlessTokenContent.wellFormed("content.uuid", uuid);
            }
        }

        /**
         * Any task.
         *
         * @param role the role, not null
         * @throws InvalidArgumentException if it is null
         */
        public TaskTokenTags(TokenRole role) {
            this(role, null);
        }
    }
}
