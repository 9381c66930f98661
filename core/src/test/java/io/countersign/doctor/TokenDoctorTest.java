package io.countersign.doctor;

import io.countersign.accesstoken.RtcTokenBuilder;
import io.countersign.accesstoken.RtmTokenBuilder;
import io.countersign.accesstoken2.AccessToken2;
import io.countersign.accesstoken2.AccessToken2Codec;
import io.countersign.accesstoken2.RtcTokenBuilder2;
import io.countersign.accesstoken2.RtmTokenBuilder2;
import io.countersign.accesstoken2.Service;
import io.countersign.codec.ByteString;
import io.countersign.codec.Privileges;
import io.countersign.codec.SaltSource;
import io.countersign.codec.TokenFormatException.Reason;
import io.countersign.doctor.CheckResult.Signature;
import io.countersign.doctor.CheckResult.Verdict;
import io.countersign.doctor.Finding.WrongUser.Mixup;
import io.countersign.doctor.Inspection.Warning.Code;
import io.countersign.dynamickey5.DynamicKey5;
import io.countersign.netless.NetlessToken;
import io.countersign.netless.NonceSource;
import io.countersign.netless.TokenRole;
import io.countersign.signaling.SignalingToken;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenDoctorTest {
    static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";
    static final String OTHER_CERT = "0123456789abcdef0123456789abcdef";
    static final long T0 = 1_700_000_000L;

    static Clock at(long epochSeconds) {
        return Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
    }

    static RtcTokenBuilder2 rtc2() {
        return new RtcTokenBuilder2(at(T0), SaltSource.fixed(12345678));
    }

    static Expectations.Builder expect(long now) {
        return Expectations.builder().clock(at(now));
    }

    static String uidToken(long uid) {
        return rtc2().buildTokenWithUid(APP_ID, CERT, "room", uid, RtcTokenBuilder2.Role.ROLE_PUBLISHER, 3600, 3600);
    }

    static List<String> codes(CheckResult result) {
        return result.findings().stream().map(Finding::code).toList();
    }

    static List<Code> warnings(Inspection inspection) {
        return inspection.warnings().stream().map(Inspection.Warning::code).toList();
    }

    @Test
    void shouldFindNothingWrongWithAFreshTokenForItsChannelAndUid() {
        CheckResult result = TokenDoctor.check(uidToken(42), expect(T0 + 10).certificate(CERT)
                .service(ServiceKind.RTC, Service.Rtc.JOIN_CHANNEL, Service.Rtc.PUBLISH_AUDIO_STREAM).channel("room").uid(42).build());
        assertEquals(List.of(), result.findings());
        assertEquals(Signature.PRIMARY, result.signature());
        assertEquals(Verdict.VALID, result.verdict());
        assertEquals(Optional.of("007"), result.scheme());
    }

    @Test
    void shouldAcceptTheSecondaryCertificateDuringRotation() {
        CheckResult result = TokenDoctor.check(uidToken(42), expect(T0).certificate(OTHER_CERT).secondaryCertificate(CERT).build());
        assertEquals(Signature.SECONDARY, result.signature());
        assertEquals(Verdict.VALID, result.verdict());
    }

    @Test
    void shouldReportABadSignatureWhenNoCertificateSignedIt() {
        CheckResult result = TokenDoctor.check(uidToken(42), expect(T0).certificate(OTHER_CERT).build());
        assertEquals(List.of("bad-signature"), codes(result));
        assertEquals(Signature.INVALID, result.signature());
        assertEquals(Verdict.INVALID, result.verdict());
    }

    @Test
    void shouldLeaveTheSignatureUncheckedWithoutACertificate() {
        CheckResult result = TokenDoctor.check(uidToken(42), expect(T0).build());
        assertEquals(Verdict.UNVERIFIED, result.verdict());
        assertEquals("no certificate was given", result.signatureNote());
    }

    @Test
    void shouldReportExpiryAtTheExactSecondAndHonourLeeway() {
        assertEquals(List.of(), codes(TokenDoctor.check(uidToken(42), expect(T0 + 3599).build())));
        CheckResult expired = TokenDoctor.check(uidToken(42), expect(T0 + 3600).build());
        assertEquals(List.of("expired"), codes(expired));
        Finding.Expired finding = (Finding.Expired) expired.findings().get(0);
        assertEquals((T0 + 3600) * 1000, finding.expiredAt());
        assertEquals("expire", finding.field());
        assertEquals("the token expired at 2023-11-14 23:13:20 UTC (now)", finding.message());
        assertEquals(List.of(), codes(TokenDoctor.check(uidToken(42), expect(T0 + 3609).leeway(Duration.ofSeconds(10)).build())));
        assertEquals(List.of("expired"), codes(TokenDoctor.check(uidToken(42), expect(T0 + 3610).leeway(Duration.ofSeconds(10)).build())));
    }

    @Test
    void shouldNamePrivilegesThatExpiredBeforeTheToken() {
        String token = rtc2().buildTokenWithUid(APP_ID, CERT, "room", 42, 3600, 600, 300, 3600, 3600);
        CheckResult result = TokenDoctor.check(token, expect(T0 + 700).build());
        assertEquals(List.of("privilege-expired", "privilege-expired"), codes(result));
        Finding.PrivilegeExpired join = (Finding.PrivilegeExpired) result.findings().get(0);
        assertEquals("kPrivilegeJoinChannel", join.name());
        assertEquals((T0 + 600) * 1000, join.expiredAt());
        assertEquals("services[0].privileges.1", join.field());
        assertEquals("RTC privilege kPrivilegeJoinChannel expired at 2023-11-14 22:23:20 UTC (1 min 40 s ago)", join.message());
        assertEquals("kPrivilegePublishAudioStream", ((Finding.PrivilegeExpired) result.findings().get(1)).name());
        // Once the token itself has expired, only privileges that expired earlier are named.
        assertEquals(List.of("expired", "privilege-expired", "privilege-expired"), codes(TokenDoctor.check(token, expect(T0 + 4000).build())));
    }

    @Test
    void shouldReportTheChannelTheTokenIsFor() {
        CheckResult result = TokenDoctor.check(uidToken(42), expect(T0).channel("lobby").build());
        assertEquals(List.of("wrong-channel"), codes(result));
        assertEquals("the token is for channel \"room\", not \"lobby\"", result.findings().get(0).message());
    }

    @Test
    void shouldTellAnIntUidFromAUserAccount() {
        String account = rtc2().buildTokenWithUserAccount(APP_ID, CERT, "room", "alice", RtcTokenBuilder2.Role.ROLE_PUBLISHER, 3600, 3600);
        CheckResult uidForAccount = TokenDoctor.check(account, expect(T0).uid(42).build());
        assertEquals(List.of("uid-but-account-packed"), codes(uidForAccount));
        assertEquals(Mixup.UID_BUT_ACCOUNT_PACKED, ((Finding.WrongUser) uidForAccount.findings().get(0)).mixup());
        assertTrue(uidForAccount.findings().get(0).message().contains("user account \"alice\" (buildTokenWithUserAccount)"));

        CheckResult accountForUid = TokenDoctor.check(uidToken(42), expect(T0).account("bob").build());
        assertEquals(List.of("account-but-uid-packed"), codes(accountForUid));
        assertTrue(accountForUid.findings().get(0).message().contains("int uid 42 (buildTokenWithUid)"));

        assertEquals(List.of("wrong-uid"), codes(TokenDoctor.check(uidToken(42), expect(T0).uid(43).build())));
        assertEquals(List.of("wrong-account"), codes(TokenDoctor.check(account, expect(T0).account("bob").build())));
        assertEquals(List.of(), codes(TokenDoctor.check(account, expect(T0).account("alice").build())));
        // An account of digits packs exactly as the uid does.
        assertEquals(List.of(), codes(TokenDoctor.check(uidToken(42), expect(T0).account("42").build())));
    }

    @Test
    void shouldLetAnyUidJoinWithAUidZeroToken() {
        String token = uidToken(0);
        assertEquals(List.of(), codes(TokenDoctor.check(token, expect(T0).certificate(CERT).uid(99).build())));
        assertEquals(List.of(), codes(TokenDoctor.check(token, expect(T0).certificate(CERT).account("alice").build())));
        Inspection inspection = TokenDoctor.inspect(token, at(T0));
        assertEquals("", inspection.value("services[0].uid"));
        assertEquals("empty: uid 0, so any uid may join with this token", inspection.fields().stream()
                .filter(f -> f.name().equals("services[0].uid")).findFirst().orElseThrow().meaning());
    }

    @Test
    void shouldReportAMissingServiceAndMissingPrivileges() {
        assertEquals(List.of("missing-service"), codes(TokenDoctor.check(uidToken(42), expect(T0).service(ServiceKind.RTM).build())));
        String subscriber = rtc2().buildTokenWithUid(APP_ID, CERT, "room", 42, RtcTokenBuilder2.Role.ROLE_SUBSCRIBER, 3600, 3600);
        CheckResult result = TokenDoctor.check(subscriber, expect(T0).service(ServiceKind.RTC,
                Service.Rtc.JOIN_CHANNEL, Service.Rtc.PUBLISH_AUDIO_STREAM).build());
        assertEquals(List.of("missing-privilege"), codes(result));
        assertEquals("the RTC service does not grant kPrivilegePublishAudioStream", result.findings().get(0).message());
    }

    @Test
    void shouldCheckTheChannelAndUserOfEveryServiceThatCarriesThem() {
        Privileges p = Privileges.of(1, 600);
        String token = AccessToken2Codec.encode(new AccessToken2(APP_ID, T0, 3600, 7,
                new Service.Streaming(ByteString.utf8("live"), ByteString.utf8("alice"), p),
                new Service.Fcdn(ByteString.utf8("cdn"), ByteString.utf8("42"), p),
                new Service.Rtm2(ByteString.utf8("carol"), List.of(), p),
                new Service.Chat(ByteString.utf8("dave"), p),
                new Service.Chat(ByteString.utf8(""), Privileges.of(2, 600))), CERT);

        // Packed in type order: [0] Streaming, [1] Chat dave, [2] Chat app token (no user), [3] FCDN, [4] RTM2.
        CheckResult any = TokenDoctor.check(token, expect(T0).channel("live").account("alice").build());
        assertEquals(List.of(
                "wrong-account services[1].userId: the token is for user \"dave\", not \"alice\"",
                "wrong-channel services[3].channelName: the token is for channel \"cdn\", not \"live\"",
                "account-but-uid-packed services[3].account: the token was built for int uid 42 (buildTokenWithUid), but the client"
                        + " uses user account \"alice\": join with the uid, or build the token with the account",
                "wrong-account services[4].userId: the token is for user \"carol\", not \"alice\""), described(any));

        CheckResult fcdn = TokenDoctor.check(token, expect(T0).service(ServiceKind.FCDN, 1, 2).channel("cdn").uid(43).build());
        assertEquals(List.of(
                "missing-privilege : the FCDN service does not grant kPrivilegePlay",
                "wrong-uid services[3].account: the token is for uid 42, not 43"), described(fcdn));

        CheckResult rtm = TokenDoctor.check(token, expect(T0).service(ServiceKind.RTM).uid(42).build());
        assertEquals(List.of("missing-service : the token has no RTM service"), described(rtm));
    }

    /** Each finding as "code field: message" (field empty for a missing service or privilege). */
    private static List<String> described(CheckResult result) {
        return result.findings().stream().map(f -> f.code() + " " + (f instanceof Finding.WrongChannel c ? c.field()
                : f instanceof Finding.WrongUser u ? u.field() : "") + ": " + f.message()).toList();
    }

    @Test
    void shouldListEveryProblemAtOnce() {
        CheckResult result = TokenDoctor.check(uidToken(42), expect(T0 + 7200).certificate(OTHER_CERT)
                .channel("lobby").account("bob").build());
        assertEquals(List.of("expired", "wrong-channel", "account-but-uid-packed", "bad-signature"), codes(result));
    }

    @Test
    void shouldReportMalformedTokensWithReasonFieldAndOffset() {
        String token = uidToken(42);
        CheckResult cut = TokenDoctor.check(token.substring(0, 20) + "!" + token.substring(21), Expectations.none());
        assertEquals(Verdict.MALFORMED, cut.verdict());
        Finding.Malformed malformed = (Finding.Malformed) cut.findings().get(0);
        assertEquals(Reason.BAD_BASE64, malformed.reason());
        assertEquals("token", malformed.field());
        assertEquals(20, malformed.offset());
        assertTrue(cut.inspection().isEmpty());

        CheckResult unknown = TokenDoctor.check("hello", Expectations.none());
        assertEquals(Reason.BAD_PREFIX, ((Finding.Malformed) unknown.findings().get(0)).reason());
        assertEquals(Optional.empty(), unknown.scheme());
        assertEquals(Reason.EMPTY, ((Finding.Malformed) TokenDoctor.check("", Expectations.none()).findings().get(0)).reason());
    }

    @Test
    void shouldInspectEveryFieldOf007InWords() {
        Inspection in = TokenDoctor.inspect(uidToken(2882341273L), at(T0 + 60));
        assertEquals(List.of("version", "signature", "appId", "issueTs", "expire", "salt", "services[0].type",
                "services[0].channelName", "services[0].uid", "services[0].privileges.1", "services[0].privileges.2",
                "services[0].privileges.3", "services[0].privileges.4"), in.fields().stream().map(Inspection.Field::name).toList());
        assertEquals("issued at 2023-11-14 22:13:20 UTC", meaning(in, "issueTs"));
        assertEquals("seconds the token lasts after issueTs: until 2023-11-14 23:13:20 UTC", meaning(in, "expire"));
        assertEquals("RTC: real-time audio and video", meaning(in, "services[0].type"));
        assertEquals("kPrivilegePublishVideoStream: 3600 s after issueTs, until 2023-11-14 23:13:20 UTC",
                meaning(in, "services[0].privileges.3"));
        assertTrue(meaning(in, "services[0].uid").startsWith("int uid 2882341273"));
        assertEquals(List.of(), in.warnings());
        assertEquals(4, in.grants().size());
        assertEquals((T0 + 3600) * 1000, in.expiresAt().getAsLong());
        assertEquals(T0 * 1000, in.issuedAt().getAsLong());
    }

    @Test
    void shouldWarnAboutLifetimesUnitsAndChannelNames() {
        String outlives = rtc2().buildTokenWithUid(APP_ID, CERT, "room", 42, RtcTokenBuilder2.Role.ROLE_PUBLISHER, 3600, 7200);
        assertEquals(List.of(Code.PRIVILEGE_OUTLIVES_TOKEN, Code.PRIVILEGE_OUTLIVES_TOKEN, Code.PRIVILEGE_OUTLIVES_TOKEN,
                Code.PRIVILEGE_OUTLIVES_TOKEN), warnings(TokenDoctor.inspect(outlives, at(T0))));

        String longLived = rtc2().buildTokenWithUid(APP_ID, CERT, "room", 42, 90_000, 90_000, 90_000, 90_000, 90_000);
        assertEquals(List.of(Code.LIFETIME_OVER_24H), warnings(TokenDoctor.inspect(longLived, at(T0))));

        String timestamp = rtc2().buildTokenWithUid(APP_ID, CERT, "room", 42, T0 + 3600, 600, 600, 600, 600);
        Inspection ts = TokenDoctor.inspect(timestamp, at(T0));
        assertEquals(List.of(Code.LIFETIME_OVER_24H, Code.TIMESTAMP_UNIT), warnings(ts));
        assertEquals("1700003600 looks like a unix timestamp, but 007 counts seconds after issueTs (006 used timestamps)",
                ts.warnings().get(1).message());

        String millis = rtc2().buildTokenWithUid(APP_ID, CERT, "room", 42, 3_600_000, 600, 600, 600, 600);
        Inspection ms = TokenDoctor.inspect(millis, at(T0));
        assertEquals(List.of(Code.LIFETIME_OVER_24H, Code.TIMESTAMP_UNIT), warnings(ms));
        assertEquals("3600000 s is 41 d 16 h: it looks like milliseconds (1 h), but 007 counts seconds", ms.warnings().get(1).message());

        String slash = rtc2().buildTokenWithUid(APP_ID, CERT, "room/1", 42, RtcTokenBuilder2.Role.ROLE_PUBLISHER, 3600, 3600);
        Inspection channel = TokenDoctor.inspect(slash, at(T0));
        assertEquals(List.of(Code.CHANNEL_NAME_RULES), warnings(channel));
        assertEquals("services[0].channelName", channel.warnings().get(0).field());

        Inspection expired = TokenDoctor.inspect(uidToken(42), at(T0 + 7200));
        assertEquals(List.of(Code.EXPIRED), warnings(expired));
        assertEquals("the token expired at 2023-11-14 23:13:20 UTC (1 h ago)", expired.warnings().get(0).message());

        assertEquals(List.of(Code.ISSUED_IN_FUTURE), warnings(TokenDoctor.inspect(uidToken(42), at(T0 - 3600))));
    }

    @Test
    void shouldNameRtm2PermissionsAndUnknownServices() {
        String rtm2 = new RtmTokenBuilder2(at(T0), SaltSource.fixed(1)).buildTokenWithPermissions(APP_ID, CERT, "alice",
                List.of(new Service.Rtm2Resource(Service.Rtm2Resource.MESSAGE_CHANNELS,
                        List.of(Service.Rtm2Permission.ofStrings(Service.Rtm2Permission.READ, List.of("room\"1", "lobby"))))), 3600);
        Inspection in = TokenDoctor.inspect(rtm2, at(T0));
        assertEquals("[\"room\\\"1\",\"lobby\"]", in.value("services[0].permissions.0.0"));
        assertEquals("read on these message channels", meaning(in, "services[0].permissions.0.0"));
        assertEquals("kPrivilegeLogin: 3600 s after issueTs, until 2023-11-14 23:13:20 UTC", meaning(in, "services[0].privileges.1"));
    }

    @Test
    void shouldCheckThe006ServiceAndItsPrivilegesByTheirOwnIds() {
        String subscriber = new RtcTokenBuilder(at(T0), SaltSource.fixed(7))
                .buildTokenWithUid(APP_ID, CERT, "room", 42L, RtcTokenBuilder.Role.Role_Subscriber, T0 + 3600);
        assertEquals(List.of("missing-privilege : the RTC service does not grant kPublishAudioStream"),
                described(TokenDoctor.check(subscriber, expect(T0).service(ServiceKind.RTC, 1, 2).build())));
        assertEquals(List.of("missing-service : the token has no FPA service: 006 tokens grant only RTC and RTM"),
                described(TokenDoctor.check(subscriber, expect(T0).service(ServiceKind.FPA).build())));
        assertEquals(List.of("missing-service : the token has no RTM service"),
                described(TokenDoctor.check(subscriber, expect(T0).service(ServiceKind.RTM, 1).build())));
        String rtm = new RtmTokenBuilder(at(T0), SaltSource.fixed(7)).buildToken(APP_ID, CERT, "alice", RtmTokenBuilder.Role.Rtm_User, T0 + 3600);
        // RTM's privilege 1 (kPrivilegeLogin in 007) is 1000, kRtmLogin, in a 006 token.
        assertEquals(List.of(), described(TokenDoctor.check(rtm, expect(T0).service(ServiceKind.RTM, 1).account("alice").build())));
    }

    @Test
    void shouldCheck006ThroughTheCrc32OfChannelAndUid() {
        RtcTokenBuilder builder = new RtcTokenBuilder(at(T0), SaltSource.fixed(7));
        String token = builder.buildTokenWithUid(APP_ID, CERT, "room", 42L, RtcTokenBuilder.Role.Role_Publisher, T0 + 3600);
        assertEquals(Verdict.VALID, TokenDoctor.check(token, expect(T0).certificate(CERT).channel("room").uid(42).build()).verdict());
        CheckResult noChannel = TokenDoctor.check(token, expect(T0).certificate(CERT).build());
        assertEquals(Verdict.UNVERIFIED, noChannel.verdict());
        assertTrue(noChannel.signatureNote().contains("CRC32"));
        CheckResult wrong = TokenDoctor.check(token, expect(T0).certificate(CERT).channel("lobby").uid(43).build());
        assertEquals(List.of("wrong-channel", "wrong-uid"), codes(wrong));
        assertEquals("the token was signed for another channel than \"lobby\" (the CRC32 in crcChannelName differs)",
                wrong.findings().get(0).message());
        assertEquals(List.of("bad-signature"), codes(TokenDoctor.check(token, expect(T0).certificate(OTHER_CERT).channel("room").uid(42).build())));

        String anyUid = builder.buildTokenWithUid(APP_ID, CERT, "room", 0L, RtcTokenBuilder.Role.Role_Publisher, T0 + 3600);
        assertEquals(Verdict.VALID, TokenDoctor.check(anyUid, expect(T0).certificate(CERT).channel("room").uid(77).build()).verdict());
        assertEquals(Verdict.VALID, TokenDoctor.check(anyUid, expect(T0).certificate(CERT).channel("room").build()).verdict());

        Inspection in = TokenDoctor.inspect(token, at(T0));
        assertEquals("kJoinChannel until 2023-11-14 23:13:20 UTC", meaning(in, "privileges.1"));
        // The official builders set ts 24 h after building.
        assertEquals((T0 + 86400) * 1000, in.expiresAt().getAsLong());
    }

    /** 0 is what the official 007 builders write when no privilege expiry is given: no limit of its own. */
    @Test
    void shouldReadA007PrivilegeOfZeroAsLastingAsLongAsTheToken() {
        String token = rtc2().buildTokenWithUid(APP_ID, CERT, "room", 42, RtcTokenBuilder2.Role.ROLE_PUBLISHER, 3600, 0);
        Inspection in = TokenDoctor.inspect(token, at(T0 + 60));
        assertEquals(List.of(), warnings(in));
        assertEquals("kPrivilegeJoinChannel: 0, no limit of its own: lasts as long as the token, until 2023-11-14 23:13:20 UTC",
                meaning(in, "services[0].privileges.1"));
        assertEquals((T0 + 3600) * 1000, in.grants().get(0).expiresAt());
        assertEquals(Verdict.VALID, TokenDoctor.check(token, expect(T0 + 3599).certificate(CERT).channel("room").uid(42)
                .service(ServiceKind.RTC, 1, 2, 3, 4).build()).verdict()); // a privilege of 0 is granted, not missing
        // Past the token's expiry only the token is named, not each privilege.
        assertEquals(List.of("expired"), codes(TokenDoctor.check(token, expect(T0 + 3600).build())));
    }

    /** In 006, 0 is the official builders' "never expire": the token's ts still ends the privilege. */
    @Test
    void shouldReadA006PrivilegeOfZeroAsLastingAsLongAsTheToken() {
        String token = new RtcTokenBuilder(at(T0), SaltSource.fixed(7)).buildTokenWithUid(APP_ID, CERT, "room", 42L,
                RtcTokenBuilder.Role.Role_Publisher, 0);
        Inspection in = TokenDoctor.inspect(token, at(T0 + 60));
        assertEquals(List.of(), warnings(in));
        // The 006 builders set the token's ts 24 h after building.
        assertEquals("kJoinChannel: 0, never expires on its own: lasts as long as the token, until 2023-11-15 22:13:20 UTC",
                meaning(in, "privileges.1"));
        assertEquals((T0 + 86_400) * 1000, in.grants().get(0).expiresAt());
        assertEquals(List.of(), codes(TokenDoctor.check(token, expect(T0 + 60).service(ServiceKind.RTC, 1, 2, 3, 4).build())));
        String rtm = new RtmTokenBuilder(at(T0), SaltSource.fixed(7)).buildToken(APP_ID, CERT, "alice", RtmTokenBuilder.Role.Rtm_User, 0);
        assertEquals(List.of(), codes(TokenDoctor.check(rtm, expect(T0 + 60).service(ServiceKind.RTM, 1).account("alice").build())));
    }

    @Test
    void shouldCheck006RtmTokensByTheAccountInTheChannelSlot() {
        String token = new RtmTokenBuilder(at(T0), SaltSource.fixed(7)).buildToken(APP_ID, CERT, "alice", RtmTokenBuilder.Role.Rtm_User, T0 + 3600);
        assertEquals(Verdict.VALID, TokenDoctor.check(token, expect(T0).certificate(CERT).service(ServiceKind.RTM, 1).account("alice").build()).verdict());
        assertEquals(List.of("wrong-account"), codes(TokenDoctor.check(token, expect(T0).certificate(CERT).account("bob").build())));
        assertEquals(List.of("missing-service"), codes(TokenDoctor.check(token, expect(T0).service(ServiceKind.RTC).build())));
        assertEquals("kRtmLogin until 2023-11-14 23:13:20 UTC", meaning(TokenDoctor.inspect(token, at(T0)), "privileges.1000"));
    }

    @Test
    void shouldWarnAbout006PrivilegesGivenAsLifetimes() {
        String token = new RtcTokenBuilder(at(T0), SaltSource.fixed(7)).buildTokenWithUid(APP_ID, CERT, "room", 42L,
                RtcTokenBuilder.Role.Role_Subscriber, 3600);
        Inspection in = TokenDoctor.inspect(token, at(T0));
        assertEquals(List.of(Code.PRIVILEGE_EXPIRED, Code.TIMESTAMP_UNIT), warnings(in));
        assertEquals("3600 is 1970-01-01 01:00:00 UTC: it looks like a lifetime in seconds, but this field is a unix timestamp",
                in.warnings().get(1).message());
        assertEquals(List.of("privilege-expired"), codes(TokenDoctor.check(token, expect(T0).build())));
    }

    @Test
    void shouldCheck005WithChannelAndUid() {
        String key = DynamicKey5.generateMediaChannelKey(APP_ID, CERT, "room", T0, 58964981L, 42L, T0 + 3600);
        assertEquals(Verdict.VALID, TokenDoctor.check(key, expect(T0).certificate(CERT).channel("room").uid(42).build()).verdict());
        CheckResult other = TokenDoctor.check(key, expect(T0).certificate(CERT).channel("room").uid(43).build());
        assertEquals(List.of("bad-signature"), codes(other));
        assertTrue(other.findings().get(0).message().contains("a different channel or uid fails the same way"));
        assertEquals(Verdict.UNVERIFIED, TokenDoctor.check(key, expect(T0).certificate(CERT).build()).verdict());
        assertEquals(List.of("expired"), codes(TokenDoctor.check(key, expect(T0 + 3600).build())));
        Inspection in = TokenDoctor.inspect(key, at(T0));
        assertEquals("MEDIA_CHANNEL_SERVICE (media channel key)", meaning(in, "serviceType"));
        String permission = DynamicKey5.generateInChannelPermissionKey(APP_ID, CERT, "room", T0, 1L, 42L, T0 + 3600, DynamicKey5.audioVideoUpload);
        assertEquals("ALLOW_UPLOAD_IN_CHANNEL: audioVideoUpload", meaning(TokenDoctor.inspect(permission, at(T0)), "extra.1"));
    }

    @Test
    void shouldCheckSignalingWithTheAccount() {
        String token = SignalingToken.getToken(APP_ID, CERT, "alice", T0 + 3600);
        assertEquals(Verdict.VALID, TokenDoctor.check(token, expect(T0).certificate(CERT).account("alice").build()).verdict());
        assertEquals(List.of("bad-signature"), codes(TokenDoctor.check(token, expect(T0).certificate(CERT).account("bob").build())));
        assertEquals(Verdict.UNVERIFIED, TokenDoctor.check(token, expect(T0).certificate(CERT).build()).verdict());
        assertEquals(List.of("expired"), codes(TokenDoctor.check(token, expect(T0 + 3601).build())));
    }

    @Test
    void shouldCheckNetlessWithTheSecretKeyInMilliseconds() {
        String sk = "netless-sk-that-is-secret";
        NetlessToken tokens = new NetlessToken(at(T0), NonceSource.fixed("4f5e0a9c-5b3a-11ee-8c99-0242ac120002"));
        String room = tokens.roomToken("netless-ak", sk, 3_600_000, new NetlessToken.RoomTokenTags(TokenRole.WRITER, "room-uuid"));
        assertEquals(Verdict.VALID, TokenDoctor.check(room, expect(T0).certificate(sk).build()).verdict());
        assertEquals(List.of("bad-signature"), codes(TokenDoctor.check(room, expect(T0).certificate("other").build())));
        assertEquals(List.of("expired"), codes(TokenDoctor.check(room, expect(T0 + 3600).build())));
        Inspection in = TokenDoctor.inspect(room, at(T0));
        assertEquals("the token expires at 2023-11-14 23:13:20 UTC (unix milliseconds)", meaning(in, "expireAt"));
        assertEquals("writer: may draw and edit", meaning(in, "role"));

        String forever = tokens.sdkToken("netless-ak", sk, 0, new NetlessToken.SdkTokenTags(TokenRole.ADMIN));
        assertEquals("absent: the token never expires", meaning(TokenDoctor.inspect(forever, at(T0)), "expireAt"));
        assertFalse(TokenDoctor.inspect(forever, at(Long.MAX_VALUE / 2000)).expiresAt().isPresent());
        assertEquals(Verdict.VALID, TokenDoctor.check(forever, expect(T0 + 10 * 365 * 86400L).certificate(sk).build()).verdict());
    }

    /** Every field of each scheme, in order, as name=value; the values are what the token was built from. */
    @Test
    void shouldListEveryFieldWithTheValueItWasBuiltFrom() {
        Function<String, Long> crc = text -> {
            CRC32 c = new CRC32();
            c.update(text.getBytes(StandardCharsets.UTF_8));
            return c.getValue();
        };
        String t006 = new RtcTokenBuilder(at(T0), SaltSource.fixed(7)).buildTokenWithUid(APP_ID, CERT, "room", 42L,
                RtcTokenBuilder.Role.Role_Publisher, T0 + 3600);
        assertEquals(List.of("version=006", "appId=" + APP_ID, "signature", "crcChannelName=" + crc.apply("room"),
                "crcUid=" + crc.apply("42"), "salt=7", "ts=" + (T0 + 86_400), "privileges.1=" + (T0 + 3600),
                "privileges.2=" + (T0 + 3600), "privileges.3=" + (T0 + 3600), "privileges.4=" + (T0 + 3600)),
                fieldsWithValues(TokenDoctor.inspect(t006, at(T0))));

        String t005 = DynamicKey5.generateMediaChannelKey(APP_ID, CERT, "room", T0, 58964981L, 42L, T0 + 3600);
        // 005 keys carry the App ID in lower case, as the official generators write it.
        assertEquals(List.of("version=005", "serviceType=1", "signature", "appId=" + APP_ID.toLowerCase(Locale.ROOT), "unixTs=" + T0,
                "salt=58964981", "expiredTs=" + (T0 + 3600)), fieldsWithValues(TokenDoctor.inspect(t005, at(T0))));

        String signaling = SignalingToken.getToken(APP_ID, CERT, "alice", T0 + 3600);
        assertEquals(List.of("version=1", "appId=" + APP_ID, "expiredTs=" + (T0 + 3600), "signature"),
                fieldsWithValues(TokenDoctor.inspect(signaling, at(T0))));

        String nonce = "4f5e0a9c-5b3a-11ee-8c99-0242ac120002";
        String room = new NetlessToken(at(T0), NonceSource.fixed(nonce))
                .roomToken("netless-ak", "netless-sk", 3_600_000, new NetlessToken.RoomTokenTags(TokenRole.WRITER, "room-uuid"));
        assertEquals(List.of("prefix=NETLESSROOM_", "ak=netless-ak", "expireAt=" + (T0 * 1000 + 3_600_000), "nonce=" + nonce,
                "role=" + TokenRole.WRITER.value(), "sig", "uuid=room-uuid"), fieldsWithValues(TokenDoctor.inspect(room, at(T0))));

        // Service types as agora-token 2.0.6 numbers them: Streaming 3, FCDN 6, APaaS 7.
        Privileges p = Privileges.of(1, 600);
        String t007 = AccessToken2Codec.encode(new AccessToken2(APP_ID, T0, 3600, 7,
                new Service.Streaming(ByteString.utf8("live"), ByteString.utf8("alice"), p),
                new Service.Fcdn(ByteString.utf8("cdn"), ByteString.utf8("bob"), p),
                new Service.Apaas(ByteString.utf8("class"), ByteString.utf8("carol"), (short) 2, p)), CERT);
        assertEquals(List.of("version=007", "signature", "appId=" + APP_ID, "issueTs=" + T0, "expire=3600", "salt=7",
                "services[0].type=3", "services[0].channelName=live", "services[0].account=alice", "services[0].privileges.1=600",
                "services[1].type=6", "services[1].channelName=cdn", "services[1].account=bob", "services[1].privileges.1=600",
                "services[2].type=7", "services[2].roomUuid=class", "services[2].userUuid=carol", "services[2].role=2",
                "services[2].privileges.1=600"), fieldsWithValues(TokenDoctor.inspect(t007, at(T0))));
    }

    /** A packed uid is an int uid only as the decimal text buildTokenWithUid writes: no leading zero, within u32. */
    @Test
    void shouldTellAnIntUidFromAnAccountOfDigits() {
        for (String uid : new String[] {"0", "9", "42", "4294967295"}) {
            assertTrue(Inspector.uidMeaning(ByteString.utf8(uid)).startsWith("int uid " + uid), uid);
        }
        for (String account : new String[] {"042", "4294967296", "12345678901", "4a", "/", ":"}) {
            assertTrue(Inspector.uidMeaning(ByteString.utf8(account)).startsWith("a user account"), account);
        }
        assertTrue(Inspector.uidMeaning(ByteString.EMPTY).startsWith("empty: uid 0"));
    }

    /** name=value for each field; signatures by name alone (their value is the signer's, tested elsewhere). */
    private static List<String> fieldsWithValues(Inspection in) {
        return in.fields().stream()
                .map(f -> f.name().equals("signature") || f.name().equals("sig") ? f.name() : f.name() + "=" + f.value())
                .toList();
    }

    @Test
    void shouldNeverShowACertificate() {
        Expectations expectations = expect(T0 + 7200).certificate(OTHER_CERT).secondaryCertificate(CERT).channel("lobby").uid(1).build();
        CheckResult result = TokenDoctor.check(uidToken(42), expectations);
        String everything = expectations + " " + result + " " + result.findings().stream().map(Finding::message).toList();
        assertFalse(everything.contains(CERT) || everything.contains(OTHER_CERT), everything);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> TokenDoctor.check(uidToken(42), expect(T0).certificate("not-hex-secret").build()));
        assertFalse(bad.getMessage().contains("not-hex-secret"));
    }

    @Test
    void shouldRefuseContradictoryExpectations() {
        assertThrows(IllegalArgumentException.class, () -> Expectations.builder().uid(1).account("a").build());
        assertThrows(IllegalArgumentException.class, () -> Expectations.builder().secondaryCertificate(CERT).build());
        assertThrows(IllegalArgumentException.class, () -> Expectations.builder().uid(-1));
        assertThrows(IllegalArgumentException.class, () -> Expectations.builder().leeway(Duration.ofSeconds(-1)));
    }

    @Test
    void shouldReadAGoldenTokenAsTheOfficialsDo() {
        // vectors/007-decode.jsonl, 007-decode-0001 (official Python, Java, Node, Go)
        String token = "007eJxTYFid/UVfWvLFGXeOteu4qnIXy+t1fv3Qyxu4ynG742MV90sKDJbmBs6OxqYpqWYGySYmZiamSUmJqRaJRoamBmaGScbGDB+DUwX4GBj8EvcwMAIhCxBHMDEwMIFJZjDJAiYVGMxTzI2MzUxTkywtjE0sTI0tzVONU43TLFNMzAySUlISuRiMLCyMjE0MjcyNAQDFJw0=";
        Inspection in = TokenDoctor.inspect(token, at(T0));
        assertEquals("7d72365eb983485397e3e3f9d460bdda", in.value("services[0].channelName"));
        assertEquals("2882341273", in.value("services[0].uid"));
        assertEquals("600", in.value("services[0].privileges.4"));
        assertEquals("12345678", in.value("salt"));
        assertEquals("ab6bf42f1b19e8cc4708adae0a7a6da31f2e89f5f08d0d51aa41b741e32447d2", in.value("signature"));
    }

    @Test
    void shouldWriteTimesAndDurationsOneWay() {
        assertEquals("1970-01-01 00:00:00 UTC", Words.utc(0));
        assertEquals("2106-02-07 06:28:15 UTC", Words.utc(0xFFFF_FFFFL));
        assertEquals("2023-11-14 22:13:20.005 UTC", Words.utcMillis(T0 * 1000 + 5));
        assertEquals("0 s", Words.duration(0));
        assertEquals("1 h", Words.duration(3600));
        assertEquals("1 h 1 min", Words.duration(3660));
        assertEquals("1 d", Words.duration(86_401));
        assertEquals("in 10 min", Words.relative(T0 + 600, T0));
        assertEquals("2 h ago", Words.relative(T0, T0 + 7200));
        assertEquals(null, Words.channelNameProblem(ByteString.utf8("Room 1!#$%&()+-:;<=.>?@[]^_{}|~,")));
        assertTrue(Words.channelNameProblem(ByteString.utf8("x".repeat(65))).contains("65 bytes"));
    }

    @Test
    void shouldFindPrivilegesByOfficialNameOrId() {
        assertEquals(2, ServiceKind.RTC.privilegeId("kPrivilegePublishAudioStream"));
        assertEquals(2, ServiceKind.RTC.privilegeId("kprivilegepublishaudiostream"));
        assertEquals(4, ServiceKind.RTC.privilegeId("4"));
        assertEquals(-1, ServiceKind.RTC.privilegeId("kPrivilegeLogin"));
        assertEquals(-1, ServiceKind.RTC.privilegeId("65536"));
        assertEquals(ServiceKind.RTM2, ServiceKind.ofName("rtm2"));
        assertEquals(null, ServiceKind.ofName("video"));
    }

    private static String meaning(Inspection in, String field) {
        return in.fields().stream().filter(f -> f.name().equals(field)).findFirst().orElseThrow().meaning();
    }
}
