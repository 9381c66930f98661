package io.countersign.accesstoken;

import io.countersign.accesstoken.RtcTokenBuilder.Role;
import io.countersign.codec.SaltSource;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden tokens from the official Node packages. Each was produced by agora-token 2.0.6, loading
 * {@code agora-token/src/RtcTokenBuilder} in {@code node -e} with {@code Date} fixed at
 * 1700000000000 ms and {@code Math.random()} returning (12345678 + 0.5) / 0xffffffff before the
 * module loads (the 006 salt is drawn once, at load). agora-access-token 2.0.4 and
 * agoraiotools 0.3.4 (time.time and SystemRandom.randint fixed alike) give identical tokens.
 */
class RtcTokenBuilderTest {
    private static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    private static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";
    private static final String CHANNEL = "7d72365eb983485397e3e3f9d460bdda";
    private static final long UID = 2882341273L;
    private static final long EXPIRE = 1446455471L;

    /** buildTokenWithUid(APP_ID, CERT, CHANNEL, 2882341273, 1, 1446455471); roles 0 and 101 give the same token. */
    private static final String PUBLISHER = AccessTokenDecoderTest.OFFICIAL;
    /** buildTokenWithUid(APP_ID, CERT, CHANNEL, 2882341273, 2, 1446455471). */
    private static final String SUBSCRIBER = "006970CA35de60c44645bbae8a215061b33IACFmpswaWjsHblaZ+ha1oKNvnzvNJjZ0NHbkXY57hrNe7dIfRBXoFHlEABOYbwAgEJVZQEAAQCvKDdW";
    /** buildTokenWithUid(APP_ID, CERT, CHANNEL, 0, 1, 1446455471): uid 0 packs as "". */
    private static final String UID_ZERO = "006970CA35de60c44645bbae8a215061b33IADTEbOb5XHZSEDdNS2ihhR/d1kCk33o9PDKpoy2FETIU7dIfRAAAAAAIgBOYbwAgEJVZQQAAQCvKDdWAgCvKDdWAwCvKDdWBACvKDdW";
    /** buildTokenWithAccount(APP_ID, CERT, CHANNEL, "test_user", 1, 1446455471). */
    private static final String ACCOUNT = "006970CA35de60c44645bbae8a215061b33IAAWqjsan9k570NfCdpP48EE7JrpP5rw8EMG046CWncCbrdIfRCG/OqIIgBOYbwAgEJVZQQAAQCvKDdWAgCvKDdWAwCvKDdWBACvKDdW";
    /** buildTokenWithAccount(APP_ID, CERT, CHANNEL, "0", 2, 1446455471): the account "0" stays "0". */
    private static final String ACCOUNT_ZERO = "006970CA35de60c44645bbae8a215061b33IAAGu5LONiG2yy+MP86nVgaY1zygkZGvbvGLZv9ddqAjrrdIfRAh39v0EABOYbwAgEJVZQEAAQCvKDdW";
    /** buildTokenWithAccount(APP_ID, CERT, "频道 é", "用户", 2, 1700000600). */
    private static final String UNICODE = "006970CA35de60c44645bbae8a215061b33IABq5FluzXFFwlkR+nzX9IIHEcx39aJ6wfQwWxZHgY4k5mT647TdouodEABOYbwAgEJVZQEAAQBY81Nl";
    /** buildTokenWithUid(APP_ID, CERT, "", 0, 2, 1700000600). */
    private static final String EMPTY_CHANNEL = "006970CA35de60c44645bbae8a215061b33IAD9KymyKCpnN97hvTVG8rOeJCz9IbGcQ2d5bhs3DHfO3gAAAAAAAAAAEABOYbwAgEJVZQEAAQBY81Nl";

