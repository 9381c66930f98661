package io.countersign.codec;

import io.countersign.internal.Checks;

/**
 * The rules every builder applies to an App ID and an App Certificate, for callers that want to
 * check them before the first token (a server at start-up, say). Each failure is an
 * {@link InvalidArgumentException} naming the field; a certificate's value is never shown.
 */
public final class Credentials {
    private Credentials() {
    }

    /**
     * Checks an App ID: exactly 32 hexadecimal characters.
     *
     * @param field the name to report in an error
     * @param appId the App ID
     * @return {@code appId}
     * @throws InvalidArgumentException if it breaks the rule
     */
    public static String requireAppId(String field, String appId) {
        return Checks.hex32(field, appId);
    }

    /**
     * Checks an App Certificate: exactly 32 hexadecimal characters. The error gives its length, never its value.
     *
     * @param field the name to report in an error
     * @param appCertificate the App Certificate
     * @return {@code appCertificate}
     * @throws InvalidArgumentException if it breaks the rule
     */
    public static String requireAppCertificate(String field, String appCertificate) {
        return Checks.hex32Secret(field, appCertificate);
    }
}
