package io.countersign.accesstoken2;

import io.countersign.codec.ByteString;
import io.countersign.internal.Checks;
import io.countersign.codec.Privileges;

import java.util.List;

/**
 * One service inside a 007 token: its type, its privileges and the fields of that type. Each
 * string field is a {@link ByteString} (the token carries raw bytes); every record also takes
 * plain {@code String}s, encoded as UTF-8. All values are checked on construction.
 */
public sealed interface Service {
    int TYPE_RTC = 1;
    int TYPE_RTM = 2;
    int TYPE_STREAMING = 3;
    int TYPE_FPA = 4;
    int TYPE_CHAT = 5;
    int TYPE_FCDN = 6;
    int TYPE_APAAS = 7;
    int TYPE_RTM2 = 8;
    int TYPE_CONVOAI = 9;
    int TYPE_STT = 10;
    /** The highest service type this version knows; decoding stops at any other type. */
    int MAX_KNOWN_TYPE = TYPE_STT;

    /** The u16 service type written before the service. */
    int type();

    Privileges privileges();

    /** Real-time communication: join a channel, publish audio, video, data. */
    record Rtc(ByteString channelName, ByteString uid, Privileges privileges) implements Service {
        public static final int JOIN_CHANNEL = 1;
        public static final int PUBLISH_AUDIO_STREAM = 2;
        public static final int PUBLISH_VIDEO_STREAM = 3;
        public static final int PUBLISH_DATA_STREAM = 4;

        public Rtc {
            Checks.u16Length("channelName", channelName);
            Checks.u16Length("uid", uid);
            Checks.notNull("privileges", privileges);
        }

        /** {@code uid} is the packed string: a decimal uid, an account, or "" for uid 0. */
        public Rtc(String channelName, String uid, Privileges privileges) {
            this(ByteString.utf8("channelName", channelName), ByteString.utf8("uid", uid), privileges);
        }

        @Override
        public int type() {
            return TYPE_RTC;
        }
    }

    /** Real-time messaging (signalling 1.x): login. */
    record Rtm(ByteString userId, Privileges privileges) implements Service {
        public static final int LOGIN = 1;

        public Rtm {
            Checks.u16Length("userId", userId);
            Checks.notNull("privileges", privileges);
        }

        public Rtm(String userId, Privileges privileges) {
            this(ByteString.utf8("userId", userId), privileges);
        }

        @Override
        public int type() {
            return TYPE_RTM;
        }
    }

    /** Media streaming: publish mixed or raw streams. */
    record Streaming(ByteString channelName, ByteString account, Privileges privileges) implements Service {
        public static final int PUBLISH_MIX_STREAM = 1;
        public static final int PUBLISH_RAW_STREAM = 2;

        public Streaming {
            Checks.u16Length("channelName", channelName);
            Checks.u16Length("account", account);
            Checks.notNull("privileges", privileges);
        }

        public Streaming(String channelName, String account, Privileges privileges) {
            this(ByteString.utf8("channelName", channelName), ByteString.utf8("account", account), privileges);
        }

        @Override
        public int type() {
            return TYPE_STREAMING;
        }
    }

    /** Full-path acceleration: login. No fields beyond the privileges. */
    record Fpa(Privileges privileges) implements Service {
        public static final int LOGIN = 1;

        public Fpa {
            Checks.notNull("privileges", privileges);
        }

        @Override
        public int type() {
            return TYPE_FPA;
        }
    }

    /** Chat: a user token or an app token. */
    record Chat(ByteString userId, Privileges privileges) implements Service {
        public static final int USER = 1;
        public static final int APP = 2;

        public Chat {
            Checks.u16Length("userId", userId);
            Checks.notNull("privileges", privileges);
        }

        public Chat(String userId, Privileges privileges) {
            this(ByteString.utf8("userId", userId), privileges);
        }

        @Override
        public int type() {
            return TYPE_CHAT;
        }
    }

    /** Fusion CDN: publish and play. */
    record Fcdn(ByteString channelName, ByteString account, Privileges privileges) implements Service {
        public static final int PUBLISH = 1;
        public static final int PLAY = 2;

        public Fcdn {
            Checks.u16Length("channelName", channelName);
            Checks.u16Length("account", account);
            Checks.notNull("privileges", privileges);
        }

        public Fcdn(String channelName, String account, Privileges privileges) {
            this(ByteString.utf8("channelName", channelName), ByteString.utf8("account", account), privileges);
        }

        @Override
        public int type() {
            return TYPE_FCDN;
        }
    }