    private final RtcTokenBuilder builder = new RtcTokenBuilder(
            Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC), SaltSource.fixed(12345678));

    @Test
    void shouldMatchTheOfficialNodeBuilderForEveryRole() {
        assertEquals(PUBLISHER, builder.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, Role.Role_Publisher, EXPIRE));
        assertEquals(PUBLISHER, builder.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, Role.Role_Attendee, EXPIRE));
        assertEquals(PUBLISHER, builder.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, Role.Role_Admin, EXPIRE));
        assertEquals(SUBSCRIBER, builder.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, Role.Role_Subscriber, EXPIRE));
    }

    @Test
    void shouldReadAnIntUidAsUnsigned() {
        assertEquals(PUBLISHER, builder.buildTokenWithUid(APP_ID, CERT, CHANNEL, (int) UID, Role.Role_Publisher, EXPIRE));
    }

    @Test
    void shouldPackUidZeroAsEmptyButAccountZeroAsIs() {
        assertEquals(UID_ZERO, builder.buildTokenWithUid(APP_ID, CERT, CHANNEL, 0, Role.Role_Publisher, EXPIRE));
        assertEquals(ACCOUNT_ZERO, builder.buildTokenWithAccount(APP_ID, CERT, CHANNEL, "0", Role.Role_Subscriber, EXPIRE));
        assertTrue(AccessTokenCodec.verify(UID_ZERO, CERT, CHANNEL, ""));
        assertTrue(AccessTokenCodec.verify(ACCOUNT_ZERO, CERT, CHANNEL, "0"));
        assertFalse(AccessTokenCodec.verify(ACCOUNT_ZERO, CERT, CHANNEL, 0));
    }

    @Test
    void shouldMatchTheOfficialNodeBuilderForAccounts() {
        assertEquals(ACCOUNT, builder.buildTokenWithAccount(APP_ID, CERT, CHANNEL, "test_user", Role.Role_Publisher, EXPIRE));
        assertEquals(ACCOUNT, builder.buildTokenWithUserAccount(APP_ID, CERT, CHANNEL, "test_user", Role.Role_Publisher, EXPIRE));
        assertEquals(UNICODE, builder.buildTokenWithAccount(APP_ID, CERT, "\u9891\u9053 \u00e9", "\u7528\u6237",
                Role.Role_Subscriber, 1_700_000_600L));
        assertEquals(EMPTY_CHANNEL, builder.buildTokenWithUid(APP_ID, CERT, "", 0, Role.Role_Subscriber, 1_700_000_600L));
    }

    @Test
    void shouldGrantJoinToEveryRoleAndPublishToAllButSubscriber() {
        for (Role role : Role.values()) {
            Set<Integer> granted = AccessTokenCodec.decode(builder.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, role, EXPIRE))
                    .privileges().toMap().keySet();
            assertEquals(role == Role.Role_Subscriber ? Set.of(1) : Set.of(1, 2, 3, 4), granted, role.name());
        }
    }

    @Test
    void shouldStampTsOneDayAheadOfTheClockWithTheInjectedSalt() {
        DecodedAccessToken d = AccessTokenCodec.decode(builder.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID,
                Role.Role_Publisher, EXPIRE));
        assertEquals(1_700_086_400L, d.ts());
        assertEquals(12345678, d.salt());
        assertEquals(Map.of(1, EXPIRE, 2, EXPIRE, 3, EXPIRE, 4, EXPIRE), d.privileges().toMap());
    }

    @Test
    void shouldMapProtocolRoleValues() {
        assertEquals(Role.Role_Attendee, Role.of(0));
        assertEquals(Role.Role_Admin, Role.of(101));
        assertEquals(101, Role.Role_Admin.initValue);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Role.of(3)).getMessage().startsWith("role:"));
    }

    @Test
    void shouldRejectBadInputsNamingTheField() {
        assertField("appId", () -> builder.buildTokenWithUid("970CA35de60c44645bbae8a215061b3", CERT, CHANNEL, UID,
                Role.Role_Publisher, EXPIRE));
        assertField("appCertificate", () -> builder.buildTokenWithUid(APP_ID, "", CHANNEL, UID, Role.Role_Publisher, EXPIRE));
        assertField("uid", () -> builder.buildTokenWithUid(APP_ID, CERT, CHANNEL, 1L << 32, Role.Role_Publisher, EXPIRE));
        assertField("privilege 1", () -> builder.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, Role.Role_Publisher, -1));
        assertField("role", () -> builder.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, null, EXPIRE));
        assertField("channelName", () -> builder.buildTokenWithUid(APP_ID, CERT, null, UID, Role.Role_Publisher, EXPIRE));
        assertField("account", () -> builder.buildTokenWithAccount(APP_ID, CERT, CHANNEL, null, Role.Role_Publisher, EXPIRE));
    }

    @Test
    void shouldRejectAClockTooLateForAU32Ts() {
        RtcTokenBuilder late = new RtcTokenBuilder(Clock.fixed(Instant.ofEpochSecond(0xFFFF_FFFFL - 86_399), ZoneOffset.UTC),
                SaltSource.fixed(1));
        assertField("clock", () -> late.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, Role.Role_Publisher, EXPIRE));
    }

    @Test
    void shouldUseTheSystemClockByDefault() {
        long now = Instant.now().getEpochSecond();
        DecodedAccessToken d = AccessTokenCodec.decode(new RtcTokenBuilder().buildTokenWithUid(APP_ID, CERT, CHANNEL, UID,
                Role.Role_Publisher, EXPIRE));
        assertTrue(Math.abs(d.ts() - (now + 86_400)) < 60, "ts " + d.ts());
        assertTrue(d.salt() >= 1 && d.salt() <= SaltSource.MAX_SALT);
    }

    static void assertField(String field, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(field + ":"), e.getMessage());
    }
}
