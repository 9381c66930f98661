package io.countersign.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.countersign.accesstoken.RtcTokenBuilder;
import io.countersign.accesstoken2.RtcTokenBuilder2;
import io.countersign.codec.TokenFormatException;
import io.countersign.doctor.Inspection;
import io.countersign.doctor.TokenDoctor;
import io.countersign.dynamickey5.DynamicKey5;
import io.countersign.netless.NetlessToken;
import io.countersign.netless.TokenRole;
import io.countersign.signaling.SignalingToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inspector page in a real browser (headless Chromium), opened as a file and from the
 * server: what a person
 * sees after pasting a token of each scheme, and its decoder, words and signature checks
 * against the core and the golden vectors.
 */
class InspectorPageTest {
    static final Path PAGE = Path.of("src/main/resources/inspector/index.html").toAbsolutePath();
    static final Path VECTORS = Path.of(System.getProperty("countersign.root", "..")).resolve("vectors");
    static final ObjectMapper JSON = new ObjectMapper();
    static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";
    /** Ten minutes after the vectors' usual issue time, so their expiry warnings are exercised too. */
    static final long NOW_MILLIS = 1_700_000_600_000L;
    static final int BATCH = 200;

    static ChromeDriver driver;

    @BeforeAll
    static void open(@TempDir Path temp) throws IOException {
        driver = Browser.start(temp.resolve("profile"));
    }

    @BeforeEach
    void openAsAFile() {
        driver.get(PAGE.toUri().toString());
    }

