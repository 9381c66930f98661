package io.countersign.schemes;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuilderCatalogTest {
    private static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    private static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";

    @Test
    void theCheckedInExportIsTheCatalog() throws Exception {
        Path export = Path.of("..", "conformance", "builders.json");
        assertEquals(BuilderCatalog.toJson(), Files.readString(export, StandardCharsets.UTF_8),
                "conformance/builders.json is stale: regenerate it with "
                        + "`scripts/countersign build --list --json > conformance/builders.json`");
    }

    /** Each builder reads exactly the inputs it declares: an undeclared one fails the build, a declared one changes the token. */
    @Test
    void everyBuilderDeclaresTheClockAndRandomnessItReads() {
        for (BuilderSpec spec : BuilderCatalog.all()) {
            Map<String, Object> args = sampleArgs(spec);
            String token = spec.build(declaredOnly(spec, 1_700_000_000L, 12345678L, "nonce-a"), args);
            assertTrue(TokenScheme.of(token).orElseThrow().name().equals(spec.scheme()), spec + " builds a " + spec.scheme());
            for (Input input : spec.inputs()) {
                String other = switch (input) {
                    case CLOCK_SECONDS, CLOCK_MILLIS -> spec.build(declaredOnly(spec, 1_700_000_100L, 12345678L, "nonce-a"), args);
                    case SALT -> spec.build(declaredOnly(spec, 1_700_000_000L, 87654321L, "nonce-a"), args);
                    case NONCE -> spec.build(declaredOnly(spec, 1_700_000_000L, 12345678L, "nonce-b"), args);
                };
                assertFalse(token.equals(other), spec + " declares " + input + " but its token does not depend on it");
            }
        }
    }

    @Test
    void namesAreUniqueAndEachHasOneSecret() {
        Set<String> names = new HashSet<>();
        for (BuilderSpec spec : BuilderCatalog.all()) {
            assertTrue(names.add(spec.name()), spec.name());
            assertEquals(1, spec.params().stream().filter(p -> p.meaning().isSecret()).count(), spec.name());
            assertEquals(spec, BuilderCatalog.find(spec.name()).orElseThrow());
        }
        assertTrue(BuilderCatalog.find("RtcTokenBuilder2.noSuchBuilder").isEmpty());
    }

    @Test
    void aMissingOrMistypedArgumentIsAShapeErrorNamingIt() {
        BuilderSpec uid = BuilderCatalog.find("RtcTokenBuilder2.buildTokenWithUid").orElseThrow();
        Builders fixed = declaredOnly(uid, 1_700_000_000L, 1L, "n");
        Map<String, Object> args = sampleArgs(uid);
        args.remove("channelName");
        ArgumentShapeException missing = assertThrows(ArgumentShapeException.class, () -> uid.build(fixed, args));
        assertEquals("channelName", missing.field());
        args.put("channelName", 42);
        assertEquals("channelName", assertThrows(ArgumentShapeException.class, () -> uid.build(fixed, args)).field());
        args.put("channelName", "room");
        args.put("uid", 1L << 32);
        io.countersign.codec.InvalidArgumentException range =
                assertThrows(io.countersign.codec.InvalidArgumentException.class, () -> uid.build(fixed, args));
        assertFalse(range instanceof ArgumentShapeException, "out of range is a rule, not a shape");
        assertEquals("uid", range.field());
    }

    /** Builders.fixed makes an undeclared input fail, so a builder that reads one fails here. */
    private static Builders declaredOnly(BuilderSpec spec, long nowSeconds, long salt, String nonce) {
        return Builders.fixed(spec, nowSeconds, nowSeconds * 1000, salt, nonce);
    }

    /** Arguments every builder accepts, chosen by what each parameter means. */
    private static Map<String, Object> sampleArgs(BuilderSpec spec) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (Param p : spec.params()) {
            Object value = switch (p.meaning()) {
                case APP_ID -> APP_ID;
                case APP_CERTIFICATE -> CERT;
                case NETLESS_AK -> "ak";
                case NETLESS_SK -> "sk";
                case UID -> 42L;
                case RTC_ROLE, ACCESS_TOKEN_ROLE, APAAS_ROLE -> 1;
                case TOKEN_LIFETIME, PRIVILEGE_LIFETIME -> 600;
                case EXPIRY_TIMESTAMP -> 1_700_000_600L;
                case LIFESPAN_MS -> 600_000;
                case ISSUE_TIMESTAMP -> 1_700_000_000L;
                case RANDOM_SALT -> 5;
                case RTM2_PERMISSIONS -> List.of(Map.of("resourceType", 0,
                        "permissions", List.of(Map.of("permissionType", 1, "resources", List.of("a")))));
                case NETLESS_CONTENT -> Map.of("role", "1", "uuid", "room-uuid");
                case DYNAMIC_KEY_PERMISSION -> "3";
                default -> "room";
            };
            if (spec.name().equals("NetlessToken.sdkToken") && p.meaning() == Meaning.NETLESS_CONTENT) {
                value = Map.of("role", "0");
            }
            args.put(p.name(), value);
        }
        return args;
    }
}
