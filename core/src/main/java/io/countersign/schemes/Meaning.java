package io.countersign.schemes;

/** What a builder argument means, whatever the builder calls it. */
public enum Meaning {
    APP_ID("the Agora App ID, 32 hexadecimal characters"),
    APP_CERTIFICATE("the App Certificate that signs the token (a secret), 32 hexadecimal characters"),
    NETLESS_AK("the Netless (whiteboard) access key"),
    NETLESS_SK("the Netless (whiteboard) secret key that signs the token (a secret)"),
    CHANNEL_NAME("the RTC channel name"),
    STREAM_CHANNEL("the RTC channel an RTM user joins as a stream channel, or \"*\" for any"),
    UID("the numeric RTC user id, 0..4294967295; 0 lets any uid join"),
    ACCOUNT("the RTC user account (a string user id)"),
    RTM_USER_ID("the RTM user id"),
    CHAT_USER_ID("the Chat user id"),
    SIGNALING_ACCOUNT("the signaling account"),
    ROOM_UUID("the Flexible Classroom room id"),
    USER_UUID("the Flexible Classroom user id"),
    RTC_ROLE("the RTC role: 1 publisher (join and publish), 2 subscriber (join only)"),
    ACCESS_TOKEN_ROLE("the 006 role: 0 attendee, 1 publisher, 2 subscriber, 101 admin"),
    APAAS_ROLE("the Flexible Classroom role, a signed 16-bit integer"),
    TOKEN_LIFETIME("seconds from now until the token expires"),
    PRIVILEGE_LIFETIME("seconds from now until a privilege expires (0: as long as the token)"),
    EXPIRY_TIMESTAMP("the unix time, in seconds, at which the privileges expire (absolute, not a duration)"),
    LIFESPAN_MS("milliseconds from now until the token expires (0: never)"),
    RTM2_PERMISSIONS("RTM resource permissions: [{resourceType, permissions: [{permissionType, resources: [...]}]}]"),
    NETLESS_CONTENT("the whiteboard token's content: {\"role\": \"0\"|\"1\"|\"2\"} plus \"uuid\" for room and task tokens"),
    DYNAMIC_KEY_PERMISSION("the in-channel permission value (005)"),
    ISSUE_TIMESTAMP("the unix time, in seconds, the key is issued at: the clock, passed as an argument (005)"),
    RANDOM_SALT("the random number of the key: the salt, passed as an argument (005)");

    private final String description;

    Meaning(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Whether the argument is a signing secret: it comes from the environment or a file, never from a request. */
    public boolean isSecret() {
        return this == APP_CERTIFICATE || this == NETLESS_SK;
    }

    /** Whether the argument is the clock or randomness, which a token server supplies itself. */
    public boolean isClockOrRandom() {
        return this == ISSUE_TIMESTAMP || this == RANDOM_SALT;
    }
}
