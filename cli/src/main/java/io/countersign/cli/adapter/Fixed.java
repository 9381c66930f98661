package io.countersign.cli.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import io.countersign.codec.Checks;
import io.countersign.codec.SaltSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The clock and salt a build request fixes ("now" in seconds and "salt"), as core builders take them. */
public record Fixed(Clock clock, SaltSource salts) {
    public static Fixed secondsAndSalt(JsonNode request) {
        long now = Json.integer(request, "now");
        long salt = Checks.u32("salt", Json.integer(request, "salt"));
        return new Fixed(Clock.fixed(Instant.ofEpochSecond(Checks.u32("now", now)), ZoneOffset.UTC), SaltSource.fixed(salt));
    }
}
