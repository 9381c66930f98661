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
    /** The version prefix every 005 key starts with, under the official lower-case name. */
    public static final String version = DynamicKey5Content.VERSION;
    /** In-channel permission value "0": no upload. */
    public static final String noUpload = "0";
    /** In-channel permission value "3": audio and video upload. */
    public static final String audioVideoUpload = "3";

    /** Service type 1: join a media channel. */
    public static final short MEDIA_CHANNEL_SERVICE = 1;
    /** Service type 2: recording. */
    public static final short RECORDING_SERVICE = 2;
    /** Service type 3: public sharing. */
    public static final short PUBLIC_SHARING_SERVICE = 3;
    /** Service type 4: in-channel permission, whose extra map says whether the user may upload. */
    public static final short IN_CHANNEL_PERMISSION = 4;
    /** Extra key 1: the in-channel permission, {@link #noUpload} or {@link #audioVideoUpload}. */
    public static final short ALLOW_UPLOAD_IN_CHANNEL = 1;

    private DynamicKey5() {
    }

    /**
     * A public sharing key ({@link #PUBLIC_SHARING_SERVICE}), with the official Java's int arguments.
     *
     * @param appId the App ID, 32 hexadecimal characters (either case)
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param channelName the channel, at most 65535 UTF-8 bytes
     * @param unixTs the key's timestamp, unix seconds, read as unsigned
     * @param randomInt the salt, read as unsigned
     * @param uid the user id, within 0..4294967295
     * @param expiredTs when the key expires, unix seconds, read as unsigned
     * @return the key, {@code "005"} and base64
     * @throws io.countersign.codec.InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public static String generatePublicSharingKey(String appId, String appCertificate, String channelName, int unixTs,
                                                  int randomInt, long uid, int expiredTs) {
        return generatePublicSharingKey(appId, appCertificate, channelName, Integer.toUnsignedLong(unixTs),
                Integer.toUnsignedLong(randomInt), uid, Integer.toUnsignedLong(expiredTs));
    }

    /**
     * A public sharing key ({@link #PUBLIC_SHARING_SERVICE}).
     *
     * @param appId the App ID, 32 hexadecimal characters (either case)
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param channelName the channel, at most 65535 UTF-8 bytes
     * @param unixTs the key's timestamp, unix seconds, within 0..4294967295
     * @param randomInt the salt, within 0..4294967295
     * @param uid the user id, within 0..4294967295
     * @param expiredTs when the key expires, unix seconds, within 0..4294967295
     * @return the key, {@code "005"} and base64
     * @throws io.countersign.codec.InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public static String generatePublicSharingKey(String appId, String appCertificate, String channelName, long unixTs,
                                                  long randomInt, long uid, long expiredTs) {
        return generate(PUBLIC_SHARING_SERVICE, appId, appCertificate, channelName, unixTs, randomInt, uid, expiredTs, Map.of());
    }

    /**
     * A recording key ({@link #RECORDING_SERVICE}), with the official Java's int arguments.
     *
     * @param appId the App ID, 32 hexadecimal characters (either case)
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param channelName the channel, at most 65535 UTF-8 bytes
     * @param unixTs the key's timestamp, unix seconds, read as unsigned
     * @param randomInt the salt, read as unsigned
     * @param uid the user id, within 0..4294967295
     * @param expiredTs when the key expires, unix seconds, read as unsigned
     * @return the key, {@code "005"} and base64
     * @throws io.countersign.codec.InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public static String generateRecordingKey(String appId, String appCertificate, String channelName, int unixTs,
                                              int randomInt, long uid, int expiredTs) {
        return generateRecordingKey(appId, appCertificate, channelName, Integer.toUnsignedLong(unixTs),
                Integer.toUnsignedLong(randomInt), uid, Integer.toUnsignedLong(expiredTs));
    }

    /**
     * A recording key ({@link #RECORDING_SERVICE}).
     *
     * @param appId the App ID, 32 hexadecimal characters (either case)
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param channelName the channel, at most 65535 UTF-8 bytes
     * @param unixTs the key's timestamp, unix seconds, within 0..4294967295
     * @param randomInt the salt, within 0..4294967295
     * @param uid the user id, within 0..4294967295
     * @param expiredTs when the key expires, unix seconds, within 0..4294967295
     * @return the key, {@code "005"} and base64
     * @throws io.countersign.codec.InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public static String generateRecordingKey(String appId, String appCertificate, String channelName, long unixTs,
                                              long randomInt, long uid, long expiredTs) {
        return generate(RECORDING_SERVICE, appId, appCertificate, channelName, unixTs, randomInt, uid, expiredTs, Map.of());
    }

    /**
     * A media channel key ({@link #MEDIA_CHANNEL_SERVICE}), with the official Java's int arguments.
     *
     * @param appId the App ID, 32 hexadecimal characters (either case)
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param channelName the channel, at most 65535 UTF-8 bytes
     * @param unixTs the key's timestamp, unix seconds, read as unsigned
     * @param randomInt the salt, read as unsigned
     * @param uid the user id, within 0..4294967295
     * @param expiredTs when the key expires, unix seconds, read as unsigned
     * @return the key, {@code "005"} and base64
     * @throws io.countersign.codec.InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public static String generateMediaChannelKey(String appId, String appCertificate, String channelName, int unixTs,
                                                 int randomInt, long uid, int expiredTs) {
        return generateMediaChannelKey(appId, appCertificate, channelName, Integer.toUnsignedLong(unixTs),
                Integer.toUnsignedLong(randomInt), uid, Integer.toUnsignedLong(expiredTs));
    }

    /**
     * A media channel key ({@link #MEDIA_CHANNEL_SERVICE}).
     *
     * @param appId the App ID, 32 hexadecimal characters (either case)
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param channelName the channel, at most 65535 UTF-8 bytes
     * @param unixTs the key's timestamp, unix seconds, within 0..4294967295
     * @param randomInt the salt, within 0..4294967295
     * @param uid the user id, within 0..4294967295
     * @param expiredTs when the key expires, unix seconds, within 0..4294967295
     * @return the key, {@code "005"} and base64
     * @throws io.countersign.codec.InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public static String generateMediaChannelKey(String appId, String appCertificate, String channelName, long unixTs,
                                                 long randomInt, long uid, long expiredTs) {
        return generate(MEDIA_CHANNEL_SERVICE, appId, appCertificate, channelName, unixTs, randomInt, uid, expiredTs, Map.of());
    }

    /**
     * An in-channel permission key ({@link #IN_CHANNEL_PERMISSION}), with the official Java's int arguments.
     *
     * @param appId the App ID, 32 hexadecimal characters (either case)
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param channelName the channel, at most 65535 UTF-8 bytes
     * @param unixTs the key's timestamp, unix seconds, read as unsigned
     * @param randomInt the salt, read as unsigned
     * @param uid the user id, within 0..4294967295
     * @param expiredTs when the key expires, unix seconds, read as unsigned
     * @param permission {@link #noUpload} or {@link #audioVideoUpload}; any string is packed as given, at most 65535 UTF-8 bytes
     * @return the key, {@code "005"} and base64
     * @throws io.countersign.codec.InvalidArgumentException if an argument breaks its rule; the exception names it
     */
    public static String generateInChannelPermissionKey(String appId, String appCertificate, String channelName,
                                                        int unixTs, int randomInt, long uid, int expiredTs,
                                                        String permission) {
        return generateInChannelPermissionKey(appId, appCertificate, channelName, Integer.toUnsignedLong(unixTs),
                Integer.toUnsignedLong(randomInt), uid, Integer.toUnsignedLong(expiredTs), permission);
    }

    /**
     * An in-channel permission key ({@link #IN_CHANNEL_PERMISSION}).
     *
     * @param appId the App ID, 32 hexadecimal characters (either case)
     * @param appCertificate the App Certificate it is signed with, 32 hexadecimal characters (never shown in an error)
     * @param channelName the channel, at most 65535 UTF-8 bytes
     * @param unixTs the key's timestamp, unix seconds, within 0..4294967295
     * @param randomInt the salt, within 0..4294967295
     * @param uid the user id, within 0..4294967295
     * @param expiredTs when the key expires, unix seconds, within 0..4294967295
     * @param permission {@link #noUpload} or {@link #audioVideoUpload}; any string is packed as given, at most 65535 UTF-8 bytes
     * @return the key, {@code "005"} and base64
     * @throws io.countersign.codec.InvalidArgumentException if an argument breaks its rule; the exception names it
     */
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
