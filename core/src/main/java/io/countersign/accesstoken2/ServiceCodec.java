package io.countersign.accesstoken2;

import io.countersign.codec.ByteString;
import io.countersign.internal.PackedReader;
import io.countersign.internal.PackedWriter;
import io.countersign.codec.Privileges;
import io.countersign.codec.TokenFormatException;
import io.countersign.codec.TokenFormatException.Reason;

import java.util.ArrayList;
import java.util.List;

/**
 * The byte layout of each service, both directions, in one place. A service is its u16 type,
 * its privileges (u16 count, then u16 id and u32 value each), then the fields of its type in
 * the order below; strings are u16-length-prefixed bytes.
 */
final class ServiceCodec {
    private ServiceCodec() {
    }

    static void pack(Service service, PackedWriter w) {
        w.putU16(service.type());
        Privileges p = service.privileges();
        w.putU16(p.size());
        for (int i = 0; i < p.size(); i++) {
            w.putU16(p.idAt(i)).putU32(p.valueAt(i));
        }
        if (service instanceof Service.Rtc s) {
            w.putBytes(s.channelName()).putBytes(s.uid());
        } else if (service instanceof Service.Rtm s) {
            w.putBytes(s.userId());
        } else if (service instanceof Service.Streaming s) {
            w.putBytes(s.channelName()).putBytes(s.account());
        } else if (service instanceof Service.Chat s) {
            w.putBytes(s.userId());
        } else if (service instanceof Service.Fcdn s) {
            w.putBytes(s.channelName()).putBytes(s.account());
        } else if (service instanceof Service.Apaas s) {
            w.putBytes(s.roomUuid()).putBytes(s.userUuid()).putU16(s.role() & 0xFFFF);
        } else if (service instanceof Service.Rtm2 s) {
            w.putBytes(s.userId()).putU16(s.permissions().size());
            for (Service.Rtm2Resource resource : s.permissions()) {
                w.putU16(resource.resourceType()).putU16(resource.permissions().size());
                for (Service.Rtm2Permission permission : resource.permissions()) {
                    w.putU16(permission.permissionType()).putU16(permission.resources().size());
                    for (ByteString name : permission.resources()) {
                        w.putBytes(name);
                    }
                }
            }
        }
        // Fpa, ConvoAi and Stt carry nothing beyond their privileges.
    }

    /**
     * Reads the service of a known {@code type} whose type field has just been read; {@code at}
     * names it in error messages, e.g. "services[2]".
     */
    static Service unpack(int type, PackedReader r, String at, Rtm2Budget rtm2Budget) {
        Privileges privileges = unpackPrivileges(r, at);
        switch (type) {
            case Service.TYPE_RTC:
                return new Service.Rtc(r.readBytes(at + ".channelName"), r.readBytes(at + ".uid"), privileges);
            case Service.TYPE_RTM:
                return new Service.Rtm(r.readBytes(at + ".userId"), privileges);
            case Service.TYPE_STREAMING:
                return new Service.Streaming(r.readBytes(at + ".channelName"), r.readBytes(at + ".account"), privileges);
            case Service.TYPE_FPA:
                return new Service.Fpa(privileges);
            case Service.TYPE_CHAT:
                return new Service.Chat(r.readBytes(at + ".userId"), privileges);
            case Service.TYPE_FCDN:
                return new Service.Fcdn(r.readBytes(at + ".channelName"), r.readBytes(at + ".account"), privileges);
            case Service.TYPE_APAAS:
                return new Service.Apaas(r.readBytes(at + ".roomUuid"), r.readBytes(at + ".userUuid"),
                        r.readI16(at + ".role"), privileges);
            case Service.TYPE_RTM2:
                return unpackRtm2(r, at, privileges, rtm2Budget);
            case Service.TYPE_CONVOAI:
                return new Service.ConvoAi(privileges);
            case Service.TYPE_STT:
                return new Service.Stt(privileges);
            default:
                throw new IllegalArgumentException("not a known service type: " + type);
        }
    }

    private static Privileges unpackPrivileges(PackedReader r, String at) {
        int count = r.readU16(at + ".privileges count");
        Privileges.Builder b = Privileges.builder();
        for (int i = 0; i < count; i++) {
            int id = r.readU16(at + ".privileges[" + i + "].id");
            b.put(id, r.readU32(at + ".privileges[" + i + "].value"));
        }
        return b.build();
    }

    private static Service.Rtm2 unpackRtm2(PackedReader r, String at, Privileges privileges, Rtm2Budget budget) {
        ByteString userId = r.readBytes(at + ".userId");
        int resourceCount = r.readU16(at + ".permissions count");
        budget.take(resourceCount, r, at + ".permissions count");
        // Each entry takes at least 4 bytes, so a count beyond what is left cannot be honest;
        // checking first keeps a forged count from sizing a large list.
        List<Service.Rtm2Resource> resources = new ArrayList<>(Math.min(resourceCount, r.remaining() / 4));
        for (int i = 0; i < resourceCount; i++) {
            String resourceAt = at + ".permissions[" + i + "]";
            int resourceType = r.readU16(resourceAt + ".resourceType");
            int permissionCount = r.readU16(resourceAt + ".permissions count");
            budget.take(permissionCount, r, resourceAt + ".permissions count");
            List<Service.Rtm2Permission> permissions = new ArrayList<>(Math.min(permissionCount, r.remaining() / 4));
            for (int j = 0; j < permissionCount; j++) {
                String permissionAt = resourceAt + ".permissions[" + j + "]";
                int permissionType = r.readU16(permissionAt + ".permissionType");
                int nameCount = r.readU16(permissionAt + ".resources count");
                budget.take(nameCount, r, permissionAt + ".resources count");
                List<ByteString> names = new ArrayList<>(Math.min(nameCount, r.remaining() / 2));
                for (int k = 0; k < nameCount; k++) {
                    names.add(r.readBytes(permissionAt + ".resources[" + k + "]"));
                }
                permissions.add(new Service.Rtm2Permission(permissionType, names));
            }
            // Every official decoder (agora-token 2.0.6, go-tokenbuilder v1.5.0) rebuilds the
            // permissions by adding each (resource, permission) pair, so a resource type that
            // carries no permissions does not survive decoding; we decode the same content.
            if (!permissions.isEmpty()) {
                resources.add(new Service.Rtm2Resource(resourceType, permissions));
            }
        }
        return new Service.Rtm2(userId, resources, privileges);
    }

    /**
     * What is left of {@link DecodeLimits#maxRtm2Entries()} while one token decodes. Each count
     * is charged as soon as it is read, before anything is sized from it.
     */
    static final class Rtm2Budget {
        private final int limit;
        private int used;

        Rtm2Budget(int limit) {
            this.limit = limit;
        }

        /** Charges {@code count} entries (a u16 just read, so {@code used} cannot overflow). */
        void take(int count, PackedReader r, String field) {
            used += count;
            if (used > limit) {
                throw new TokenFormatException(Reason.TOO_LARGE, field, r.position() - 2,
                        "the RTM2 permissions declare " + used + " entries so far (resource types, permissions"
                                + " and names together), the limit is " + limit);
            }
        }
    }
}
