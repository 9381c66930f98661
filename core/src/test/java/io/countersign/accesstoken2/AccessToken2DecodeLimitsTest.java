package io.countersign.accesstoken2;

import io.countersign.codec.DecodeLimits;
import io.countersign.internal.PackedWriter;
import io.countersign.codec.TokenFormatException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Base64;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The RTM2 entry cap: a small token must not decode into hundreds of thousands of objects. */
class AccessToken2DecodeLimitsTest {
    private static final String APP_ID = "970CA35de60c44645bbae8a215061b33";

    @Test
    void shouldRejectTheAmplifyingTokenOfSevenPermissionsOf65535EmptyNames() {
        String token = rtm2Token(7, 65_535);
        assertTrue(token.length() < 1_500, "the hostile token is small: " + token.length());

        TokenFormatException e = assertThrows(TokenFormatException.class, () -> AccessToken2Codec.decode(token));

        assertEquals(TokenFormatException.Reason.TOO_LARGE, e.reason());
        assertEquals("services[0].permissions[0].permissions[0].resources count", e.field());
        // The offset is the names count's own: 2 + 32 (signature), 2 + 32 (appId), 12 (issueTs,
        // expire, salt), 2 (services), 2 + 2 (type, privileges), 2 + 4 (userId), 2 + 2 + 2
        // (resources, resource type, permissions), 2 (permission type).
        assertEquals(100, e.offset());
    }

    @Test
    void shouldAcceptAsManyServicesAsTheLimitAndNoMore() {
        String two = AccessToken2Codec.encode(new AccessToken2(APP_ID, 1_700_000_000L, 3600, 1, java.util.List.of(
                new Service.Rtm("alice", io.countersign.codec.Privileges.builder().put(1, 0).build()),
                new Service.Chat("alice", io.countersign.codec.Privileges.builder().put(1, 0).build()))),
                "5CFd2fd1755d40ecb72977518be15d3b");
        try (AccessToken2Decoder atLimit = new AccessToken2Decoder(DecodeLimits.builder().maxServices(2).build());
             AccessToken2Decoder overLimit = new AccessToken2Decoder(DecodeLimits.builder().maxServices(1).build())) {
            assertEquals(2, atLimit.decode(two).token().services().size());
            TokenFormatException e = assertThrows(TokenFormatException.class, () -> overLimit.decode(two));
            assertEquals("services count", e.field());
            assertEquals(2 + 32 + 2 + 32 + 12, e.offset());
        }
    }

    @Test
    void shouldCountResourceTypesPermissionsAndNamesTogether() {
        // 1 resource type + 2 permissions + 2 x 3 names = 9 entries.
        String token = rtm2Token(2, 3);
        DecodeLimits nine = DecodeLimits.builder().maxRtm2Entries(9).build();
        DecodeLimits eight = DecodeLimits.builder().maxRtm2Entries(8).build();

        try (AccessToken2Decoder atLimit = new AccessToken2Decoder(nine);
             AccessToken2Decoder overLimit = new AccessToken2Decoder(eight)) {
            Service.Rtm2 rtm2 = (Service.Rtm2) atLimit.decode(token).token().services().get(0);
            assertEquals(2, rtm2.permissions().get(0).permissions().size());
            TokenFormatException e = assertThrows(TokenFormatException.class, () -> overLimit.decode(token));
            assertEquals("services[0].permissions[0].permissions[1].resources count", e.field());
        }
    }

    @Test
    void shouldDecodeTheAmplifyingTokenWhenTheLimitsAllowIt() {
        // The cap, not some other check, is what rejects it by default.
        DecodeLimits roomy = DecodeLimits.builder().maxRtm2Entries(500_000).build();
        try (AccessToken2Decoder decoder = new AccessToken2Decoder(roomy)) {
            Service.Rtm2 rtm2 = (Service.Rtm2) decoder.decode(rtm2Token(7, 65_535)).token().services().get(0);
            assertEquals(7, rtm2.permissions().get(0).permissions().size());
        }
    }

    /** One RTM2 service: one resource type with {@code permissions} permissions of {@code names} empty names each. */
    private static String rtm2Token(int permissions, int names) {
        PackedWriter w = new PackedWriter(1 << 20);
        byte[] signature = new byte[32];
        w.putU16(signature.length).putRaw(signature, 0, signature.length);
        w.putAscii(APP_ID);
        w.putU32(1_700_000_000L).putU32(3600).putU32(1).putU16(1);
        w.putU16(Service.TYPE_RTM2).putU16(0); // no privileges
        w.putU16(4).putRaw(new byte[] {'u', 's', 'e', 'r'}, 0, 4);
        w.putU16(1).putU16(1).putU16(permissions);
        for (int p = 0; p < permissions; p++) {
            w.putU16(p + 1).putU16(names);
            for (int n = 0; n < names; n++) {
                w.putU16(0);
            }
        }
        Deflater deflater = new Deflater(9);
        deflater.setInput(Arrays.copyOf(w.array(), w.position()));
        deflater.finish();
        byte[] compressed = new byte[w.position()];
        int length = deflater.deflate(compressed);
        deflater.end();
        return "007" + Base64.getEncoder().encodeToString(Arrays.copyOf(compressed, length));
    }
}
