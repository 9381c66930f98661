package io.countersign.accesstoken2;

import io.countersign.internal.Checks;

import java.util.List;

/**
 * The content of a 007 token: who issued it, when, for how long, with which salt, and its
 * services. {@code issueTs} is unix seconds; {@code expire} is seconds after {@code issueTs};
 * both and {@code salt} are u32. Services keep their order; the signer packs them sorted by
 * type (stable within a type), as every official builder does. Immutable.
 *
 * @param appId the App ID, 32 hexadecimal characters
 * @param issueTs when the token was issued, unix seconds (u32)
 * @param expire seconds after {@code issueTs} until the token expires (u32)
 * @param salt the random salt that makes two tokens of the same second differ (u32)
 * @param services the services granted, in the order given; the signer needs at least one
 */
public record AccessToken2(String appId, long issueTs, long expire, long salt, List<Service> services) {
    /** The version prefix every 007 token starts with. */
    public static final String VERSION = "007";

    /**
     * Checks every field and copies {@code services}.
     *
     * @param appId 32 hexadecimal characters
     * @param issueTs within 0..4294967295
     * @param expire within 0..4294967295
     * @param salt within 0..4294967295
     * @param services not null, at most 65535
     * @throws io.countersign.codec.InvalidArgumentException if a field breaks its rule
     */
    public AccessToken2 {
        Checks.hex32("appId", appId);
        Checks.u32("issueTs", issueTs);
        Checks.u32("expire", expire);
        Checks.u32("salt", salt);
        services = List.copyOf(Checks.notNull("services", services));
        Checks.u16("services count", services.size());
    }

    /**
     * The same content with the services as varargs.
     *
     * @param appId 32 hexadecimal characters
     * @param issueTs unix seconds, a u32
     * @param expire seconds after {@code issueTs}, a u32
     * @param salt a u32
     * @param services the services granted
     * @throws io.countersign.codec.InvalidArgumentException if a field breaks its rule
     */
    public AccessToken2(String appId, long issueTs, long expire, long salt, Service... services) {
        this(appId, issueTs, expire, salt, List.of(services));
    }
}
