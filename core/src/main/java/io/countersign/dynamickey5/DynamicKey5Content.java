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
 */
public record DynamicKey5Content(int serviceType, String appId, long unixTs, long salt, ByteString channelName,
                                 long uid, long expiredTs, SortedMap<Integer, ByteString> extra) {
    public static final String VERSION = "005";

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
