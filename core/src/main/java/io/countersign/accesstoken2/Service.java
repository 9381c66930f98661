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
    /** Service type 1: RTC, {@link Rtc}. */
    int TYPE_RTC = 1;
    /** Service type 2: RTM login, {@link Rtm}. */
    int TYPE_RTM = 2;
    /** Service type 3: media streaming, {@link Streaming}. */
    int TYPE_STREAMING = 3;
    /** Service type 4: full-path acceleration, {@link Fpa}. */
    int TYPE_FPA = 4;
    /** Service type 5: Chat, {@link Chat}. */
    int TYPE_CHAT = 5;
    /** Service type 6: Fusion CDN, {@link Fcdn}. */
    int TYPE_FCDN = 6;
    /** Service type 7: Flexible Classroom, {@link Apaas}. */
    int TYPE_APAAS = 7;
    /** Service type 8: RTM 2.x login with permissions, {@link Rtm2}. */
    int TYPE_RTM2 = 8;
    /** Service type 9: Conversational AI, {@link ConvoAi}. */
    int TYPE_CONVOAI = 9;
    /** Service type 10: speech-to-text, {@link Stt}. */
    int TYPE_STT = 10;
    /** The highest service type this version knows; decoding stops at any other type. */
    int MAX_KNOWN_TYPE = TYPE_STT;

    /** {@return the u16 service type written before the service, one of the {@code TYPE_} constants} */
    int type();

    /**
     * {@return the privileges granted, privilege id to seconds after the token's issueTs}
     * Each service type numbers its own privileges (the constants of its record).
     */
    Privileges privileges();

    /**
     * Real-time communication: join a channel, publish audio, video, data.
     *
     * @param channelName the channel
     * @param uid the user as packed: a decimal uid, a user account, or empty for uid 0 (any user)
     * @param privileges privilege id to seconds after the token's issueTs
     */
    record Rtc(ByteString channelName, ByteString uid, Privileges privileges) implements Service {
        /** Privilege 1: join the channel. */
        public static final int JOIN_CHANNEL = 1;
        /** Privilege 2: publish audio. */
        public static final int PUBLISH_AUDIO_STREAM = 2;
        /** Privilege 3: publish video. */
        public static final int PUBLISH_VIDEO_STREAM = 3;
        /** Privilege 4: publish data streams. */
        public static final int PUBLISH_DATA_STREAM = 4;

        /**
         * Checks the fields.
         *
         * @param channelName at most 65535 bytes
         * @param uid at most 65535 bytes
         * @param privileges not null
         * @throws io.countersign.codec.InvalidArgumentException if a field breaks its rule
         */
        public Rtc {
            Checks.u16Length("channelName", channelName);
            Checks.u16Length("uid", uid);
            Checks.notNull("privileges", privileges);
        }

        /**
         * From plain strings, encoded as UTF-8.
         *
         * @param channelName the channel
         * @param uid the packed string: a decimal uid, an account, or "" for uid 0
         * @param privileges privilege id to seconds after the token's issueTs
         * @throws io.countersign.codec.InvalidArgumentException if a field is null, too long or not UTF-8-encodable
         */
        public Rtc(String channelName, String uid, Privileges privileges) {
            this(ByteString.utf8("channelName", channelName), ByteString.utf8("uid", uid), privileges);
        }

        @Override
        public int type() {
            return TYPE_RTC;
        }
    }

    /**
     * Real-time messaging (signalling 1.x): login.
     *
     * @param userId the RTM user
     * @param privileges privilege id to seconds after the token's issueTs
     */
    record Rtm(ByteString userId, Privileges privileges) implements Service {
        /** Privilege 1: log in. */
        public static final int LOGIN = 1;

        /**
         * Checks the fields.
         *
         * @param userId at most 65535 bytes
         * @param privileges not null
         * @throws io.countersign.codec.InvalidArgumentException if a field breaks its rule
         */
        public Rtm {
            Checks.u16Length("userId", userId);
            Checks.notNull("privileges", privileges);
        }

        /**
         * From a plain string, encoded as UTF-8.
         *
         * @param userId the RTM user
         * @param privileges privilege id to seconds after the token's issueTs
         * @throws io.countersign.codec.InvalidArgumentException if a field is null, too long or not UTF-8-encodable
         */
        public Rtm(String userId, Privileges privileges) {
            this(ByteString.utf8("userId", userId), privileges);
        }

        @Override
        public int type() {
            return TYPE_RTM;
        }
    }

    /**
     * Media streaming: publish mixed or raw streams.
     *
     * @param channelName the channel
     * @param account the publishing account
     * @param privileges privilege id to seconds after the token's issueTs
     */
    record Streaming(ByteString channelName, ByteString account, Privileges privileges) implements Service {
        /** Privilege 1: publish a mixed stream. */
        public static final int PUBLISH_MIX_STREAM = 1;
        /** Privilege 2: publish a raw stream. */
        public static final int PUBLISH_RAW_STREAM = 2;

        /**
         * Checks the fields.
         *
         * @param channelName at most 65535 bytes
         * @param account at most 65535 bytes
         * @param privileges not null
         * @throws io.countersign.codec.InvalidArgumentException if a field breaks its rule
         */
        public Streaming {
            Checks.u16Length("channelName", channelName);
            Checks.u16Length("account", account);
            Checks.notNull("privileges", privileges);
        }

        /**
         * From plain strings, encoded as UTF-8.
         *
         * @param channelName the channel
         * @param account the publishing account
         * @param privileges privilege id to seconds after the token's issueTs
         * @throws io.countersign.codec.InvalidArgumentException if a field is null, too long or not UTF-8-encodable
         */
        public Streaming(String channelName, String account, Privileges privileges) {
            this(ByteString.utf8("channelName", channelName), ByteString.utf8("account", account), privileges);
        }

        @Override
        public int type() {
            return TYPE_STREAMING;
        }
    }

    /**
     * Full-path acceleration: login. No fields beyond the privileges.
     *
     * @param privileges privilege id to seconds after the token's issueTs
     */
    record Fpa(Privileges privileges) implements Service {
        /** Privilege 1: log in. */
        public static final int LOGIN = 1;

        /**
         * Checks the privileges.
         *
         * @param privileges not null
         * @throws io.countersign.codec.InvalidArgumentException if they are null
         */
        public Fpa {
            Checks.notNull("privileges", privileges);
        }

        @Override
        public int type() {
            return TYPE_FPA;
        }
    }

    /**
     * Chat: a user token or an app token.
     *
     * @param userId the chat user, empty for an app token
     * @param privileges privilege id to seconds after the token's issueTs
     */
    record Chat(ByteString userId, Privileges privileges) implements Service {
        /** Privilege 1: act as the user. */
        public static final int USER = 1;
        /** Privilege 2: act as the app. */
        public static final int APP = 2;

        /**
         * Checks the fields.
         *
         * @param userId at most 65535 bytes
         * @param privileges not null
         * @throws io.countersign.codec.InvalidArgumentException if a field breaks its rule
         */
        public Chat {
            Checks.u16Length("userId", userId);
            Checks.notNull("privileges", privileges);
        }

        /**
         * From a plain string, encoded as UTF-8.
         *
         * @param userId the chat user, "" for an app token
         * @param privileges privilege id to seconds after the token's issueTs
         * @throws io.countersign.codec.InvalidArgumentException if a field is null, too long or not UTF-8-encodable
         */
        public Chat(String userId, Privileges privileges) {
            this(ByteString.utf8("userId", userId), privileges);
        }

        @Override
        public int type() {
            return TYPE_CHAT;
        }
    }

    /**
     * Fusion CDN: publish and play.
     *
     * @param channelName the channel
     * @param account the account
     * @param privileges privilege id to seconds after the token's issueTs
     */
    record Fcdn(ByteString channelName, ByteString account, Privileges privileges) implements Service {
        /** Privilege 1: publish. */
        public static final int PUBLISH = 1;
        /** Privilege 2: play. */
        public static final int PLAY = 2;

        /**
         * Checks the fields.
         *
         * @param channelName at most 65535 bytes
         * @param account at most 65535 bytes
         * @param privileges not null
         * @throws io.countersign.codec.InvalidArgumentException if a field breaks its rule
         */
        public Fcdn {
            Checks.u16Length("channelName", channelName);
            Checks.u16Length("account", account);
            Checks.notNull("privileges", privileges);
        }

        /**
         * From plain strings, encoded as UTF-8.
         *
         * @param channelName the channel
         * @param account the account
         * @param privileges privilege id to seconds after the token's issueTs
         * @throws io.countersign.codec.InvalidArgumentException if a field is null, too long or not UTF-8-encodable
         */
        public Fcdn(String channelName, String account, Privileges privileges) {
            this(ByteString.utf8("channelName", channelName), ByteString.utf8("account", account), privileges);
        }

        @Override
        public int type() {
            return TYPE_FCDN;
        }
    }

    /**
     * Agora platform as a service (Flexible Classroom): room user, user or app.
     *
     * @param roomUuid the room, empty for user and app tokens
     * @param userUuid the user, empty for an app token
     * @param role the user's role in the room, an int16; -1 when there is none
     * @param privileges privilege id to seconds after the token's issueTs
     */
    record Apaas(ByteString roomUuid, ByteString userUuid, short role, Privileges privileges) implements Service {
        /** Privilege 1: a user in a room. */
        public static final int ROOM_USER = 1;
        /** Privilege 2: a user. */
        public static final int USER = 2;
        /** Privilege 3: the app. */
        public static final int APP = 3;

        /**
         * Checks the fields.
         *
         * @param roomUuid at most 65535 bytes
         * @param userUuid at most 65535 bytes
         * @param role any int16
         * @param privileges not null
         * @throws io.countersign.codec.InvalidArgumentException if a field breaks its rule
         */
        public Apaas {
            Checks.u16Length("roomUuid", roomUuid);
            Checks.u16Length("userUuid", userUuid);
            Checks.notNull("privileges", privileges);
        }

        /**
         * From plain strings, encoded as UTF-8.
         *
         * @param roomUuid the room
         * @param userUuid the user
         * @param role the user's role in the room, an int16
         * @param privileges privilege id to seconds after the token's issueTs
         * @throws io.countersign.codec.InvalidArgumentException if a field is null, too long or not UTF-8-encodable
         */
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
     *
     * @param userId the RTM user
     * @param permissions the permissions per resource type, in that canonical form
     * @param privileges privilege id to seconds after the token's issueTs
     */
    record Rtm2(ByteString userId, List<Rtm2Resource> permissions, Privileges privileges) implements Service {
        /** Privilege 1: log in. */
        public static final int LOGIN = 1;

        /**
         * Checks the fields and puts the permissions in their canonical form.
         *
         * @param userId at most 65535 bytes
         * @param permissions not null, no null entry; at most 65535 resource types once merged
         * @param privileges not null
         * @throws io.countersign.codec.InvalidArgumentException if a field breaks its rule
         */
        public Rtm2 {
            Checks.u16Length("userId", userId);
            permissions = canonical(Checks.notNull("permissions", permissions));
            Checks.u16("permissions count", permissions.size());
            Checks.notNull("privileges", privileges);
        }

        /**
         * From a plain user id, encoded as UTF-8.
         *
         * @param userId the RTM user
         * @param permissions the permissions per resource type, in any order
         * @param privileges privilege id to seconds after the token's issueTs
         * @throws io.countersign.codec.InvalidArgumentException if a field breaks its rule
         */
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

    /**
     * Conversational AI engine: no fields beyond the privileges.
     *
     * @param privileges privilege id to seconds after the token's issueTs (the official builders grant none)
     */
    record ConvoAi(Privileges privileges) implements Service {
        /**
         * Checks the privileges.
         *
         * @param privileges not null
         * @throws io.countersign.codec.InvalidArgumentException if they are null
         */
        public ConvoAi {
            Checks.notNull("privileges", privileges);
        }

        @Override
        public int type() {
            return TYPE_CONVOAI;
        }
    }

    /**
     * Speech-to-text: no fields beyond the privileges.
     *
     * @param privileges privilege id to seconds after the token's issueTs (the official builders grant none)
     */
    record Stt(Privileges privileges) implements Service {
        /**
         * Checks the privileges.
         *
         * @param privileges not null
         * @throws io.countersign.codec.InvalidArgumentException if they are null
         */
        public Stt {
            Checks.notNull("privileges", privileges);
        }

        @Override
        public int type() {
            return TYPE_STT;
        }
    }

    /**
     * RTM2 permissions on one resource type.
     *
     * @param resourceType a u16, one of the constants below (0 message channels to 4 users)
     * @param permissions the permission types granted on it
     */
    record Rtm2Resource(int resourceType, List<Rtm2Permission> permissions) {
        /** Resource type 0: message channels. */
        public static final int MESSAGE_CHANNELS = 0;
        /** Resource type 1: stream channels. */
        public static final int STREAM_CHANNELS = 1;
        /** Resource type 2: group channels. */
        public static final int GROUP_CHANNELS = 2;
        /** Resource type 3: server groups. */
        public static final int SERVER_GROUPS = 3;
        /** Resource type 4: users. */
        public static final int USERS = 4;

        /**
         * Checks the fields and copies the list.
         *
         * @param resourceType within 0..65535
         * @param permissions not null, at most 65535
         * @throws io.countersign.codec.InvalidArgumentException if a field breaks its rule
         */
        public Rtm2Resource {
            Checks.u16("resourceType", resourceType);
            permissions = List.copyOf(Checks.notNull("permissions", permissions));
            Checks.u16("permissions count", permissions.size());
        }
    }

    /**
     * One permission type on a list of resources.
     *
     * @param permissionType a u16: {@link #READ} or {@link #WRITE}
     * @param resources the resource names or patterns
     */
    record Rtm2Permission(int permissionType, List<ByteString> resources) {
        /** Permission type 0: read. */
        public static final int READ = 0;
        /** Permission type 1: write. */
        public static final int WRITE = 1;

        /**
         * Checks the fields and copies the list.
         *
         * @param permissionType within 0..65535
         * @param resources not null, at most 65535, each at most 65535 bytes
         * @throws io.countersign.codec.InvalidArgumentException if a field breaks its rule
         */
        public Rtm2Permission {
            Checks.u16("permissionType", permissionType);
            resources = List.copyOf(Checks.notNull("resources", resources));
            Checks.u16("resources count", resources.size());
            for (ByteString r : resources) {
                Checks.u16Length("resource", r);
            }
        }

        /**
         * From plain strings, encoded as UTF-8.
         *
         * @param permissionType {@link #READ} or {@link #WRITE}
         * @param resources the resource names or patterns
         * @return the permission
         * @throws io.countersign.codec.InvalidArgumentException if a field breaks its rule
         */
        public static Rtm2Permission ofStrings(int permissionType, List<String> resources) {
            return new Rtm2Permission(permissionType,
                    Checks.notNull("resources", resources).stream().map(r -> ByteString.utf8("resource", r)).toList());
        }
    }
}
