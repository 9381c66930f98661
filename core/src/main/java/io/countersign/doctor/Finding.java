package io.countersign.doctor;

import io.countersign.codec.TokenFormatException;

/**
 * One reason a token would be refused, found by {@link TokenDoctor#check}. Each kind is a
 * record with the facts as data; {@link #code()} is a stable machine name and
 * {@link #message()} says it in words. No finding ever holds a certificate or key.
 */
public sealed interface Finding {
    /** {@return the stable machine name, e.g. {@code "wrong-channel"}} */
    String code();

    /** {@return the finding in words, for a person} */
    String message();

    /**
     * The token cannot be decoded.
     *
     * @param reason the decoder's reason
     * @param field the field being read
     * @param offset the byte offset, as {@link TokenFormatException#offset()} counts it
     * @param detail the decoder's message
     */
    record Malformed(TokenFormatException.Reason reason, String field, int offset, String detail) implements Finding {
        static Malformed of(TokenFormatException e) {
            return new Malformed(e.reason(), e.field(), e.offset(), e.getMessage());
        }

        @Override
        public String code() {
            return "malformed";
        }

        @Override
        public String message() {
            return "the token is malformed: " + detail;
        }
    }

    /**
     * None of the certificates given signed this token (with the channel, uid or account given, where it signs them).
     *
     * @param detail what was tried, in words; never a certificate
     */
    record BadSignature(String detail) implements Finding {
        @Override
        public String code() {
            return "bad-signature";
        }

        @Override
        public String message() {
            return detail;
        }
    }

    /**
     * The whole token has expired.
     *
     * @param field the field that says when, e.g. {@code "expire"}
     * @param expiredAt when it expired, unix milliseconds
     * @param now the time it was judged at, unix milliseconds
     */
    record Expired(String field, long expiredAt, long now) implements Finding {
        @Override
        public String code() {
            return "expired";
        }

        @Override
        public String message() {
            return "the token expired at " + Words.utcMillis(expiredAt) + " ("
                    + Words.relative(Math.floorDiv(expiredAt, 1000), Math.floorDiv(now, 1000)) + ")";
        }
    }

    /**
     * A privilege the client needs expired before the token did.
     *
     * @param field the privilege's field, e.g. {@code "services[0].privileges.1"}
     * @param service the service it belongs to
     * @param id the privilege id
     * @param name its official name
     * @param expiredAt when it expired, unix milliseconds
     * @param now the time it was judged at, unix milliseconds
     */
    record PrivilegeExpired(String field, ServiceKind service, int id, String name, long expiredAt, long now) implements Finding {
        @Override
        public String code() {
            return "privilege-expired";
        }

        @Override
        public String message() {
            return service.label() + " privilege " + name + " expired at " + Words.utcMillis(expiredAt) + " ("
                    + Words.relative(Math.floorDiv(expiredAt, 1000), Math.floorDiv(now, 1000)) + ")";
        }
    }

    /**
     * The token grants nothing for the expected service.
     *
     * @param service the expected service
     * @param detail more about why, or ""
     */
    record MissingService(ServiceKind service, String detail) implements Finding {
        @Override
        public String code() {
            return "missing-service";
        }

        @Override
        public String message() {
            return "the token has no " + service.label() + " service" + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    /**
     * The expected service is there but does not grant a privilege the client needs.
     *
     * @param service the service
     * @param id the privilege id
     * @param name its official name
     */
    record MissingPrivilege(ServiceKind service, int id, String name) implements Finding {
        @Override
        public String code() {
            return "missing-privilege";
        }

        @Override
        public String message() {
            return "the " + service.label() + " service does not grant " + name;
        }
    }

    /**
     * The token is for another channel. {@code actual} is null where the token holds only the
     * channel name's CRC32 (006).
     *
     * @param field the token's field that differs
     * @param expected the channel expected
     * @param actual the token's channel, or null
     */
    record WrongChannel(String field, String expected, String actual) implements Finding {
        @Override
        public String code() {
            return "wrong-channel";
        }

        @Override
        public String message() {
            return actual == null
                    ? "the token was signed for another channel than \"" + expected + "\" (the CRC32 in " + field + " differs)"
                    : "the token is for channel \"" + actual + "\", not \"" + expected + "\"";
        }
    }

    /**
     * The token is for another user. {@code actual} is null where the token holds only a CRC32
     * (006); {@link Mixup} says when an int uid and a user account were confused.
     *
     * @param field the token's field that differs
     * @param expected the uid (in decimal) or account expected
     * @param actual the token's packed uid or account, or null
     * @param mixup how they differ; its code is this finding's {@link #code()}
     */
    record WrongUser(String field, String expected, String actual, Mixup mixup) implements Finding {
        /** How the expected user and the packed one differ. */
        public enum Mixup {
            /** An int uid was expected and the token packs another int uid. */
            WRONG_UID("wrong-uid"),
            /** A user account was expected and the token packs another account. */
            WRONG_ACCOUNT("wrong-account"),
            /** The client joins with an int uid, but the token was built for a user account. */
            UID_BUT_ACCOUNT_PACKED("uid-but-account-packed"),
            /** The client joins with a user account, but the token was built for an int uid. */
            ACCOUNT_BUT_UID_PACKED("account-but-uid-packed");

            private final String code;

            Mixup(String code) {
                this.code = code;
            }
        }

        @Override
        public String code() {
            return mixup.code;
        }

        @Override
        public String message() {
            switch (mixup) {
                case UID_BUT_ACCOUNT_PACKED:
                    return "the token was built for user account \"" + actual + "\" (buildTokenWithUserAccount), but the "
                            + "client uses int uid " + expected + ": join with the account, or build the token with the uid";
                case ACCOUNT_BUT_UID_PACKED:
                    return "the token was built for int uid " + actual + " (buildTokenWithUid), but the client uses user "
                            + "account \"" + expected + "\": join with the uid, or build the token with the account";
                case WRONG_UID:
                    return actual == null
                            ? "the token was signed for another uid than " + expected + " (the CRC32 in " + field + " differs)"
                            : "the token is for uid " + (actual.isEmpty() ? "0 (packed as empty text)" : actual) + ", not " + expected;
                default:
                    return actual == null
                            ? "the token was signed for another user than \"" + expected + "\" (the CRC32 in " + field + " differs)"
                            : "the token is for user \"" + actual + "\", not \"" + expected + "\"";
            }
        }
    }
}
