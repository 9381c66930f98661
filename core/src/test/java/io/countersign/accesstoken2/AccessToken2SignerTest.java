package io.countersign.accesstoken2;

import io.countersign.codec.Privileges;
import io.countersign.codec.SignerContract;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessToken2SignerTest extends SignerContract<AccessToken2> {
    private static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    private static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";
    private static final AccessToken2 TOKEN = new AccessToken2(APP_ID, 1700000000L, 600, 12345678,
            new Service.Rtm("alice", Privileges.of(Service.Rtm.LOGIN, 600)),
            new Service.Rtc("room", "42", Privileges.of(Service.Rtc.JOIN_CHANNEL, 600)));

    /**
     * Vector 007-build-0001 (Java, agoraiotools, agora-token and go-tokenbuilder):
     * RtcTokenBuilder2.buildTokenWithUid(APP_ID, CERT, CHANNEL, 2882341273, publisher, 3600, 600)
     * at 1700000000 with salt 12345678.
     */
    private static final String OFFICIAL_RTC = "007eJxTYFid/UVfWvLFGXeOteu4qnIXy+t1fv3Qyxu4ynG742MV90sKDJbmBs6OxqYpqWYGySYmZiamSUmJqRaJRoamBmaGScbGDB+DUwX4GBj8EvcwMAIhCxBHMDEwMIFJZjDJAiYVGMxTzI2MzUxTkywtjE0sTI0tzVONU43TLFNMzAySUlISuRiMLCyMjE0MjcyNAQDFJw0=";
    private static final AccessToken2 RTC = new AccessToken2(APP_ID, 1700000000L, 3600, 12345678,
            new Service.Rtc("7d72365eb983485397e3e3f9d460bdda", "2882341273", Privileges.builder()
                    .put(Service.Rtc.JOIN_CHANNEL, 600).put(Service.Rtc.PUBLISH_AUDIO_STREAM, 600)
                    .put(Service.Rtc.PUBLISH_VIDEO_STREAM, 600).put(Service.Rtc.PUBLISH_DATA_STREAM, 600).build()));

    private final AccessToken2Signer signer = new AccessToken2Signer();

    AccessToken2SignerTest() {
        super(AccessToken2Signer::new, RTC, CERT, OFFICIAL_RTC);
    }

    @Test
    void shouldSignAsAFreshSignerDoesWhenTheCertificateOrTheSecondChanges() {
        // The signer keeps the chain's first link for the last (issueTs, certificate): any change must recompute it.
        String otherCert = "0123456789abcdef0123456789ABCDEF";
        AccessToken2 nextSecond = new AccessToken2(APP_ID, TOKEN.issueTs() + 1, TOKEN.expire(), TOKEN.salt(), TOKEN.services());
        AccessToken2 otherSalt = new AccessToken2(APP_ID, TOKEN.issueTs(), TOKEN.expire(), TOKEN.salt() + 1, TOKEN.services());
        String[][] sequence = {{"t", CERT}, {"t", otherCert}, {"next", otherCert}, {"next", CERT}, {"salt", CERT}, {"t", CERT}};
        for (String[] step : sequence) {
            AccessToken2 token = step[0].equals("t") ? TOKEN : step[0].equals("next") ? nextSecond : otherSalt;
            String expected;
            try (AccessToken2Signer fresh = new AccessToken2Signer()) {
                expected = fresh.sign(token, step[1]);
            }
            assertEquals(expected, signer.sign(token, step[1]), step[0] + " with " + (step[1].equals(CERT) ? "CERT" : "otherCert"));
            // Verify goes through the same kind of signer (one per thread): right certificate yes, the other no.
            assertTrue(AccessToken2Codec.verify(expected, step[1]));
            assertFalse(AccessToken2Codec.verify(expected, step[1].equals(CERT) ? otherCert : CERT));
        }
    }

    @Test
    void shouldPackServicesSortedByTypeStableWithinAType() {
        AccessToken2 token = new AccessToken2(APP_ID, 1, 2, 3,
                new Service.Chat("second-type-5", Privileges.NONE),
                new Service.Rtm("first-rtm", Privileges.NONE),
                new Service.Chat("third-type-5", Privileges.NONE),
                new Service.Rtm("second-rtm", Privileges.NONE));
        var services = AccessToken2Codec.decode(signer.sign(token, CERT)).token().services();
        assertEquals("first-rtm", ((Service.Rtm) services.get(0)).userId().utf8String());
        assertEquals("second-rtm", ((Service.Rtm) services.get(1)).userId().utf8String());
        assertEquals("second-type-5", ((Service.Chat) services.get(2)).userId().utf8String());
        assertEquals("third-type-5", ((Service.Chat) services.get(3)).userId().utf8String());
    }

    @Test
    void shouldNameTheFieldOfEachBadInput() {
        assertMessage("appId:", () -> new AccessToken2("xyz", 0, 0, 0, new Service.Fpa(Privileges.NONE)));
        assertMessage("issueTs:", () -> new AccessToken2(APP_ID, -1, 0, 0, new Service.Fpa(Privileges.NONE)));
        assertMessage("expire:", () -> new AccessToken2(APP_ID, 0, 1L << 32, 0, new Service.Fpa(Privileges.NONE)));
        assertMessage("channelName:", () -> new Service.Rtc("x".repeat(65536), "", Privileges.NONE));
        assertMessage("uid:", () -> new Service.Rtc("room", "\uD800", Privileges.NONE));
        assertMessage("privilege id:", () -> Privileges.of(70000, 1));
        assertMessage("services:", () -> signer.sign(new AccessToken2(APP_ID, 0, 0, 0), CERT));
        assertMessage("uid:", () -> new RtcTokenBuilder2().buildTokenWithUid(APP_ID, CERT, "room", -1L,
                RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600));
    }

    @Test
    void shouldAcceptTheLongestStringAU16CanPrefix() {
        AccessToken2 token = new AccessToken2(APP_ID, 1, 2, 3, new Service.Rtc("c".repeat(65535), "", Privileges.NONE));
        Service.Rtc rtc = (Service.Rtc) AccessToken2Codec.decode(signer.sign(token, CERT)).token().services().get(0);
        assertEquals(65535, rtc.channelName().length());
    }

    @Test
    void rtm2PermissionsTakeTheOfficialCanonicalForm() {
        var read = Service.Rtm2Permission.ofStrings(Service.Rtm2Permission.READ, java.util.List.of("a"));
        var write = Service.Rtm2Permission.ofStrings(Service.Rtm2Permission.WRITE, java.util.List.of("b"));
        var readAgain = Service.Rtm2Permission.ofStrings(Service.Rtm2Permission.READ, java.util.List.of("c"));
        Service.Rtm2 rtm2 = new Service.Rtm2("u", java.util.List.of(
                new Service.Rtm2Resource(4, java.util.List.of(write, read)),
                new Service.Rtm2Resource(2, java.util.List.of()),
                new Service.Rtm2Resource(1, java.util.List.of(read)),
                new Service.Rtm2Resource(4, java.util.List.of(readAgain))), Privileges.NONE);

        assertEquals(java.util.List.of(
                new Service.Rtm2Resource(1, java.util.List.of(read)),
                new Service.Rtm2Resource(2, java.util.List.of()),
                new Service.Rtm2Resource(4, java.util.List.of(readAgain, write))), rtm2.permissions());
    }

    @Test
    void rtm2ResourceTypeWithoutPermissionsIsPackedButDroppedOnDecode() {
        var read = Service.Rtm2Permission.ofStrings(Service.Rtm2Permission.READ, java.util.List.of("a"));
        Service.Rtm2 rtm2 = new Service.Rtm2("u", java.util.List.of(
                new Service.Rtm2Resource(1, java.util.List.of()),
                new Service.Rtm2Resource(3, java.util.List.of(read))), Privileges.NONE);
        String token = signer.sign(new AccessToken2(APP_ID, 1, 2, 3, rtm2), CERT);

        var decoded = AccessToken2Codec.decode(token);
        assertEquals(java.util.List.of(new Service.Rtm2Resource(3, java.util.List.of(read))),
                ((Service.Rtm2) decoded.token().services().get(0)).permissions());
        assertTrue(decoded.verify(CERT), "verify uses the signed bytes, not the decoded content");
    }

    @Test
    void verifyRejectsACertificateThatIsNotHexInsteadOfAnsweringFalse() {
        var decoded = AccessToken2Codec.decode(signer.sign(TOKEN, CERT));
        assertMessage("appCertificate:", () -> decoded.verify("not a certificate"));
        assertFalse(decoded.verify(CERT.replace('5', '6')));
    }

    @Test
    void signerToStringDoesNotHoldTheCertificate() {
        signer.sign(TOKEN, CERT);
        assertFalse(signer.toString().contains(CERT));
    }

    private static void assertMessage(String prefix, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    }
}
