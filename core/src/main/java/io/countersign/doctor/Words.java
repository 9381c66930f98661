package io.countersign.doctor;

import io.countersign.codec.ByteString;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The words the token doctor uses, in one place: official names the officials give privileges
 * and key types, Agora's channel-name rule, and how times and durations are written. The
 * inspector page carries a JavaScript copy; its browser test checks it against these.
 */
public final class Words {
    /** Agora's documented maximum token lifetime: "A token is valid for a maximum of 24 hours". */
    static final long MAX_LIFETIME_SECONDS = 24 * 3600;
    /** Channel names are at most 64 bytes (joinChannel API reference). */
    public static final int MAX_CHANNEL_NAME_BYTES = 64;
    private static final String PUNCTUATION = "!#$%&()+-:;<=.>?@[]^_{}|~,";
    /**
     * The 89 characters Agora allows in channel names, user accounts and RTM user IDs
     * (joinChannel API reference; the same list is in the official builders' docs).
     */
    public static final String AGORA_NAME_CHARACTERS = "a-z, A-Z, 0-9, space and " + PUNCTUATION;

    private Words() {
    }

    /** A scheme's protocol name in words, e.g. "AccessToken2 (007)". */
    static String schemeTitle(String scheme) {
        switch (scheme) {
            case "007": return "AccessToken2 (007)";
            case "006": return "AccessToken (006)";
            case "005": return "DynamicKey5 (005)";
            case "signaling": return "signaling token";
            case "netless": return "Netless whiteboard token";
            default: return scheme;
        }
    }

    /** 006 privilege names, as the official {@code AccessToken.Privileges} enum has them. */
    static String accessTokenPrivilege(int id) {
        switch (id) {
            case 1: return "kJoinChannel";
            case 2: return "kPublishAudioStream";
            case 3: return "kPublishVideoStream";
            case 4: return "kPublishDataStream";
            case 1000: return "kRtmLogin";
            default: return "privilege " + id;
        }
    }

    /** 005 service types, as the official {@code DynamicKey5} constants name them. */
    static String dynamicKey5Service(int type) {
        switch (type) {
            case 1: return "MEDIA_CHANNEL_SERVICE (media channel key)";
            case 2: return "RECORDING_SERVICE (recording key)";
            case 3: return "PUBLIC_SHARING_SERVICE (public sharing key)";
            case 4: return "IN_CHANNEL_PERMISSION (in-channel permission key)";
            default: return "service type " + type + " (no official builder writes it)";
        }
    }

    /** 005 extra entries: key 1 is ALLOW_UPLOAD_IN_CHANNEL, "0" noUpload, "3" audioVideoUpload. */
    static String dynamicKey5Extra(int key, String value) {
        if (key != 1) {
            return "extra key " + key + " (no official builder writes it)";
        }
        switch (value) {
            case "0": return "ALLOW_UPLOAD_IN_CHANNEL: noUpload";
            case "3": return "ALLOW_UPLOAD_IN_CHANNEL: audioVideoUpload";
            default: return "ALLOW_UPLOAD_IN_CHANNEL: a value no official builder writes";
        }
    }

    /** RTM2 resource types. */
    static String rtm2Resource(int type) {
        switch (type) {
            case 0: return "message channels";
            case 1: return "stream channels";
            case 2: return "group channels";
            case 3: return "server groups";
            case 4: return "users";
            default: return "resource type " + type;
        }
    }

    /** RTM2 permission types. */
    static String rtm2Permission(int type) {
        switch (type) {
            case 0: return "read";
            case 1: return "write";
            default: return "permission type " + type;
        }
    }

    /**
     * Why {@code channelName} breaks Agora's rule (1..64 bytes of a-z, A-Z, 0-9, space and
     * {@code !#$%&()+-:;<=.>?@[]^_{}|~,}), or null if it keeps it.
     */
    static String channelNameProblem(ByteString channelName) {
        if (channelName.length() == 0) {
            return "the channel name is empty";
        }
        for (int i = 0; i < channelName.length(); i++) {
            int c = channelName.byteAt(i) & 0xFF;
            if (!isAgoraNameCharacter(c)) {
                return "byte " + (i + 1) + " of the channel name (" + (c >= 0x21 && c < 0x7F ? "'" + (char) c + "'"
                        : String.format("0x%02X", c)) + ") is not one of " + AGORA_NAME_CHARACTERS;
            }
        }
        if (channelName.length() > MAX_CHANNEL_NAME_BYTES) {
            return "the channel name has " + channelName.length() + " bytes, Agora allows at most " + MAX_CHANNEL_NAME_BYTES;
        }
        return null;
    }

    /**
     * Whether {@code c} is one of {@link #AGORA_NAME_CHARACTERS}.
     *
     * @param c a byte (0..255) or a char
     * @return true if Agora allows it in a channel name, user account or RTM user ID
     */
    public static boolean isAgoraNameCharacter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' '
                || c < 0x80 && PUNCTUATION.indexOf(c) >= 0;
    }

    /**
     * Unix seconds as {@code 2023-11-14 22:13:20 UTC}.
     *
     * @param epochSeconds unix seconds
     * @return the time in UTC, to the second
     */
    public static String utc(long epochSeconds) {
        return utcMillis(epochSeconds * 1000);
    }

    /**
     * Unix milliseconds as {@code 2023-11-14 22:13:20 UTC}, with {@code .mmm} when not a whole second.
     *
     * @param epochMillis unix milliseconds
     * @return the time in UTC
     */
    public static String utcMillis(long epochMillis) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000), 0, ZoneOffset.UTC);
        long millis = Math.floorMod(epochMillis, 1000);
        return String.format("%04d-%02d-%02d %02d:%02d:%02d%s UTC", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond(), millis == 0 ? "" : String.format(".%03d", millis));
    }

    /** A span of seconds in its two largest units: {@code 45 s}, {@code 10 min}, {@code 1 h 30 min}, {@code 41 d 16 h}. */
    static String duration(long seconds) {
        long s = Math.abs(seconds);
        long[] amounts = {s / 86400, s / 3600 % 24, s / 60 % 60, s % 60};
        String[] units = {"d", "h", "min", "s"};
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < amounts.length && shown < 2; i++) {
            if (amounts[i] != 0) {
                sb.append(sb.length() == 0 ? "" : " ").append(amounts[i]).append(' ').append(units[i]);
                shown++;
            } else if (shown > 0) {
                break;
            }
        }
        return sb.length() == 0 ? "0 s" : sb.toString();
    }

    /**
     * {@code then} relative to {@code now}: {@code in 10 min}, {@code 2 h ago}, {@code now}.
     *
     * @param then the time to describe, unix seconds
     * @param now the present, unix seconds
     * @return the distance in its two largest units, with "in" or "ago"
     */
    public static String relative(long then, long now) {
        if (then == now) {
            return "now";
        }
        return then > now ? "in " + duration(then - now) : duration(now - then) + " ago";
    }
}
