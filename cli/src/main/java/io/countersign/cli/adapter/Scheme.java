package io.countersign.cli.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

/**
 * One token scheme as the adapter speaks it (PROTOCOL.md). Implementations turn requests into
 * core calls and core results into protocol JSON; they throw {@link AdapterException} for
 * protocol errors and let the core's IllegalArgumentException / TokenFormatException through.
 */
public interface Scheme {
    /** The PROTOCOL.md scheme name, e.g. "007". */
    String name();

    /** The builder names this scheme answers, e.g. "RtcTokenBuilder2.buildTokenWithUid". */
    Set<String> builders();

    /** Whether {@code token} looks like this scheme's (by its prefix), to route a decode or verify. */
    boolean recognizes(String token);

    /** Runs a named builder with the request's fixed clock and randomness; returns the token. */
    String build(String builder, JsonNode request);

    /** Encodes explicit content with {@code secret}. */
    String encode(JsonNode content, String secret);

    /** Decodes to the content shape, with signature fields. */
    ObjectNode decode(String token);

    /** Verifies; the request may carry extra inputs the scheme needs (006: channelName, uid). */
    boolean verify(String token, String secret, JsonNode request);
}
