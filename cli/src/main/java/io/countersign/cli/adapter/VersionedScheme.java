package io.countersign.cli.adapter;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What 007 and 006 share in the adapter protocol: the scheme's name is the version its tokens
 * start with, and each builder is a call on the request's args with the clock and salt the
 * request fixes ({@code now}, {@code salt}).
 */
abstract class VersionedScheme implements Scheme {
    /** A builder call: the request's args, and the clock and salt it fixes. */
    interface Call {
        String build(JsonNode args, Fixed fixed);
    }

    private final String version;
    private final Map<String, Call> calls = new LinkedHashMap<>();

    VersionedScheme(String version) {
        this.version = version;
    }

    /** Registers a builder under its PROTOCOL.md name, e.g. "RtcTokenBuilder2.buildTokenWithUid". */
    final void builder(String name, Call call) {
        calls.put(name, call);
    }

    @Override
    public final String name() {
        return version;
    }

    @Override
    public final Set<String> builders() {
        return calls.keySet();
    }

    @Override
    public final boolean recognizes(String token) {
        return token.startsWith(version);
    }

    @Override
    public final String build(String builder, JsonNode request) {
        return calls.get(builder).build(Json.object(request, "args"), Fixed.secondsAndSalt(request));
    }
}
