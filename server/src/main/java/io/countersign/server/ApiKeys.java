package io.countersign.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The accepted API keys, kept only as SHA-256 digests. A presented key is hashed and compared
 * with every digest in constant time, so neither timing nor an early exit tells which key (or
 * how much of one) matched.
 */
final class ApiKeys {
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private final byte[][] digests;

    ApiKeys(List<Secret> keys) {
        digests = new byte[keys.size()][];
        for (int i = 0; i < digests.length; i++) {
            digests[i] = digest(keys.get(i).reveal());
        }
    }

    boolean enabled() {
        return digests.length > 0;
    }

    /** The index of the matching key, or -1. */
    int match(String presented) {
        if (presented == null || digests.length == 0) {
            return -1;
        }
        byte[] d = digest(presented);
        int found = -1;
        for (int i = 0; i < digests.length; i++) {
            if (MessageDigest.isEqual(d, digests[i])) {
                found = i;
            }
        }
        return found;
    }

    private static byte[] digest(String key) {
        return SHA256.get().digest(key.getBytes(StandardCharsets.UTF_8));
    }
}
