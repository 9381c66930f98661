package io.countersign.netless;

import io.countersign.internal.Hex;
import io.countersign.codec.SignerContract;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetlessSignerTest extends SignerContract<NetlessTokenContent> {
    private static final NetlessTokenContent ROOM = NetlessTokenContent
            .of(TokenPrefix.ROOM, "netless-ak", NetlessTokenTest.NONCE, TokenRole.READER)
            .withUuid("d4ea9f9026a511ebb2e2c7b4a6e4bbb1")
            .withExpireAt(1_700_003_600_000L);
    // netless-token 1.0.2, Date.now() = 1700000000000, uuid.v1() = NONCE:
    // roomToken("netless-ak", "netless-sk", 3600000, {role: "2", uuid: "d4ea9f9026a511ebb2e2c7b4a6e4bbb1"})
    private static final String ROOM_TOKEN = "NETLESSROOM_YWs9bmV0bGVzcy1hayZleHBpcmVBdD0xNzAwMDAzNjAwMDAwJm5vbmNlPTZjODRmYjkwLTEyYzQtMTFlMS04NDBkLTdiMjVjNWVlNzc1YSZyb2xlPTImc2lnPTVmNjhlMGQ5YWE3YWJiODFiZjBlYTNiZmM1NGY4MTk3NDU1MTIyMGVmN2MyY2FlYzhmMGZkNzk0Y2NkYjA5YjQmdXVpZD1kNGVhOWY5MDI2YTUxMWViYjJlMmM3YjRhNmU0YmJiMQ";

    private final NetlessSigner signer = new NetlessSigner();

    NetlessSignerTest() {
        super(NetlessSigner::new, ROOM, "netless-sk", ROOM_TOKEN);
    }

    @Test
    void signedMessageIsTheOfficialJson() {
        // The string netless-token 1.0.2 passes to hmac.update for the call above, captured by
        // wrapping crypto.createHmac, as UTF-8 hex.
        assertEquals("7b22616b223a226e65746c6573732d616b222c226578706972654174223a2231373030303033363030303030222c226e6f6e6365223a2236633834666239302d313263342d313165312d383430642d376232356335656537373561222c22726f6c65223a2232222c2275756964223a226434656139663930323661353131656262326532633762346136653462626231227d",
                Hex.encode(signer.signedJson(ROOM).getBytes(StandardCharsets.UTF_8)));
        // Same capture for roomToken("netless-ak", "netless-sk", 1, {role: "0", uuid: TRICKY}).
        NetlessTokenContent tricky = NetlessTokenContent.of(TokenPrefix.ROOM, "netless-ak", NetlessTokenTest.NONCE, TokenRole.ADMIN)
                .withUuid(NetlessTokenTest.TRICKY).withExpireAt(NetlessTokenTest.NOW + 1);
        assertEquals("7b22616b223a226e65746c6573732d616b222c226578706972654174223a2231373030303030303030303031222c226e6f6e6365223a2236633834666239302d313263342d313165312d383430642d376232356335656537373561222c22726f6c65223a2230222c2275756964223a22715c22625c5c735c625c665c6e5c725c745c75303030305c75303031667f20e280a8e280a9212728292a7e2d5f2ec3a9e4b8adf09f9880263d2b2f3f2325227d",
                Hex.encode(signer.signedJson(tricky).getBytes(StandardCharsets.UTF_8)));
        // And for sdkToken(TRICKY, "netless-sk", 0, {role: "2"}) with the usual nonce.
        NetlessTokenContent sdk = NetlessTokenContent.of(TokenPrefix.SDK, NetlessTokenTest.TRICKY, NetlessTokenTest.NONCE, TokenRole.READER);
        assertEquals("7b22616b223a22715c22625c5c735c625c665c6e5c725c745c75303030305c75303031667f20e280a8e280a9212728292a7e2d5f2ec3a9e4b8adf09f9880263d2b2f3f2325222c226e6f6e6365223a2236633834666239302d313263342d313165312d383430642d376232356335656537373561222c22726f6c65223a2232227d",
                Hex.encode(signer.signedJson(sdk).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldGrowForLargeContentAndStillSignSmallContentRight() {
        NetlessTokenContent big = ROOM.withUuid("\ud83d\ude00\u2028".repeat(2000));
        String bigToken = signer.sign(big, "netless-sk");
        assertEquals(big, NetlessCodec.decode(bigToken).content());
        assertEquals(ROOM_TOKEN, signer.sign(ROOM, "netless-sk"));
    }

    @Test
    void secretRulesNeverShowTheSecret() {
        for (String bad : new String[] {"", "hunter2\ud800", "\udfffhunter2"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> signer.sign(ROOM, bad));
            assertTrue(e.getMessage().startsWith("sk:"), e.getMessage());
            assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        }
    }

    @Test
    void keyBytesAreWipedAfterUse() throws ReflectiveOperationException {
        signer.sign(ROOM, "netless-sk-\u00e9\ud83d\udd11");
        var field = NetlessSigner.class.getDeclaredField("key");
        field.setAccessible(true);
        byte[] key = (byte[]) field.get(signer);
        assertArrayEquals(new byte[key.length], key);
    }

    @Test
    void signingIntoACallerBufferAllocatesNothingAfterWarmUp() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] out = new byte[1024];
        NetlessTokenContent tricky = ROOM.withUuid(NetlessTokenTest.TRICKY);
        for (int i = 0; i < 20_000; i++) {
            signer.sign(tricky, "netless-sk", out, 3);
        }
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        assertTrue(before > 0, "this JVM does not measure thread allocation");
        for (int i = 0; i < 10_000; i++) {
            signer.sign(tricky, "netless-sk", out, 3);
        }
        long allocated = threads.getThreadAllocatedBytes(tid) - before;
        // A few hundred bytes of slack for the measuring calls themselves.
        assertTrue(allocated < 4096, "allocated " + allocated + " bytes over 10000 tokens");
    }
}
