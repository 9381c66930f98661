package io.countersign.accesstoken2;

import io.countersign.internal.Checks;

import java.util.List;

/**
 * The content of a 007 token: who issued it, when, for how long, with which salt, and its
 * services. {@code issueTs} is unix seconds; {@code expire} is seconds after {@code issueTs};
 * both and {@code salt} are u32. Services keep their order; the signer packs them sorted by
 * type (stable within a type), as every official builder does. Immutable.
 */
public record AccessToken2(String appId, long issueTs, long expire, long salt, List<Service> services) {
    public static final String VERSION = "007";

    public AccessToken2 {
        Checks.hex32("appId", appId);
        Checks.u32("issueTs", issueTs);
        Checks.u32("expire", expire);
        Checks.u32("salt", salt);
        services = List.copyOf(Checks.notNull("services", services));
        Checks.u16("services count", services.size());
    }

    public AccessToken2(String appId, long issueTs, long expire, long salt, Service... services) {
        this(appId, issueTs, expire, salt, List.of(services));
    }
}
