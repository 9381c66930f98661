package io.countersign.dynamickey5;

import io.countersign.internal.Checks;

import java.util.Map;

/**
 * 005 keys with the official {@code io.agora.media.DynamicKey5} names, constants and argument
 * order. The int overloads take the official Java signature and read each int as unsigned,
 * which packs the same bits the official Java does; the long overloads take u32 values and
 * reject anything outside. Every official builder's argument is used as given: the timestamp
 * and {@code randomInt} (the salt) are the caller's. Thread-safe.
 */
public final class DynamicKey5 {
    public static final String version = DynamicKey5Content.VERSION;
    /** In-channel permission values: no upload, or audio and video upload. */
    public static final String noUpload = "0";
    public static final String audioVideoUpload = "3";

    public static final short MEDIA_CHANNEL_SERVICE = 1;
    public static final short RECORDING_SERVICE = 2;
    public static final short PUBLIC_SHARING_SERVICE = 3;
    public static final short IN_CHANNEL_PERMISSION = 4;
    /** The extra key of the in-channel permission. */
    public static final short ALLOW_UPLOAD_IN_CHANNEL = 1;

    private DynamicKey5() {
    }

    public static String generatePublicSharingKey(String appId, String appCertificate, String channelName, int unixTs,
                                                  int randomInt, long uid, int expiredTs) {
        return generatePublicSharingKey(appId, appCertificate, channelName, Integer.toUnsignedLong(unixTs),
                Integer.toUnsignedLong(randomInt), uid, Integer.toUnsignedLong(expiredTs));
    }

    public static String generatePublicSharingKey(String appId, String appCertificate, String channelName, long unixTs,
                                                  long randomInt, long uid, long expiredTs) {
        return generate(PUBLIC_SHARING_SERVICE, appId, appCertificate, channelName, unixTs, randomInt, uid, expiredTs, Map.of());
    }

    public static String generateRecordingKey(String appId, String appCertificate, String channelName, int unixTs,
                                              int randomInt, long uid, int expiredTs) {
        return generateRecordingKey(appId, appCertificate, channelName, Integer.toUnsignedLong(unixTs),
                Integer.toUnsignedLong(randomInt), uid, Integer.toUnsignedLong(expiredTs));
    }

    public static String generateRecordingKey(String appId, String appCertificate, String channelName, long unixTs,
                                              long randomInt, long uid, long expiredTs) {
        return generate(RECORDING_SERVICE, appId, appCertificate, channelName, unixTs, randomInt, uid, expiredTs, Map.of());
    }

    public static String generateMediaChannelKey(String appId, String appCertificate, String channelName, int unixTs,
                                                 int randomInt, long uid, int expiredTs) {
        return generateMediaChannelKey(appId, appCertificate, channelName, Integer.toUnsignedLong(unixTs),
                Integer.toUnsignedLong(randomInt), uid, Integer.toUnsignedLong(expiredTs));
    }

    public static String generateMediaChannelKey(String appId, String appCertificate, String channelName, long unixTs,
                                                 long randomInt, long uid, long expiredTs) {
        return generate(MEDIA_CHANNEL_SERVICE, appId, appCertificate, channelName, unixTs, randomInt, uid, expiredTs, Map.of());
    }

    /** {@code permission} is {@link #noUpload} or {@link #audioVideoUpload} (any string is packed as given). */
    public static String generateInChannelPermissionKey(String appId, String appCertificate, String channelName,
                                                        int unixTs, int randomInt, long uid, int expiredTs,
                                                        String permission) {
        return generateInChannelPermissionKey(appId, appCertificate, channelName, Integer.toUnsignedLong(unixTs),
                Integer.toUnsignedLong(randomInt), uid, Integer.toUnsignedLong(expiredTs), permission);
    }

    public static String generateInChannelPermissionKey(String appId, String appCertificate, String channelName,
                                                        long unixTs, long randomInt, long uid, long expiredTs,
                                                        String permission) {
        return generate(IN_CHANNEL_PERMISSION, appId, appCertificate, channelName, unixTs, randomInt, uid, expiredTs,
                Map.of((int) ALLOW_UPLOAD_IN_CHANNEL, Checks.notNull("permission", permission)));
    }

    private static String generate(int serviceType, String appId, String appCertificate, String channelName, long unixTs,
                                   long randomInt, long uid, long expiredTs, Map<Integer, String> extra) {
        Checks.hex32Secret("appCertificate", appCertificate);
        DynamicKey5Content key = new DynamicKey5Content(serviceType, appId, unixTs, Checks.u32("randomInt", randomInt),
                Checks.notNull("channelName", channelName), uid, expiredTs, extra);
        return DynamicKey5Codec.encode(key, appCertificate);
    }
}
