package io.countersign.schemes;

import io.countersign.accesstoken.RtcTokenBuilder;
import io.countersign.accesstoken2.RtcTokenBuilder2;
import io.countersign.accesstoken2.Service;
import io.countersign.codec.ByteString;
import io.countersign.internal.Checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A builder call's arguments as plain data (see {@link Values}), read by name into the Java
 * types the core builders take. Errors name the argument.
 */
final class Arguments {
    private final Map<String, ?> values;

    Arguments(Map<String, ?> values) {
        this.values = values == null ? Map.of() : values;
    }

    String text(String name) {
        return Values.text(values, "", name);
    }

    long integer(String name) {
        return Values.integer(values, "", name);
    }

    /** An optional integer: {@code absent} when the call leaves it out. */
    long integer(String name, long absent) {
        return Values.has(values, name) ? integer(name) : absent;
    }

    int smallInteger(String name) {
        return Values.smallInteger(values, "", name);
    }

    RtcTokenBuilder2.Role rtcRole(String name) {
        return RtcTokenBuilder2.Role.of(smallInteger(name));
    }

    RtcTokenBuilder.Role accessTokenRole(String name) {
        return RtcTokenBuilder.Role.of(smallInteger(name));
    }

    short apaasRole(String name) {
        return (short) Checks.i16(name, smallInteger(name));
    }

    Map<String, Object> object(String name) {
        return Values.object(values, "", name);
    }

    /** RTM2 permissions in the protocol's shape, kept in the given order. */
    List<Service.Rtm2Resource> permissions(String name) {
        return permissions(values, name);
    }

    static List<Service.Rtm2Resource> permissions(Map<String, ?> holder, String name) {
        List<Service.Rtm2Resource> resources = new ArrayList<>();
        List<?> list = Values.array(holder, "", name);
        for (int i = 0; i < list.size(); i++) {
            String at = name + "[" + i + "]";
            Map<String, Object> resource = Values.objectValue(list.get(i), at);
            List<Service.Rtm2Permission> permissions = new ArrayList<>();
            List<?> granted = Values.array(resource, at, "permissions");
            for (int j = 0; j < granted.size(); j++) {
                String pAt = at + ".permissions[" + j + "]";
                Map<String, Object> permission = Values.objectValue(granted.get(j), pAt);
                List<ByteString> names = new ArrayList<>();
                List<?> resourceNames = Values.array(permission, pAt, "resources");
                for (int k = 0; k < resourceNames.size(); k++) {
                    names.add(Values.bytesValue(resourceNames.get(k), pAt + ".resources[" + k + "]"));
                }
                permissions.add(new Service.Rtm2Permission(Values.smallInteger(permission, pAt, "permissionType"), names));
            }
            resources.add(new Service.Rtm2Resource(Values.smallInteger(resource, at, "resourceType"), permissions));
        }
        return resources;
    }
}
