package io.countersign.netless;

import io.countersign.internal.Base64Codec;
import io.countersign.internal.Hmac;
import io.countersign.codec.InvalidArgumentException;
import io.countersign.codec.TokenSigner;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Signs netless tokens into caller-supplied buffers, reusing its digest and scratch arrays, so
 * after warm-up (once the scratch arrays have grown to the largest content seen) a token costs
 * no allocation; the String API allocates only the String it returns. The inputs are Strings
 * because the format is defined on JavaScript strings, but they are read char by char straight
 * into the JSON and query bytes. Not thread-safe: keep one per thread ({@link NetlessCodec}
 * does that for you).
 *
 * <p>The format, as netless-token 1.0.2 builds it: the fields are sorted by name; the signed
 * message is the UTF-8 of {@code JSON.stringify} of that object without {@code sig}, every
 * value a string: {@code {"ak":..,"expireAt":..,"nonce":..,"role":..,"uuid":..}} ({@code
 * expireAt} and {@code uuid} only when present); {@code sig} is the lower-case hex of
 * HMAC-SHA256 keyed with the UTF-8 of the secret key {@code sk}; the token is the prefix plus
 * unpadded base64url of the query string {@code ak=..&expireAt=..&nonce=..&role=..&sig=..&uuid=..},
 * keys in the same order, values through {@code encodeURIComponent} (see {@link JsStrings}).
 */
public final class NetlessSigner extends TokenSigner<NetlessTokenContent> {
    static final int SIG_HEX_LENGTH = 2 * Hmac.SHA256_LENGTH;

    private static final byte[] JSON_AK = ascii("{\"ak\":");
    private static final byte[] JSON_EXPIRE_AT = ascii(",\"expireAt\":\"");
    private static final byte[] JSON_NONCE = ascii(",\"nonce\":");
    private static final byte[] JSON_ROLE = ascii(",\"role\":\"");
    private static final byte[] JSON_UUID = ascii(",\"uuid\":");
    private static final byte[] QUERY_AK = ascii("ak=");
    private static final byte[] QUERY_EXPIRE_AT = ascii("&expireAt=");
    private static final byte[] QUERY_NONCE = ascii("&nonce=");
    private static final byte[] QUERY_ROLE = ascii("&role=");
    private static final byte[] QUERY_SIG = ascii("&sig=");
    private static final byte[] QUERY_UUID = ascii("&uuid=");
    private static final byte[] HEX = ascii("0123456789abcdef");
    /** Longest decimal expireAt: 9007199254740991 has 16 digits. */
    private static final int MAX_DIGITS = 16;

    private final Hmac hmac = Hmac.sha256();
    private final byte[] signature = new byte[Hmac.SHA256_LENGTH];
    private final byte[] check = new byte[Hmac.SHA256_LENGTH];
    private byte[] key = new byte[64];
    private byte[] json = new byte[256];
    private byte[] query = new byte[512];

    /** A signer whose buffers start at a size that fits common tokens and grow as needed. */
    public NetlessSigner() {
        super(1024);
    }

    /** Whether {@code sig} is the signature of {@code content} under {@code sk}; compared in constant time. */
    boolean verify(NetlessTokenContent content, byte[] sig, String sk) {
        if (!isUsableSecret(sk) || sig.length != Hmac.SHA256_LENGTH) {
            return false;
        }
        int jsonLength = writeJson(content);
        hmacWithSecret(sk, json, jsonLength, check);
        return Hmac.constantTimeEquals(check, 0, sig, 0, Hmac.SHA256_LENGTH);
    }

    /** The exact signed message, {@code JSON.stringify(formatJSON(object))} without sig; for tests and tools. */
    String signedJson(NetlessTokenContent content) {
        return new String(json, 0, writeJson(content), StandardCharsets.UTF_8);
    }

    /** The rule for {@code sk}: non-empty, well-formed UTF-16. Its message never shows the value. */
    static void checkSecret(String sk) {
        if (sk == null) {
            throw new InvalidArgumentException("sk", "must not be null");
        }
        if (!isUsableSecret(sk)) {
            throw new InvalidArgumentException("sk", "must be non-empty and well-formed UTF-16, without unpaired "
                    + "surrogates (value not shown, had " + sk.length() + " chars)");
        }
    }

    private static boolean isUsableSecret(String sk) {
        // Node would key the HMAC with U+FFFD for an unpaired surrogate and the JDK's encoder
        // with '?': no key we could derive would be the official one, so refuse it.
        return sk != null && !sk.isEmpty() && JsStrings.firstUnpairedSurrogate(sk) < 0;
    }

