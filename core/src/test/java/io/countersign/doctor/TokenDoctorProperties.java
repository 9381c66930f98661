package io.countersign.doctor;

import io.countersign.accesstoken.RtcTokenBuilder;
import io.countersign.accesstoken2.RtcTokenBuilder2;
import io.countersign.codec.CodecGenerators;
import io.countersign.codec.SaltSource;
import io.countersign.doctor.CheckResult.Signature;
import io.countersign.doctor.CheckResult.Verdict;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.LongRange;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * For any channel, user and lifetime within Agora's rules: a token passes the check for exactly
 * what it was built for, and each thing changed is named as its own finding.
 */
class TokenDoctorProperties {
    static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
    static final long T0 = 1_700_000_000L;

    @Provide
    Arbitrary<String> certificates() {
        return CodecGenerators.hex32();
    }

    /** Channel names and accounts of Agora's 89 characters, 1..64 long. */
    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !#$%&()+-:;<=.>?@[]^_{}|~,")
                .ofMinLength(1).ofMaxLength(64);
    }

    @Provide
    Arbitrary<Long> uids() {
        return CodecGenerators.u32();
    }

    static Clock at(long seconds) {
        return Clock.fixed(Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
    }

    @Property
    void a007TokenPassesForWhatItWasBuiltForAndNamesEachChange(@ForAll("certificates") String cert, @ForAll("names") String channel,
            @ForAll("uids") long uid, @ForAll @LongRange(min = 1, max = 86_400) long lifetime, @ForAll("names") String otherChannel,
            @ForAll("uids") long otherUid, @ForAll @LongRange(min = 0, max = 86_399) long age, @ForAll boolean sameChannel,
            @ForAll boolean sameUid) {
        otherChannel = sameChannel ? channel : otherChannel;
        otherUid = sameUid ? uid : otherUid;
        String token = new RtcTokenBuilder2(at(T0), SaltSource.fixed(1)).buildTokenWithUid(APP_ID, cert, channel, uid,
                RtcTokenBuilder2.Role.ROLE_PUBLISHER, lifetime, lifetime);
        long now = T0 + Math.min(age, lifetime - 1);
        CheckResult right = TokenDoctor.check(token, Expectations.builder().clock(at(now)).certificate(cert).channel(channel).uid(uid).build());
        assertEquals(List.of(), right.findings());
        assertEquals(Signature.PRIMARY, right.signature());
        assertEquals(List.of(), right.inspection().orElseThrow().warnings());

        List<String> expected = new java.util.ArrayList<>();
        if (!otherChannel.equals(channel)) {
            expected.add("wrong-channel");
        }
        // uid 0 packs as "": any uid may join.
        if (uid != 0 && otherUid != uid) {
            expected.add("wrong-uid");
        }
        Statistics.label("changed").collect(expected).coverage(c -> {
            c.check(List.of()).count((Integer n) -> n > 0);
            c.check(List.of("wrong-channel")).count((Integer n) -> n > 0);
        });
        CheckResult wrong = TokenDoctor.check(token, Expectations.builder().clock(at(now)).channel(otherChannel).uid(otherUid).build());
        assertEquals(expected, wrong.findings().stream().map(Finding::code).toList());
    }

    @Property
    void a006TokenPassesForWhatItWasBuiltForThroughItsCrc32s(@ForAll("certificates") String cert, @ForAll("names") String channel,
            @ForAll("names") String account, @ForAll("names") String otherChannel, @ForAll("names") String otherAccount,
            @ForAll boolean sameChannel, @ForAll boolean sameAccount) {
        otherChannel = sameChannel ? channel : otherChannel;
        otherAccount = sameAccount ? account : otherAccount;
        String token = new RtcTokenBuilder(at(T0), SaltSource.fixed(1)).buildTokenWithAccount(APP_ID, cert, channel, account,
                RtcTokenBuilder.Role.Role_Publisher, T0 + 3600);
        CheckResult right = TokenDoctor.check(token, Expectations.builder().clock(at(T0)).certificate(cert).channel(channel).account(account).build());
        assertEquals(Verdict.VALID, right.verdict(), right.findings().toString());

        List<String> expected = new java.util.ArrayList<>();
        if (!otherChannel.equals(channel)) {
            expected.add("wrong-channel");
        }
        if (!otherAccount.equals(account)) {
            expected.add("wrong-account");
        }
        Statistics.label("changed").collect(expected).coverage(c -> {
            c.check(List.of()).count((Integer n) -> n > 0);
            c.check(List.of("wrong-channel")).count((Integer n) -> n > 0);
        });
        CheckResult wrong = TokenDoctor.check(token, Expectations.builder().clock(at(T0)).certificate(cert)
                .channel(otherChannel).account(otherAccount).build());
        assertEquals(expected, wrong.findings().stream().map(Finding::code).toList());
        assertEquals(expected.isEmpty() ? Signature.PRIMARY : Signature.NOT_CHECKED, wrong.signature());
    }
}
