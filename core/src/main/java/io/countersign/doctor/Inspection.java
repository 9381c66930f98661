package io.countersign.doctor;

import java.util.List;
import java.util.OptionalLong;

/**
 * What a token says, in words, without any secret: every field with its meaning, the
 * privileges it grants with their absolute expiry, and warnings about things that commonly
 * make a token fail. Built by {@link TokenDoctor#inspect}. Times are unix milliseconds (the
 * schemes count seconds, except Netless). Immutable.
 *
 * @param scheme    the token's scheme as the protocol names it: 007, 006, 005, signaling or netless
 * @param nowMillis the time the warnings were judged at
 * @param issuedAt  when the token was issued, if it says
 * @param expiresAt when the whole token expires, if it does
 * @param fields    every decoded field in token order
 * @param grants    every privilege granted, with its expiry
 * @param warnings  what looks wrong, most serious first within each field
 */
public record Inspection(String scheme, long nowMillis, OptionalLong issuedAt, OptionalLong expiresAt,
                         List<Field> fields, List<Grant> grants, List<Warning> warnings) {

    /**
     * Copies the lists.
     *
     * @param scheme the token's scheme: 007, 006, 005, signaling or netless
     * @param nowMillis the time the warnings were judged at
     * @param issuedAt when the token was issued, if it says
     * @param expiresAt when the whole token expires, if it does
     * @param fields every decoded field; copied
     * @param grants every privilege granted; copied
     * @param warnings what looks wrong; copied
     */
    public Inspection {
        fields = List.copyOf(fields);
        grants = List.copyOf(grants);
        warnings = List.copyOf(warnings);
    }

    /** {@return the scheme in words, e.g. "AccessToken2 (007)"} */
    public String title() {
        return Words.schemeTitle(scheme);
    }

    /**
     * The value of a decoded field.
     *
     * @param name the field's path, e.g. {@code "services[0].channelName"}
     * @return its value as text, or null if the token has no such field
     */
    public String value(String name) {
        for (Field f : fields) {
            if (f.name().equals(name)) {
                return f.value();
            }
        }
        return null;
    }

    /**
     * One decoded field: its path (e.g. {@code services[0].channelName}), its value as text
     * (a byte string that is not UTF-8 is written {@code hex:...}) and what it means.
     *
     * @param name the path
     * @param value the value as text
     * @param meaning what it means, in words
     */
    public record Field(String name, String value, String meaning) {
    }

    /**
     * A privilege the token grants: the service it belongs to, the id and official name, and
     * when it expires (unix milliseconds).
     *
     * @param field the privilege's path in the token
     * @param service the service it belongs to
     * @param id the privilege id
     * @param name its official name
     * @param expiresAt when it expires, unix milliseconds
     */
    public record Grant(String field, ServiceKind service, int id, String name, long expiresAt) {
    }

    /**
     * Something that commonly makes a token fail, on the field it concerns.
     *
     * @param code the kind of warning
     * @param field the field it concerns
     * @param message the warning in words
     */
    public record Warning(Code code, String field, String message) {
        /** The kinds of warning; {@link #id()} is the stable machine name. */
        public enum Code {
            /** The whole token has expired. */
            EXPIRED("expired"),
            /** A privilege expired while the token still lasts. */
            PRIVILEGE_EXPIRED("privilege-expired"),
            /** A privilege lasts beyond the token, whose expiry wins. */
            PRIVILEGE_OUTLIVES_TOKEN("privilege-outlives-token"),
            /** The token lasts more than the 24 hours Agora allows. */
            LIFETIME_OVER_24H("lifetime-over-24h"),
            /** The channel name breaks Agora's rule, so joining fails. */
            CHANNEL_NAME_RULES("channel-name-rules"),
            /**
             * A time looks like the wrong unit: a timestamp for a lifetime, milliseconds for seconds, or the reverse.
             */
            TIMESTAMP_UNIT("timestamp-unit"),
            /** The token was issued ahead of the clock. */
            ISSUED_IN_FUTURE("issued-in-future"),
            /** The token carries services this version cannot read. */
            UNKNOWN_SERVICES("unknown-services");

            private final String id;

            Code(String id) {
                this.id = id;
            }

            /** {@return the stable machine name, e.g. {@code "lifetime-over-24h"}} */
            public String id() {
                return id;
            }
        }
    }
}
