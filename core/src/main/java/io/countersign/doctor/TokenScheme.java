package io.countersign.doctor;

/** The five token formats, told apart by how the token text starts. */
public enum TokenScheme {
    /** AccessToken2, {@code "007"} then base64 of a zlib stream. */
    ACCESS_TOKEN_2("007", "AccessToken2 (007)"),
    /** AccessToken, {@code "006"}, the App ID, then base64. */
    ACCESS_TOKEN("006", "AccessToken (006)"),
    /** DynamicKey5, {@code "005"} then base64. */
    DYNAMIC_KEY_5("005", "DynamicKey5 (005)"),
    /** Signaling (RTM 1.x login), {@code "1:appId:expiredTs:md5"}. */
    SIGNALING("signaling", "signaling token"),
    /** Netless whiteboard, {@code NETLESSSDK_}, {@code NETLESSROOM_} or {@code NETLESSTASK_} then base64url. */
    NETLESS("netless", "Netless whiteboard token");

    private final String id;
    private final String title;

    TokenScheme(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The scheme's short name, as PROTOCOL.md and the vectors write it: 007, 006, 005, signaling, netless. */
    public String id() {
        return id;
    }

    /** The scheme in words, e.g. "AccessToken2 (007)". */
    public String title() {
        return title;
    }

    /** The scheme {@code token} claims by its start, or null if it starts like none of them. */
    public static TokenScheme of(String token) {
        if (token == null) {
            return null;
        }
        if (token.startsWith("007")) {
            return ACCESS_TOKEN_2;
        }
        if (token.startsWith("006")) {
            return ACCESS_TOKEN;
        }
        if (token.startsWith("005")) {
            return DYNAMIC_KEY_5;
        }
        if (token.startsWith("1:")) {
            return SIGNALING;
        }
        if (token.startsWith("NETLESSSDK_") || token.startsWith("NETLESSROOM_") || token.startsWith("NETLESSTASK_")) {
            return NETLESS;
        }
        return null;
    }
}