    @AfterAll
    static void close() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void shouldDecodeEveryVectorAsTheCoreDoesWithTheSameWords() throws IOException {
        Set<String> tokens = new LinkedHashSet<>();
        for (String family : List.of("decode", "malformed")) {
            for (JsonNode vector : vectors(family)) {
                JsonNode token = vector.path("request").path("token");
                if (token.isTextual()) {
                    tokens.add(token.textValue());
                }
            }
        }
        tokens.addAll(craftedForEveryWarning());
        List<String> all = new ArrayList<>(tokens);
        List<String> mismatches = new ArrayList<>();
        Set<String> warningCodes = new java.util.TreeSet<>();
        int malformed = 0;
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            JsonNode page = run("return Promise.all(arguments[0].map(t => window.countersign.inspect(t, arguments[1])))"
                    + ".then(r => JSON.stringify(r))", batch, NOW_MILLIS);
            for (int i = 0; i < batch.size(); i++) {
                JsonNode core = JSON.readTree(core(batch.get(i)).toString()); // numbers typed as the page's
                malformed += core.has("malformed") ? 1 : 0;
                core.path("warnings").forEach(w -> warningCodes.add(w.path("code").asText()));
                if (!core.equals(comparable(page.get(i))) && mismatches.size() < 5) {
                    mismatches.add(batch.get(i) + "\n  core: " + core + "\n  page: " + comparable(page.get(i)));
                }
            }
        }
        assertEquals(List.of(), mismatches);
        // Every kind of warning was compared, words included.
        assertEquals(Stream.of(Inspection.Warning.Code.values()).map(Inspection.Warning.Code::id).sorted().toList(),
                List.copyOf(warningCodes));
        // Guards against a vector file that is not read: 1,804 decode and 124 malformed vectors today.
        assertTrue(all.size() > 1500 && malformed > 100, all.size() + " tokens, " + malformed + " malformed");
        assertNoRequests();
    }

    @Test
    void shouldCheckSignaturesAsTheOfficialsDoOnEveryVerifyVector() throws IOException {
        List<JsonNode> cases = new ArrayList<>();
        for (JsonNode vector : vectors("verify")) {
            JsonNode r = vector.path("request");
            if (r.path("token").isTextual() && r.path("secret").isTextual() && !r.path("channelName").isObject()
                    && !r.path("uid").isObject() && !r.path("account").isObject()) {
                cases.add(vector);
            }
        }
        List<String> mismatches = new ArrayList<>();
        for (int from = 0; from < cases.size(); from += BATCH) {
            List<JsonNode> batch = cases.subList(from, Math.min(cases.size(), from + BATCH));
            ArrayNode args = JSON.createArrayNode();
            for (JsonNode vector : batch) {
                JsonNode r = vector.path("request");
                ArrayNode a = args.addArray();
                a.add(r.path("token").textValue()).add(r.path("secret").textValue());
                a.add(r.has("channelName") ? r.path("channelName").asText() : null);
                // A numeric uid 0 packs as "" (as the adapter reads it); a string uid packs as given.
                a.add(r.has("account") ? r.path("account").asText() : !r.has("uid") ? null
                        : r.path("uid").isNumber() && r.path("uid").asLong() == 0 ? "" : r.path("uid").asText());
            }
            JsonNode page = run("return Promise.all(JSON.parse(arguments[0]).map(a => window.countersign.verify(a[0], a[1], a[2], a[3])"
                    + ".then(r => r.signature, e => 'malformed'))).then(r => JSON.stringify(r))", args.toString(), 0);
            for (int i = 0; i < batch.size(); i++) {
                JsonNode expect = batch.get(i).path("expect");
                String got = page.get(i).asText();
                // A refusal is fine where the vector lists it as acceptable (a secret or App ID breaking the rules).
                String acceptable = batch.get(i).path("acceptable").path("outcomes").toString();
                boolean acceptablyMalformed = got.equals("malformed") && acceptable.contains("malformed")
                        || got.equals("not-checked") && acceptable.contains("invalid-argument");
                boolean agrees = acceptablyMalformed || (expect.path("ok").asBoolean()
                        ? got.equals(expect.path("valid").asBoolean() ? "valid" : "invalid")
                        : !got.equals("valid"));
                if (!agrees && mismatches.size() < 5) {
                    mismatches.add(batch.get(i).path("id").asText() + ": page says " + got + ", expected " + expect);
                }
            }
        }
        assertEquals(List.of(), mismatches);
        assertTrue(cases.size() > 1500, cases.size() + " verify vectors");
    }

    @Test
    void shouldShowATokenOfEverySchemeInWordsAndCheckTheCertificateInThePage() throws IOException {
        long now = Instant.now().getEpochSecond();
        Clock clock = Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC);
        String t007 = new RtcTokenBuilder2(clock, io.countersign.codec.SaltSource.fixed(1)).buildTokenWithUid(APP_ID, CERT,
                "room", 42, RtcTokenBuilder2.Role.ROLE_PUBLISHER, 3600, 7200);
        paste(t007, "");
        assertEquals("unverified", text("verdict"));
        assertTrue(text("summary-body").contains("AccessToken2 (007)"));
        assertTrue(text("field-rows").contains("kPrivilegePublishAudioStream: 7200 s after issueTs"));
        assertTrue(text("field-rows").contains("int uid 42"));
        assertTrue(text("warning-list").contains("kPrivilegeJoinChannel lasts until"), text("warning-list"));
        assertTrue(text("grant-rows").contains("RTC kPrivilegeJoinChannel"));
        assertTrue(text("summary-body").contains("expires " + io.countersign.doctor.Words.utc(now + 3600) + " (in "), text("summary-body"));
        typeCertificate(CERT);
        assertEquals("valid", text("verdict"));
        paste(t007, "room", "bob", CERT);
        assertEquals("invalid", text("verdict"));
        assertTrue(text("problem-list").startsWith("account-but-uid-packed: the token was built for int uid 42 (buildTokenWithUid)"),
                text("problem-list"));
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target/inspector-007.png"), StandardCopyOption.REPLACE_EXISTING);
        paste(t007, "", "", CERT);
        typeCertificate("0123456789abcdef0123456789abcdef");
        assertEquals("invalid", text("verdict"));

        String t006 = new RtcTokenBuilder(clock, io.countersign.codec.SaltSource.fixed(1)).buildTokenWithUid(APP_ID, CERT,
                "room", 0L, RtcTokenBuilder.Role.Role_Publisher, now + 3600);
        paste(t006, "room", "", CERT);
        assertEquals("valid", text("verdict"));
        assertTrue(text("field-rows").contains("uid 0, so any uid may join"));

        String t005 = DynamicKey5.generateMediaChannelKey(APP_ID, CERT, "room", now, 7L, 42L, now + 3600);
        paste(t005, "room", "42", CERT);
        assertEquals("valid", text("verdict"));
        assertTrue(text("field-rows").contains("MEDIA_CHANNEL_SERVICE (media channel key)"));
        paste(t005, "room", "43", CERT);
        assertEquals("invalid", text("verdict"));

        String signaling = SignalingToken.getToken(APP_ID, CERT, "alice", now - 60);
        paste(signaling, "", "alice", CERT);
        assertEquals("invalid", text("verdict"));
        assertTrue(text("warning-list").contains("the token expired at " + io.countersign.doctor.Words.utc(now - 60) + " (1 min"), text("warning-list"));
        assertTrue(text("summary-body").contains("signature: valid"));

        String netless = new NetlessToken(clock, io.countersign.netless.NonceSource.fixed("nonce-1")).roomToken("ak-1", "sk-secret",
                3_600_000, new NetlessToken.RoomTokenTags(TokenRole.READER, "room-uuid"));
        paste(netless, "", "", "sk-secret");
        assertEquals("valid", text("verdict"));
        assertTrue(text("field-rows").contains("reader: may only read"));

        paste("007eJxTYFi", "", "", "");
        assertEquals("malformed", text("verdict"));
        assertTrue(text("malformed").contains("(BAD_BASE64)"), text("malformed"));
        assertNoRequests();
    }

    @Test
    void shouldServeThePageThatChecksTheServersTokensWithoutSendingTheCertificate() throws Exception {
        try (TokenServer server = TokenServer.start(Fixtures.config().build())) {
            Http http = new Http(server);
            String token = Http.json(http.post("/v1/tokens", "{\"builder\":\"RtcTokenBuilder2.buildTokenWithUid\",\"args\":"
                    + "{\"channelName\":\"room\",\"uid\":42,\"role\":1,\"tokenExpire\":600,\"privilegeExpire\":600}}")).path("token").asText();
            driver.get("http://127.0.0.1:" + server.port() + "/");
            paste(token, Fixtures.CERT);
            assertEquals("valid", text("verdict"));
            assertTrue(text("field-rows").contains("kPrivilegeJoinChannel: 600 s after issueTs"));
            assertNoRequests();
        }
    }

    @Test
    void shouldFindTheWrongChannelOrUserAsTheCoreDoes() throws IOException {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW_MILLIS), ZoneOffset.UTC);
        RtcTokenBuilder2 rtc2 = new RtcTokenBuilder2(clock, io.countersign.codec.SaltSource.fixed(5));
        RtcTokenBuilder rtc = new RtcTokenBuilder(clock, io.countersign.codec.SaltSource.fixed(5));
        List<String> tokens = List.of(
                rtc2.buildTokenWithUid(APP_ID, CERT, "room", 42, RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600),
                rtc2.buildTokenWithUid(APP_ID, CERT, "room", 0, RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600),
                rtc2.buildTokenWithUserAccount(APP_ID, CERT, "room", "alice", RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600),
                rtc2.buildTokenWithRtm(APP_ID, CERT, "room", "alice", RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600),
                new io.countersign.accesstoken2.RtmTokenBuilder2(clock, io.countersign.codec.SaltSource.fixed(5))
                        .buildToken(APP_ID, CERT, "42", 600),
                rtc.buildTokenWithUid(APP_ID, CERT, "room", 42L, RtcTokenBuilder.Role.Role_Publisher, NOW_MILLIS / 1000 + 600),
                rtc.buildTokenWithUid(APP_ID, CERT, "room", 0L, RtcTokenBuilder.Role.Role_Publisher, NOW_MILLIS / 1000 + 600),
                rtc.buildTokenWithAccount(APP_ID, CERT, "room", "alice", RtcTokenBuilder.Role.Role_Publisher, NOW_MILLIS / 1000 + 600),
                new io.countersign.accesstoken.RtmTokenBuilder(clock, io.countersign.codec.SaltSource.fixed(5))
                        .buildToken(APP_ID, CERT, "alice", io.countersign.accesstoken.RtmTokenBuilder.Role.Rtm_User, NOW_MILLIS / 1000 + 600));
        java.util.Set<String> userCodes = java.util.Set.of("wrong-channel", "wrong-uid", "wrong-account", "uid-but-account-packed",
                "account-but-uid-packed");
        ArrayNode cases = JSON.createArrayNode();
        List<JsonNode> expected = new ArrayList<>();
        java.util.Arrays.asList(null, "room", "lobby").forEach(channel -> java.util.Arrays.asList(null, "42", "43", "0", "alice", "bob")
                .forEach(user -> tokens.forEach(token -> {
                    cases.addArray().add(token).add(channel).add(user);
                    io.countersign.doctor.Expectations.Builder b = io.countersign.doctor.Expectations.builder().clock(clock);
                    if (channel != null) {
                        b.channel(channel);
                    }
                    if (user != null && user.chars().allMatch(Character::isDigit)) {
                        b.uid(Long.parseLong(user));
                    } else if (user != null) {
                        b.account(user);
                    }
                    ArrayNode findings = JSON.createArrayNode();
                    TokenDoctor.check(token, b.build()).findings().stream().filter(f -> userCodes.contains(f.code()))
                            .forEach(f -> findings.addObject().put("code", f.code()).put("field", field(f)).put("message", f.message()));
                    expected.add(findings);
                })));
        assertEquals(List.of(), differences("c[0], c[1], c[2]", cases, expected));
        int found = expected.stream().mapToInt(JsonNode::size).sum();
        assertTrue(found > 100, found + " findings compared");
    }

    @Test
    void shouldFindAMissingServiceOrPrivilegeAsTheCoreDoes() throws IOException {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW_MILLIS), ZoneOffset.UTC);
        io.countersign.codec.SaltSource salt = io.countersign.codec.SaltSource.fixed(5);
        RtcTokenBuilder2 rtc2 = new RtcTokenBuilder2(clock, salt);
        List<String> tokens = List.of(
                rtc2.buildTokenWithUid(APP_ID, CERT, "room", 42, RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600),
                rtc2.buildTokenWithUid(APP_ID, CERT, "room", 42, RtcTokenBuilder2.Role.ROLE_SUBSCRIBER, 600, 600),
                rtc2.buildTokenWithRtm(APP_ID, CERT, "room", "alice", RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600),
                new io.countersign.accesstoken2.ChatTokenBuilder2(clock, salt).buildUserToken(APP_ID, CERT, "alice", 600),
                new io.countersign.accesstoken2.RtmTokenBuilder2(clock, salt).buildToken(APP_ID, CERT, "alice", 600),
                new RtcTokenBuilder(clock, salt).buildTokenWithUid(APP_ID, CERT, "room", 42L, RtcTokenBuilder.Role.Role_Subscriber,
                        NOW_MILLIS / 1000 + 600),
                new io.countersign.accesstoken.RtmTokenBuilder(clock, salt)
                        .buildToken(APP_ID, CERT, "alice", io.countersign.accesstoken.RtmTokenBuilder.Role.Rtm_User, NOW_MILLIS / 1000 + 600));
        java.util.Set<String> codes = java.util.Set.of("missing-service", "missing-privilege", "wrong-channel", "wrong-uid",
                "wrong-account", "uid-but-account-packed", "account-but-uid-packed");
        ArrayNode cases = JSON.createArrayNode();
        List<JsonNode> expected = new ArrayList<>();
        for (String token : tokens) {
            for (io.countersign.doctor.ServiceKind service : io.countersign.doctor.ServiceKind.values()) {
                for (int[] privileges : new int[][] {{}, {1}, {2, 3}, {4}}) {
                    ArrayNode c = cases.addArray().add(token).add("lobby").add("bob").add(service.type());
                    java.util.Arrays.stream(privileges).forEach(c.addArray()::add);
                    ArrayNode findings = JSON.createArrayNode();
                    TokenDoctor.check(token, io.countersign.doctor.Expectations.builder().clock(clock).channel("lobby").account("bob")
                                    .service(service, privileges).build())
                            .findings().stream().filter(f -> codes.contains(f.code()))
                            .forEach(f -> findings.addObject().put("code", f.code()).put("field", field(f)).put("message", f.message()));
                    expected.add(findings);
                }
            }
        }
        assertEquals(List.of(), differences("c[0], c[1], c[2], c[3], c[4]", cases, expected));
        long missing = expected.stream().flatMap(f -> java.util.stream.StreamSupport.stream(f.spliterator(), false))
                .filter(f -> f.path("code").asText().startsWith("missing-")).count();
        assertTrue(missing > 100, missing + " missing services and privileges compared");
    }

    @Test
    void shouldCheckTheServiceAndPrivilegesTypedIn() {
        Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        String subscriber = new RtcTokenBuilder2(clock, io.countersign.codec.SaltSource.fixed(5))
                .buildTokenWithUid(APP_ID, CERT, "room", 42, RtcTokenBuilder2.Role.ROLE_SUBSCRIBER, 600, 600);
        paste(subscriber, "room", "42", "", "1", "kPrivilegeJoinChannel, kprivilegepublishaudiostream");
        assertTrue(text("problem-list").contains("missing-privilege: the RTC service does not grant kPrivilegePublishAudioStream"),
                text("problem-list"));
        assertEquals("invalid", text("verdict"));
        paste(subscriber, "room", "42", "", "1", "kPrivilegeJoinChannel, kPrivilegeLogin");
        assertTrue(text("problem-list").contains("\"kPrivilegeLogin\" is not a privilege of RTC"), text("problem-list"));
        paste(subscriber, "room", "42", "", "5", "1");
        assertTrue(text("problem-list").contains("missing-service: the token has no Chat service"), text("problem-list"));
        paste(subscriber, "room", "42", "");
        assertEquals("unverified", text("verdict"));
        assertNoRequests();
    }

    /**
     * Runs each case through the page's window.countersign.mismatches (with the given arguments,
     * read from the case c) and lists where its findings differ from the core's (at most 5).
     */
    private static List<String> differences(String arguments, ArrayNode cases, List<JsonNode> expected) throws IOException {
        JsonNode page = run("return Promise.all(JSON.parse(arguments[0]).map(c => window.countersign.mismatches(" + arguments + ")))"
                + ".then(r => JSON.stringify(r))", cases.toString());
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < expected.size() && differences.size() < 5; i++) {
            if (!expected.get(i).equals(page.get(i))) {
                differences.add(cases.get(i) + "\n  core: " + expected.get(i) + "\n  page: " + page.get(i));
            }
        }
        return differences;
    }

    private static String field(io.countersign.doctor.Finding f) {
        if (f instanceof io.countersign.doctor.Finding.WrongChannel c) {
            return c.field();
        }
        if (f instanceof io.countersign.doctor.Finding.WrongUser u) {
            return u.field();
        }
        return "";
    }

    /** Tokens that raise the warnings the vectors may not, judged at {@link #NOW_MILLIS}. */
    static List<String> craftedForEveryWarning() {
        long now = NOW_MILLIS / 1000;
        Clock issued = Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC);
        Clock future = Clock.fixed(Instant.ofEpochSecond(now + 7200), ZoneOffset.UTC);
        RtcTokenBuilder2 rtc2 = new RtcTokenBuilder2(issued, io.countersign.codec.SaltSource.fixed(3));
        RtcTokenBuilder rtc = new RtcTokenBuilder(issued, io.countersign.codec.SaltSource.fixed(3));
        return List.of(
                rtc2.buildTokenWithUid(APP_ID, CERT, "room", 42, RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 1200),
                rtc2.buildTokenWithUid(APP_ID, CERT, "room", 42, 90_000, 90_000, 0, 3_600_000, now + 600),
                new RtcTokenBuilder2(Clock.fixed(Instant.ofEpochSecond(now - 100), ZoneOffset.UTC), io.countersign.codec.SaltSource.fixed(3))
                        .buildTokenWithUid(APP_ID, CERT, "room", 42, 600, 50, 600, 600, 600),
                rtc2.buildTokenWithUserAccount(APP_ID, CERT, "r\u00e9union/1", "alice", RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600),
                new RtcTokenBuilder2(future, io.countersign.codec.SaltSource.fixed(3)).buildTokenWithUid(APP_ID, CERT, "room", 0,
                        RtcTokenBuilder2.Role.ROLE_SUBSCRIBER, 600, 600),
                rtc.buildTokenWithUid(APP_ID, CERT, "room", 42L, RtcTokenBuilder.Role.Role_Publisher, 3600),
                rtc.buildTokenWithUid(APP_ID, CERT, "room", 42L, RtcTokenBuilder.Role.Role_Publisher, 0),
                rtc.buildTokenWithUid(APP_ID, CERT, "room", 42L, RtcTokenBuilder.Role.Role_Publisher, now + 200_000),
                DynamicKey5.generateMediaChannelKey(APP_ID, CERT, "room", now + 7200, 1L, 42L, now + 200_000),
                SignalingToken.getToken(APP_ID, CERT, "alice", 86_400),
                new NetlessToken(Clock.fixed(Instant.ofEpochSecond(1000), ZoneOffset.UTC), io.countersign.netless.NonceSource.fixed("n"))
                        .sdkToken("ak", "sk", 5000, new NetlessToken.SdkTokenTags(TokenRole.ADMIN)));
    }

    /** The core's inspection at the same instant, in the shape the page returns. */
    static JsonNode core(String token) {
        ObjectNode node = JSON.createObjectNode();
        try {
            Inspection in = TokenDoctor.inspect(token, Clock.fixed(Instant.ofEpochMilli(NOW_MILLIS), ZoneOffset.UTC));
            node.put("scheme", in.scheme());
            ArrayNode fields = node.putArray("fields");
            in.fields().forEach(f -> fields.addObject().put("name", f.name()).put("value", f.value()).put("meaning", f.meaning()));
            ArrayNode grants = node.putArray("grants");
            in.grants().forEach(g -> grants.addObject().put("field", g.field()).put("service", g.service().label())
                    .put("id", g.id()).put("name", g.name()).put("expiresAt", g.expiresAt()));
            ArrayNode warnings = node.putArray("warnings");
            in.warnings().forEach(w -> warnings.addObject().put("code", w.code().id()).put("field", w.field()).put("message", w.message()));
            if (in.issuedAt().isPresent()) {
                node.put("issuedAt", in.issuedAt().getAsLong());
            } else {
                node.putNull("issuedAt");
            }
            if (in.expiresAt().isPresent()) {
                node.put("expiresAt", in.expiresAt().getAsLong());
            } else {
                node.putNull("expiresAt");
            }
        } catch (TokenFormatException e) {
            node.putObject("malformed").put("reason", e.reason().name());
        }
        return node;
    }

    /** The page's answer without what the core's comparison leaves out (the malformed message and offset, nowMillis). */
    static JsonNode comparable(JsonNode page) {
        ObjectNode copy = page.deepCopy();
        copy.remove("nowMillis");
        if (copy.has("malformed")) {
            copy.set("malformed", JSON.createObjectNode().put("reason", copy.path("malformed").path("reason").asText()));
        }
        return copy;
    }

    static List<JsonNode> vectors(String family) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(VECTORS)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-" + family + ".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        out.add(JSON.readTree(line));
                    }
                }
            }
        }
        return out;
    }

    static JsonNode run(String script, Object... args) throws IOException {
        Object result = driver.executeScript(script, args);
        return JSON.readTree((String) result);
    }

    static void paste(String token, String certificate) {
        paste(token, "", "", certificate);
    }

    static void paste(String token, String channel, String user, String certificate) {
        paste(token, channel, user, certificate, "", "");
    }

    /** As {@link #paste(String, String, String, String)}, expecting a service (its type, or "" for any) and privileges. */
    static void paste(String token, String channel, String user, String certificate, String service, String privileges) {
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("service"))).selectByValue(service);
        set("privileges", privileges);
        set("channel", channel);
        set("user", user);
        set("certificate", certificate);
        WebElement area = driver.findElement(By.id("token"));
        area.clear();
        area.sendKeys(token);
        waitForVerdict();
    }

    static void typeCertificate(String certificate) {
        set("certificate", certificate);
        waitForVerdict();
    }

    private static void set(String id, String value) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        if (!value.isEmpty()) {
            input.sendKeys(value);
        }
    }

    /** Each keystroke re-renders; wait until the last render has finished (the page marks it). */
    private static void waitForVerdict() {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
                ((ChromeDriver) d).executeScript("return window.countersign.idle()")));
    }

    static String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /** Nothing was fetched: no resource entry at all, so no request left the page. */
    static void assertNoRequests() {
        Object count = driver.executeScript("return performance.getEntriesByType('resource').length");
        assertEquals(0L, count);
    }
}