    /** Agora platform as a service (Flexible Classroom): room user, user or app. {@code role} is an int16. */
    record Apaas(ByteString roomUuid, ByteString userUuid, short role, Privileges privileges) implements Service {
        public static final int ROOM_USER = 1;
        public static final int USER = 2;
        public static final int APP = 3;

        public Apaas {
            Checks.u16Length("roomUuid", roomUuid);
            Checks.u16Length("userUuid", userUuid);
            Checks.notNull("privileges", privileges);
        }

        public Apaas(String roomUuid, String userUuid, short role, Privileges privileges) {
            this(ByteString.utf8("roomUuid", roomUuid), ByteString.utf8("userUuid", userUuid), role, privileges);
        }

        @Override
        public int type() {
            return TYPE_APAAS;
        }
    }

    /**
     * Real-time messaging 2.x: login, with optional per-resource permissions. Permissions are
     * kept in the one form every official implementation packs and decodes them in: resource
     * types ascending, permission types ascending within each, and a repeated (resource type,
     * permission type) keeping its last resource list (the officials hold them in a map of maps).
     */
    record Rtm2(ByteString userId, List<Rtm2Resource> permissions, Privileges privileges) implements Service {
        public static final int LOGIN = 1;

        public Rtm2 {
            Checks.u16Length("userId", userId);
            permissions = canonical(Checks.notNull("permissions", permissions));
            Checks.u16("permissions count", permissions.size());
            Checks.notNull("privileges", privileges);
        }

        public Rtm2(String userId, List<Rtm2Resource> permissions, Privileges privileges) {
            this(ByteString.utf8("userId", userId), permissions, privileges);
        }

        @Override
        public int type() {
            return TYPE_RTM2;
        }

        private static List<Rtm2Resource> canonical(List<Rtm2Resource> permissions) {
            java.util.TreeMap<Integer, java.util.TreeMap<Integer, Rtm2Permission>> byType = new java.util.TreeMap<>();
            for (Rtm2Resource resource : permissions) {
                Checks.notNull("permissions[]", resource);
                var byPermission = byType.computeIfAbsent(resource.resourceType(), t -> new java.util.TreeMap<>());
                for (Rtm2Permission permission : resource.permissions()) {
                    byPermission.put(permission.permissionType(), permission);
                }
            }
            List<Rtm2Resource> sorted = new java.util.ArrayList<>(byType.size());
            byType.forEach((type, byPermission) -> sorted.add(new Rtm2Resource(type, List.copyOf(byPermission.values()))));
            return List.copyOf(sorted);
        }
    }

    /** Conversational AI engine: no fields beyond the privileges. */
    record ConvoAi(Privileges privileges) implements Service {
        public ConvoAi {
            Checks.notNull("privileges", privileges);
        }

        @Override
        public int type() {
            return TYPE_CONVOAI;
        }
    }

    /** Speech-to-text: no fields beyond the privileges. */
    record Stt(Privileges privileges) implements Service {
        public Stt {
            Checks.notNull("privileges", privileges);
        }

        @Override
        public int type() {
            return TYPE_STT;
        }
    }

    /** RTM2 permissions on one resource type (0 message channels, 1 stream channels, 2 group channels, 3 server groups, 4 users). */
    record Rtm2Resource(int resourceType, List<Rtm2Permission> permissions) {
        public static final int MESSAGE_CHANNELS = 0;
        public static final int STREAM_CHANNELS = 1;
        public static final int GROUP_CHANNELS = 2;
        public static final int SERVER_GROUPS = 3;
        public static final int USERS = 4;

        public Rtm2Resource {
            Checks.u16("resourceType", resourceType);
            permissions = List.copyOf(Checks.notNull("permissions", permissions));
            Checks.u16("permissions count", permissions.size());
        }
    }

    /** One permission type (0 read, 1 write) on a list of resources (names or patterns). */
    record Rtm2Permission(int permissionType, List<ByteString> resources) {
        public static final int READ = 0;
        public static final int WRITE = 1;

        public Rtm2Permission {
            Checks.u16("permissionType", permissionType);
            resources = List.copyOf(Checks.notNull("resources", resources));
            Checks.u16("resources count", resources.size());
            for (ByteString r : resources) {
                Checks.u16Length("resource", r);
            }
        }

        /** From plain strings, encoded as UTF-8. */
        public static Rtm2Permission ofStrings(int permissionType, List<String> resources) {
            return new Rtm2Permission(permissionType, resources.stream().map(r -> ByteString.utf8("resource", r)).toList());
        }
    }
}