    @Override
    protected int signIntoText(NetlessTokenContent content, String sk) {
        checkSecret(sk);
        int jsonLength = writeJson(content);
        hmacWithSecret(sk, json, jsonLength, signature);

        int akLength = JsStrings.uriComponentLength("ak", content.ak());
        int nonceLength = JsStrings.uriComponentLength("nonce", content.nonce());
        int uuidLength = content.uuid().isPresent() ? JsStrings.uriComponentLength("uuid", content.uuid().get()) : -1;
        long need = QUERY_AK.length + (long) akLength + QUERY_EXPIRE_AT.length + MAX_DIGITS
                + QUERY_NONCE.length + nonceLength + QUERY_ROLE.length + 1 + QUERY_SIG.length + SIG_HEX_LENGTH
                + QUERY_UUID.length + Math.max(uuidLength, 0);
        query = ensure(query, need);

        int q = put(QUERY_AK, query, 0);
        q += JsStrings.writeUriComponent(content.ak(), query, q);
        if (content.expireAt().isPresent()) {
            q = put(QUERY_EXPIRE_AT, query, q);
            q = writeDecimal(content.expireAt().getAsLong(), query, q);
        }
        q = put(QUERY_NONCE, query, q);
        q += JsStrings.writeUriComponent(content.nonce(), query, q);
        q = put(QUERY_ROLE, query, q);
        query[q++] = (byte) content.role().value().charAt(0);
        q = put(QUERY_SIG, query, q);
        for (int i = 0; i < Hmac.SHA256_LENGTH; i++) {
            query[q++] = HEX[signature[i] >>> 4 & 0xF];
            query[q++] = HEX[signature[i] & 0xF];
        }
        if (uuidLength >= 0) {
            q = put(QUERY_UUID, query, q);
            q += JsStrings.writeUriComponent(content.uuid().get(), query, q);
        }

        byte[] prefix = PREFIXES[content.prefix().ordinal()];
        byte[] text = text(checkedLength(prefix.length + (long) Base64Codec.URL_UNPADDED.encodedLength(q)));
        System.arraycopy(prefix, 0, text, 0, prefix.length);
        return prefix.length + Base64Codec.URL_UNPADDED.encode(query, 0, q, text, prefix.length);
    }

    private static final byte[][] PREFIXES = {
            ascii(TokenPrefix.SDK.prefix()), ascii(TokenPrefix.ROOM.prefix()), ascii(TokenPrefix.TASK.prefix())};

    /** Writes the signed JSON into {@link #json}; returns its length. */
    private int writeJson(NetlessTokenContent content) {
        String uuid = content.uuid().orElse(null);
        long need = JSON_AK.length + (long) JsStrings.jsonUtf8Length(content.ak())
                + JSON_EXPIRE_AT.length + MAX_DIGITS + 1
                + JSON_NONCE.length + JsStrings.jsonUtf8Length(content.nonce())
                + JSON_ROLE.length + 2
                + (uuid == null ? 0 : JSON_UUID.length + JsStrings.jsonUtf8Length(uuid)) + 1;
        json = ensure(json, need);
        int j = put(JSON_AK, json, 0);
        j += JsStrings.writeJsonUtf8(content.ak(), json, j);
        if (content.expireAt().isPresent()) {
            j = put(JSON_EXPIRE_AT, json, j);
            j = writeDecimal(content.expireAt().getAsLong(), json, j);
            json[j++] = '"';
        }
        j = put(JSON_NONCE, json, j);
        j += JsStrings.writeJsonUtf8(content.nonce(), json, j);
        j = put(JSON_ROLE, json, j);
        json[j++] = (byte) content.role().value().charAt(0);
        json[j++] = '"';
        if (uuid != null) {
            j = put(JSON_UUID, json, j);
            j += JsStrings.writeJsonUtf8(uuid, json, j);
        }
        json[j++] = '}';
        return j;
    }

    /** HMAC-SHA256 keyed with UTF-8(sk), as Node's {@code createHmac("sha256", sk)} with a string key; the key copy is wiped after. */
    private void hmacWithSecret(String sk, byte[] msg, int msgLength, byte[] out) {
        key = ensure(key, JsStrings.utf8Length(sk));
        int keyLength = JsStrings.writeUtf8(sk, key, 0);
        try {
            hmac.sign(key, 0, keyLength, msg, 0, msgLength, out, 0);
        } finally {
            Arrays.fill(key, 0, keyLength, (byte) 0);
        }
    }

    /** Decimal digits of a non-negative value, as JavaScript prints a safe integer. */
    private static int writeDecimal(long value, byte[] dst, int off) {
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        long v = value;
        for (int i = off + digits - 1; i >= off; i--) {
            dst[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return off + digits;
    }

    private static int put(byte[] src, byte[] dst, int off) {
        System.arraycopy(src, 0, dst, off, src.length);
        return off + src.length;
    }

    private static byte[] ensure(byte[] buffer, long need) {
        checkedLength(need);
        return buffer.length >= need ? buffer : new byte[(int) Math.max(need, Math.min(2L * buffer.length, Integer.MAX_VALUE - 64))];
    }

    private static int checkedLength(long need) {
        if (need > Integer.MAX_VALUE - 64) {
            throw new InvalidArgumentException("content", "token would exceed " + (Integer.MAX_VALUE - 64) + " bytes");
        }
        return (int) need;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
