package io.countersign.dynamickey5;

import io.countersign.codec.ByteString;
import io.countersign.internal.Checks;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The content of a 005 key (DynamicKey5): the service type (u16), the App ID, the timestamp,
 * salt (the official builders' {@code randomInt}), uid and expiry (all u32), the channel name
 * and the extra map (u16 key to string; in-channel permission keys carry {@code {1: "0"|"3"}}).
 * The key carries the App ID as 16 raw bytes, so {@code appId} is kept in lower case whatever
 * case it was given in; it carries neither channel name nor uid, so both must be given again
 * to verify it. Immutable.
 *
 * @param serviceType the service, a u16 ({@link DynamicKey5#MEDIA_CHANNEL_SERVICE} and the rest)
 * @param appId the App ID, 32 hexadecimal characters, kept in lower case
 * @param unixTs the key's timestamp, unix seconds (u32)
 * @param salt the salt, the official builders' {@code randomInt} (u32)
 * @param channelName the channel it is bound to (signed, not carried)
 * @param uid the uid it is bound to (signed, not carried), a u32
 * @param expiredTs when the key expires, unix seconds (u32)
 * @param extra extra key (u16) to value, sorted by key
 */
public record DynamicKey5Content(int serviceType, String appId, long unixTs, long salt, ByteString channelName,
                                 long uid, long expiredTs, SortedMap<Integer, ByteString> extra) {
    /** The version prefix every 005 key starts with. */
    public static final String VERSION = "005";

    /**
     * Checks every field, lower-cases the App ID and copies the extra map.
     *
     * @param serviceType within 0..65535
     * @param appId 32 hexadecimal characters
     * @param unixTs within 0..4294967295
     * @param salt within 0..4294967295
     * @param channelName at most 65535 bytes
     * @param uid within 0..4294967295
     * @param expiredTs within 0..4294967295
     * @param extra not null; keys within 0..65535, values at most 65535 bytes, at most 65535 entries
     * @throws io.countersign.codec.InvalidArgumentException if a field breaks its rule
     */
    public DynamicKey5Content {
        Checks.u16("serviceType", serviceType);
        appId = Checks.hex32("appId", appId).toLowerCase(Locale.ROOT);
        Checks.u32("unixTs", unixTs);
        Checks.u32("salt", salt);
        Checks.u16Length("channelName", channelName);
        Checks.u32("uid", uid);
        Checks.u32("expiredTs", expiredTs);
        extra = checkedExtra(Checks.notNull("extra", extra));
    }

    /**
     * From a plain channel name and extra values, encoded as UTF-8.
     *
     * @param serviceType within 0..65535
     * @param appId 32 hexadecimal characters
     * @param unixTs unix seconds, a u32
     * @param salt a u32
     * @param channelName the channel
     * @param uid a u32
     * @param expiredTs unix seconds, a u32
     * @param extra extra key to value, e.g. {@code Map.of(1, "3")} for an in-channel permission
     * @throws io.countersign.codec.InvalidArgumentException if a field breaks its rule
     */
    public DynamicKey5Content(int serviceType, String appId, long unixTs, long salt, String channelName, long uid,
                              long expiredTs, Map<Integer, String> extra) {
        this(serviceType, appId, unixTs, salt, ByteString.utf8("channelName", channelName), uid, expiredTs,
                utf8(Checks.notNull("extra", extra)));
    }

    private static SortedMap<Integer, ByteString> checkedExtra(Map<Integer, ByteString> extra) {
        TreeMap<Integer, ByteString> copy = new TreeMap<>();
        extra.forEach((key, value) -> {
            Checks.u16("extra key", Checks.notNull("extra key", key));
            copy.put(key, Checks.u16Length("extra[" + key + "]", value));
        });
        Checks.u16("extra count", copy.size());
        return Collections.unmodifiableSortedMap(copy);
    }

    private static SortedMap<Integer, ByteString> utf8(Map<Integer, String> extra) {
        TreeMap<Integer, ByteString> bytes = new TreeMap<>();
        extra.forEach((key, value) -> bytes.put(Checks.notNull("extra key", key), ByteString.utf8("extra[" + key + "]", value)));
        return bytes;
    }
}
