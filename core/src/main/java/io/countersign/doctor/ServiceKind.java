package io.countersign.doctor;

import java.util.List;

/**
 * The services a 007 token can carry, by their u16 type, with the official privilege names
 * (agora-token's {@code ServiceRtc.kPrivilegeJoinChannel} and the like; privilege ids count
 * from 1 in this order). 006 tokens grant RTC and RTM through their privilege ids.
 */
public enum ServiceKind {
    RTC(1, "RTC", "real-time audio and video",
            "kPrivilegeJoinChannel", "kPrivilegePublishAudioStream", "kPrivilegePublishVideoStream", "kPrivilegePublishDataStream"),
    RTM(2, "RTM", "real-time messaging 1.x", "kPrivilegeLogin"),
    STREAMING(3, "Streaming", "media streaming", "kPrivilegePublishMixStream", "kPrivilegePublishRawStream"),
    FPA(4, "FPA", "full-path acceleration", "kPrivilegeLogin"),
    CHAT(5, "Chat", "chat", "kPrivilegeUser", "kPrivilegeApp"),
    FCDN(6, "FCDN", "fusion CDN", "kPrivilegePublish", "kPrivilegePlay"),
    APAAS(7, "APaaS", "Flexible Classroom", "PRIVILEGE_ROOM_USER", "PRIVILEGE_USER", "PRIVILEGE_APP"),
    RTM2(8, "RTM2", "real-time messaging 2.x", "kPrivilegeLogin"),
    CONVOAI(9, "ConvoAI", "conversational AI engine"),
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

    /** The u16 type a 007 token writes before the service. */
    public int type() {
        return type;
    }

    /** Short name, e.g. "RTC". */
    public String label() {
        return label;
    }

    /** What the service is, e.g. "real-time audio and video". */
    public String description() {
        return description;
    }

    /** The official name of privilege {@code id}, or "privilege N" for an id the officials do not name. */
    public String privilegeName(int id) {
        return id >= 1 && id <= privilegeNames.size() ? privilegeNames.get(id - 1) : "privilege " + id;
    }

    /** The id of the privilege with this official name (any case) or decimal id, or -1 if this service has none such. */
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

    /** The service of 007 type {@code type}, or null for a type this version does not know. */
    public static ServiceKind ofType(int type) {
        for (ServiceKind kind : values()) {
            if (kind.type == type) {
                return kind;
            }
        }
        return null;
    }

    /** The service by label or enum name, ignoring case ("rtc", "RTM2"); null if none. */
    public static ServiceKind ofName(String name) {
        for (ServiceKind kind : values()) {
            if (kind.label.equalsIgnoreCase(name) || kind.name().equalsIgnoreCase(name)) {
                return kind;
            }
        }
        return null;
    }
}
