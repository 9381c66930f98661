package io.countersign.schemes;

/** What a builder argument means, whatever the builder calls it. */
public enum Meaning {
    /** An App ID. */
    APP_ID("the Agora App ID, 32 hexadecimal characters"),
    /** An App Certificate: a secret. */
    APP_CERTIFICATE("the App Certificate that signs the token (a secret), 32 hexadecimal characters"),
    /** A Netless access key. */
    NETLESS_AK("the Netless (whiteboard) access key"),
    /** A Netless secret key: a secret. */
    NETLESS_SK("the Netless (whiteboard) secret key that signs the token (a secret)"),
    /** An RTC channel name. */
    CHANNEL_NAME("the RTC channel name"),
    /** The stream channel of an RTM token, or "*". */
    STREAM_CHANNEL("the RTC channel an RTM user joins as a stream channel, or \"*\" for any"),
    /** A numeric RTC uid; 0 for any. */
    UID("the numeric RTC user id, 0..4294967295; 0 lets any uid join"),
    /** An RTC user account. */
    ACCOUNT("the RTC user account (a string user id)"),
    /** An RTM user id. */
    RTM_USER_ID("the RTM user id"),
    /** A Chat user id. */
    CHAT_USER_ID("the Chat user id"),
    /** A signaling account. */
    SIGNALING_ACCOUNT("the signaling account"),
    /** A Flexible Classroom room id. */
    ROOM_UUID("the Flexible Classroom room id"),
    /** A Flexible Classroom user id. */
    USER_UUID("the Flexible Classroom user id"),
    /** A 007 RTC role, 1 or 2. */
    RTC_ROLE("the RTC role: 1 publisher (join and publish), 2 subscriber (join only)"),
    /** A 006 role, 0, 1, 2 or 101. */
    ACCESS_TOKEN_ROLE("the 006 role: 0 attendee, 1 publisher, 2 subscriber, 101 admin"),
    /** A Flexible Classroom role, an int16. */
    APAAS_ROLE("the Flexible Classroom role, a signed 16-bit integer"),
    /** A token lifetime, seconds from now. */
    TOKEN_LIFETIME("seconds from now until the token expires"),
    /** A privilege lifetime, seconds from now. */
    PRIVILEGE_LIFETIME("seconds from now until a privilege expires (0: as long as the token)"),
    /** An absolute expiry, unix seconds. */
    EXPIRY_TIMESTAMP("the unix time, in seconds, at which the privileges expire (absolute, not a duration)"),
    /** A Netless lifespan, milliseconds from now; 0 for never. */
    LIFESPAN_MS("milliseconds from now until the token expires (0: never)"),
    /** RTM2 resource permissions. */
    RTM2_PERMISSIONS("RTM resource permissions: [{resourceType, permissions: [{permissionType, resources: [...]}]}]"),
    /** A Netless token's content object. */
    NETLESS_CONTENT("the whiteboard token's content: {\"role\": \"0\"|\"1\"|\"2\"} plus \"uuid\" for room and task tokens"),
    /** A 005 in-channel permission value. */
    DYNAMIC_KEY_PERMISSION("the in-channel permission value (005)"),
    /** A 005 key's issue time, passed in by the caller. */
    ISSUE_TIMESTAMP("the unix time, in seconds, the key is issued at: the clock, passed as an argument (005)"),
    /** A 005 key's salt, passed in by the caller. */
    RANDOM_SALT("the random number of the key: the salt, passed as an argument (005)");

    private final String description;

    Meaning(String description) {
        this.description = description;
    }

    /** {@return one line for a person: what the argument is, its unit and range} */
    public String description() {
        return description;
    }

    /**
     * Whether the argument is a signing secret: it comes from the environment or a file, never from a request.
     *
     * @return true for {@link #APP_CERTIFICATE} and {@link #NETLESS_SK}
     */
    public boolean isSecret() {
        return this == APP_CERTIFICATE || this == NETLESS_SK;
    }

    /**
     * Whether the argument is the clock or randomness, which a token server supplies itself.
     *
     * @return true for {@link #ISSUE_TIMESTAMP} and {@link #RANDOM_SALT}
     */
    public boolean isClockOrRandom() {
        return this == ISSUE_TIMESTAMP || this == RANDOM_SALT;
    }
}
