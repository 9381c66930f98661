package io.countersign.doctor;

import java.util.List;

/**
 * The services a 007 token can carry, by their u16 type, with the official privilege names
 * (agora-token's {@code ServiceRtc.kPrivilegeJoinChannel} and the like; privilege ids count
 * from 1 in this order). 006 tokens grant RTC and RTM through their privilege ids.
 */
public enum ServiceKind {
    /** Type 1: RTC; privileges 1 join, 2 audio, 3 video, 4 data. */
    RTC(1, "RTC", "real-time audio and video",
            "kPrivilegeJoinChannel", "kPrivilegePublishAudioStream", "kPrivilegePublishVideoStream", "kPrivilegePublishDataStream"),
    /** Type 2: RTM 1.x login. */
    RTM(2, "RTM", "real-time messaging 1.x", "kPrivilegeLogin"),
    /** Type 3: media streaming; privileges 1 mixed, 2 raw. */
    STREAMING(3, "Streaming", "media streaming", "kPrivilegePublishMixStream", "kPrivilegePublishRawStream"),
    /** Type 4: full-path acceleration login. */
    FPA(4, "FPA", "full-path acceleration", "kPrivilegeLogin"),
    /** Type 5: Chat; privileges 1 user, 2 app. */
    CHAT(5, "Chat", "chat", "kPrivilegeUser", "kPrivilegeApp"),
    /** Type 6: Fusion CDN; privileges 1 publish, 2 play. */
    FCDN(6, "FCDN", "fusion CDN", "kPrivilegePublish", "kPrivilegePlay"),
    /** Type 7: Flexible Classroom; privileges 1 room user, 2 user, 3 app. */
    APAAS(7, "APaaS", "Flexible Classroom", "PRIVILEGE_ROOM_USER", "PRIVILEGE_USER", "PRIVILEGE_APP"),
    /** Type 8: RTM 2.x login. */
    RTM2(8, "RTM2", "real-time messaging 2.x", "kPrivilegeLogin"),
    /** Type 9: Conversational AI; no named privileges. */
    CONVOAI(9, "ConvoAI", "conversational AI engine"),
    /** Type 10: speech-to-text; no named privileges. */
    STT(10, "STT", "speech-to-text");

    private final int type;
    private final String label;
    private final String description;
    private final List<String> privilegeNames;

    ServiceKind(int type, String label, String description, String... privilegeNames) {
        this.type = type;
        this.label = label;
        this.description = description;
        this.privilegeNames = List.of(privilegeNames);
    }

    /** {@return the u16 type a 007 token writes before the service} */
    public int type() {
        return type;
    }

    /** {@return the short name, e.g. "RTC"} */
    public String label() {
        return label;
    }

    /** {@return what the service is, e.g. "real-time audio and video"} */
    public String description() {
        return description;
    }

    /**
     * The official name of privilege {@code id}.
     *
     * @param id a privilege id of this service
     * @return e.g. "kPrivilegeJoinChannel", or "privilege N" for an id the officials do not name
     */
    public String privilegeName(int id) {
        return id >= 1 && id <= privilegeNames.size() ? privilegeNames.get(id - 1) : "privilege " + id;
    }

    /**
     * The id of a privilege by official name or number.
     *
     * @param nameOrId an official name in any case ("kprivilegejoinchannel") or a decimal id within 0..65535
     * @return the id, or -1 if it is neither
     */
    public int privilegeId(String nameOrId) {
        for (int i = 0; i < privilegeNames.size(); i++) {
            if (privilegeNames.get(i).equalsIgnoreCase(nameOrId)) {
                return i + 1;
            }
        }
        if (nameOrId.matches("[0-9]{1,5}") && Integer.parseInt(nameOrId) <= 0xFFFF) {
            return Integer.parseInt(nameOrId);
        }
        return -1;
    }

    /**
     * The service of a 007 type.
     *
     * @param type the u16 type
     * @return the service, or null for a type this version does not know
     */
    public static ServiceKind ofType(int type) {
        for (ServiceKind kind : values()) {
            if (kind.type == type) {
                return kind;
            }
        }
        return null;
    }

    /**
     * The service by label or enum name, ignoring case ("rtc", "RTM2", "apaas").
     *
     * @param name the label or enum name
     * @return the service, or null if none has it
     */
    public static ServiceKind ofName(String name) {
        for (ServiceKind kind : values()) {
            if (kind.label.equalsIgnoreCase(name) || kind.name().equalsIgnoreCase(name)) {
                return kind;
            }
        }
        return null;
    }
}
