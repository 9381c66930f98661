package io.countersign.accesstoken2;

import io.countersign.codec.SaltSource;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** RTM tokens (007), named as the official {@code io.agora.rtm.RtmTokenBuilder2}. Thread-safe. */
public class RtmTokenBuilder2 {
    private final Issuer issuer;

    public RtmTokenBuilder2() {
        this.issuer = Issuer.SYSTEM;
    }

    public RtmTokenBuilder2(Clock clock, SaltSource salts) {
        this.issuer = new Issuer(clock, salts);
    }

    /** An RTM login token for {@code userId}, valid {@code expire} seconds. */
    public String buildToken(String appId, String appCertificate, String userId, long expire) {
        return issuer.issue(appId, appCertificate, expire, new Service.Rtm(userId, Privileges.of(Service.Rtm.LOGIN, expire)));
    }

    /**
     * An RTM2 login token with resource permissions. As in the official Node builder, resource
     * types and permission types are packed in ascending order, and a repeated (resource type,
     * permission type) keeps its last resource list.
     */
    public String buildTokenWithPermissions(String appId, String appCertificate, String userId,
                                            List<Service.Rtm2Resource> permissions, long expire) {
        return issuer.issue(appId, appCertificate, expire,
                new Service.Rtm2(userId, normalize(permissions), Privileges.of(Service.Rtm2.LOGIN, expire)));
    }

    /** Sorted by resource type then permission type, last list winning for a repeated pair. */
    static List<Service.Rtm2Resource> normalize(List<Service.Rtm2Resource> permissions) {
        Map<Integer, Map<Integer, Service.Rtm2Permission>> byType = new TreeMap<>();
        for (Service.Rtm2Resource resource : io.countersign.codec.Checks.notNull("permissions", permissions)) {
            Map<Integer, Service.Rtm2Permission> byPermission = byType.computeIfAbsent(resource.resourceType(), t -> new TreeMap<>());
            for (Service.Rtm2Permission permission : resource.permissions()) {
                byPermission.put(permission.permissionType(), permission);
            }
        }
        List<Service.Rtm2Resource> sorted = new ArrayList<>(byType.size());
        byType.forEach((type, byPermission) -> sorted.add(new Service.Rtm2Resource(type, List.copyOf(byPermission.values()))));
        return sorted;
    }
}
