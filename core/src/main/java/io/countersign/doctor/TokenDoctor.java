package io.countersign.doctor;

import io.countersign.accesstoken.AccessTokenCodec;
import io.countersign.accesstoken.DecodedAccessToken;
import io.countersign.accesstoken2.AccessToken2Codec;
import io.countersign.accesstoken2.DecodedAccessToken2;
import io.countersign.accesstoken2.Service;
import io.countersign.codec.ByteString;
import io.countersign.internal.Checks;
import io.countersign.codec.DecodeLimits;
import io.countersign.codec.Privileges;
import io.countersign.codec.TokenFormatException;
import io.countersign.codec.TokenFormatException.Reason;
import io.countersign.doctor.CheckResult.Signature;
import io.countersign.doctor.Finding.WrongUser.Mixup;
import io.countersign.dynamickey5.DecodedDynamicKey5;
import io.countersign.dynamickey5.DynamicKey5Codec;
import io.countersign.netless.DecodedNetlessToken;
import io.countersign.netless.NetlessCodec;
import io.countersign.schemes.TokenScheme;
import io.countersign.signaling.DecodedSignalingToken;
import io.countersign.signaling.SignalingTokenCodec;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.zip.CRC32;

/**
 * Why a token would be refused, in words: {@link #inspect} says what any token says (no secret
 * needed), {@link #check} lists every problem against a certificate and what the client will
 * use. Signatures are compared in constant time by the scheme codecs. Thread-safe.
 */
public final class TokenDoctor {
    private TokenDoctor() {
    }

    /**
     * The token in words at the clock's time.
     *
     * @param token the token text, of any scheme
     * @param clock the clock warnings are judged at
     * @return what the token says
     * @throws TokenFormatException if it is malformed
     * @throws io.countersign.codec.InvalidArgumentException if {@code clock} is null
     */
    public static Inspection inspect(String token, Clock clock) {
        long now = Checks.notNull("clock", clock).millis();
        return decode(token, DecodeLimits.DEFAULT).inspect(now);
    }

    /** A token decoded once, and what the doctor reads from it: its words and its checks. */
    private record Decoded(LongFunction<Inspection> inspection, Consumer<Check> checks) {
        Inspection inspect(long nowMillis) {
            return inspection.apply(nowMillis);
        }
    }

    private static Decoded decode(String token, DecodeLimits limits) {
        switch (schemeOf(token).orElseThrow(() -> new TokenFormatException(token == null || token.isEmpty()
                ? Reason.EMPTY : Reason.BAD_PREFIX, "version", 0,
                "a token starts with 007, 006, 005, 1: (signaling) or NETLESSSDK_, NETLESSROOM_, NETLESSTASK_"))) {
            case "007": {
                DecodedAccessToken2 decoded = AccessToken2Codec.decode(token, limits);
                return new Decoded(now -> Inspector.accessToken2(decoded, now), check -> check.accessToken2(decoded));
            }
            case "006": {
                DecodedAccessToken decoded = AccessTokenCodec.decode(token, limits);
                return new Decoded(now -> Inspector.accessToken(decoded, now), check -> check.accessToken(decoded));
            }
            case "005": {
                DecodedDynamicKey5 decoded = DynamicKey5Codec.decode(token, limits);
                return new Decoded(now -> Inspector.dynamicKey5(decoded, now), check -> check.dynamicKey5(decoded));
            }
            case "signaling": {
                DecodedSignalingToken decoded = SignalingTokenCodec.decode(token, limits);
                return new Decoded(now -> Inspector.signaling(decoded, now), check -> check.signaling(decoded));
            }
            default: {
                DecodedNetlessToken decoded = NetlessCodec.decode(token, limits);
                return new Decoded(now -> Inspector.netless(decoded, now), check -> check.netless(decoded));
            }
        }
    }

    /**
     * As {@link #check(String, Expectations)}, but a token past {@code limits} (a server's, sized
     * for real tokens) is malformed (TOO_LARGE) before anything else reads it.
     *
     * @param token the token text, of any scheme
     * @param expected what to check it against
     * @param limits the decode bounds
     * @return the verdict's facts
     * @throws IllegalArgumentException as {@link #check(String, Expectations)}, or if {@code limits} is null
     */
    public static CheckResult check(String token, Expectations expected, DecodeLimits limits) {
        Checks.notNull("expected", expected);
        Checks.notNull("limits", limits);
        Optional<String> scheme = schemeOf(token);
        try {
            Decoded decoded = decode(token, limits);
            Inspection inspection = decoded.inspect(expected.clock().millis());
            Check check = new Check(expected, inspection);
            decoded.checks().accept(check);
            return new CheckResult(scheme, Optional.of(inspection), check.signature, check.signatureNote, check.findings);
        } catch (TokenFormatException e) {
            return new CheckResult(scheme, Optional.empty(), Signature.NOT_CHECKED, "the token is malformed",
                    List.of(Finding.Malformed.of(e)));
        }
    }

    /**
     * Every problem with {@code token} against {@code expected}: malformed, bad signature,
     * expired, a privilege expired, wrong channel, wrong uid or account (an int uid and a user
     * account confused), a missing service or privilege. Throws {@link IllegalArgumentException}
     * only for a certificate the scheme cannot use (not 32 hex characters), naming the field,
     * never the value.
     *
     * @param token the token text, of any scheme
     * @param expected what to check it against
     * @return the verdict's facts; a malformed token is a finding, not an exception
     * @throws IllegalArgumentException if a certificate is unusable for the scheme, or {@code expected} is null
     */
    public static CheckResult check(String token, Expectations expected) {
        return check(token, expected, DecodeLimits.DEFAULT);
    }

    /** The protocol name of the scheme the token's prefix names (the catalog's TokenScheme decides). */
    private static Optional<String> schemeOf(String token) {
        return token == null ? Optional.empty() : TokenScheme.of(token).map(TokenScheme::name);
    }

    /** The checks of one token; collects findings and the signature outcome. */
    private static final class Check {
        private final Expectations expected;
        private final Inspection inspection;
        private final long now;
        private final long leeway;
        private final List<Finding> findings = new ArrayList<>();
        private Signature signature = Signature.NOT_CHECKED;
        private String signatureNote = "";

        Check(Expectations expected, Inspection inspection) {
            this.expected = expected;
            this.inspection = inspection;
            this.now = inspection.nowMillis();
            this.leeway = expected.leeway().toMillis();
        }

        void accessToken2(DecodedAccessToken2 decoded) {
            List<Service> services = decoded.token().services();
            Optional<ServiceKind> wanted = expected.service();
            Predicate<Service> relevant = s -> wanted.isEmpty() || s.type() == wanted.get().type();
            if (wanted.isPresent()) {
                Service found = services.stream().filter(relevant).findFirst().orElse(null);
                if (found == null) {
                    findings.add(new Finding.MissingService(wanted.get(), decoded.unparsed().length() > 0
                            ? "it may be among the services of types this version does not know" : ""));
                } else {
                    for (int id : expected.privileges()) {
                        if (found.privileges().get(id) < 0) {
                            findings.add(new Finding.MissingPrivilege(wanted.get(), id, wanted.get().privilegeName(id)));
                        }
                    }
                }
            }
            expired();
            for (int i = 0; i < services.size(); i++) {
                Service s = services.get(i);
                if (!relevant.test(s)) {
                    continue;
                }
                String at = "services[" + i + "]";
                channel2(at, s);
                user2(at, s);
            }
            privilegesExpired(g -> wanted.isEmpty() || g.service() == wanted.get());
            if (expected.hasCertificate()) {
                signed(cert -> decoded.verify(cert), "none of the certificates given signed this token");
            } else {
                signatureNote = "no certificate was given";
            }
        }

        private void channel2(String at, Service s) {
            ByteString channel = s instanceof Service.Rtc rtc ? rtc.channelName()
                    : s instanceof Service.Streaming st ? st.channelName()
                    : s instanceof Service.Fcdn f ? f.channelName() : null;
            if (channel != null && expected.channel().isPresent() && !channel.contentEquals(expected.channel().get())) {
                findings.add(new Finding.WrongChannel(at + ".channelName", expected.channel().get(), channel.toString()));
            }
        }

        private void user2(String at, Service s) {
            String field;
            ByteString packed;
            if (s instanceof Service.Rtc rtc) {
                field = ".uid";
                packed = rtc.uid();
            } else if (s instanceof Service.Rtm rtm) {
                field = ".userId";
                packed = rtm.userId();
            } else if (s instanceof Service.Rtm2 rtm2) {
                field = ".userId";
                packed = rtm2.userId();
            } else if (s instanceof Service.Chat chat && chat.userId().length() > 0) {
                field = ".userId";
                packed = chat.userId();
            } else if (s instanceof Service.Streaming st) {
                field = ".account";
                packed = st.account();
            } else if (s instanceof Service.Fcdn f) {
                field = ".account";
                packed = f.account();
            } else {
                return;
            }
            // RTC packs uid 0 as "": any uid may join.
            boolean wildcard = s instanceof Service.Rtc && packed.length() == 0;
            if (!wildcard) {
                user(at + field, packed);
            }
        }

        private void user(String field, ByteString packed) {
            String actual = packed.toString();
            boolean packedUid = Inspector.isDecimalU32(actual);
            if (expected.uid().isPresent()) {
                long uid = expected.uid().getAsLong();
                String want = uid == 0 ? "" : Long.toString(uid);
                if (!packed.contentEquals(want)) {
                    findings.add(new Finding.WrongUser(field, Long.toString(uid), actual,
                            packedUid || packed.length() == 0 ? Mixup.WRONG_UID : Mixup.UID_BUT_ACCOUNT_PACKED));
                }
            } else if (expected.account().isPresent()) {
                String account = expected.account().get();
                if (!packed.contentEquals(account)) {
                    findings.add(new Finding.WrongUser(field, account, actual,
                            packedUid && !Inspector.isDecimalU32(account) ? Mixup.ACCOUNT_BUT_UID_PACKED : Mixup.WRONG_ACCOUNT));
                }
            }
        }

        void accessToken(DecodedAccessToken decoded) {
            Privileges p = decoded.privileges();
            boolean rtm = p.get(1000) >= 0;
            boolean rtc = p.get(1) >= 0 || p.get(2) >= 0 || p.get(3) >= 0 || p.get(4) >= 0;
            Optional<ServiceKind> wanted = expected.service();
            // 006 RTM tokens (RtmTokenBuilder) pack the user account where RTC packs the channel name, and "" as uid.
            boolean asRtm = wanted.map(w -> w == ServiceKind.RTM).orElse(rtm && !rtc);
            if (wanted.isPresent()) {
                ServiceKind w = wanted.get();
                if (w != ServiceKind.RTC && w != ServiceKind.RTM) {
                    findings.add(new Finding.MissingService(w, "006 tokens grant only RTC and RTM"));
                } else if (w == ServiceKind.RTM ? !rtm : !rtc) {
                    findings.add(new Finding.MissingService(w, ""));
                } else {
                    for (int id : expected.privileges()) {
                        int id006 = w == ServiceKind.RTM && id == 1 ? 1000 : id;
                        if (p.get(id006) < 0) {
                            findings.add(new Finding.MissingPrivilege(w, id, Words.accessTokenPrivilege(id006)));
                        }
                    }
                }
            }
            expired();
            String channelText;
            String uidText;
            boolean mismatch = false;
            if (asRtm) {
                channelText = expected.account().orElse(expected.uid().isPresent() ? Long.toString(expected.uid().getAsLong()) : null);
                uidText = "";
                if (channelText != null && crc32(channelText) != decoded.crcChannelName()) {
                    findings.add(new Finding.WrongUser("crcChannelName", channelText, null,
                            expected.account().isPresent() ? Mixup.WRONG_ACCOUNT : Mixup.WRONG_UID));
                    mismatch = true;
                }
            } else {
                channelText = expected.channel().orElse(null);
                if (channelText != null && crc32(channelText) != decoded.crcChannelName()) {
                    findings.add(new Finding.WrongChannel("crcChannelName", channelText, null));
                    mismatch = true;
                }
                uidText = expected.account().orElse(expected.uid().isPresent()
                        ? (expected.uid().getAsLong() == 0 ? "" : Long.toString(expected.uid().getAsLong())) : null);
                if (decoded.crcUid() == 0) {
                    uidText = ""; // uid 0: any uid may join; the token was signed with ""
                } else if (uidText != null && crc32(uidText) != decoded.crcUid()) {
                    findings.add(new Finding.WrongUser("crcUid", expected.account().orElse(Long.toString(expected.uid().orElse(0))), null,
                            expected.account().isPresent() ? Mixup.WRONG_ACCOUNT : Mixup.WRONG_UID));
                    mismatch = true;
                }
            }
            if (channelText == null && decoded.crcChannelName() == 0) {
                channelText = "";
            }
            privilegesExpired(g -> wanted.isEmpty() || g.service() == wanted.get());
            if (!expected.hasCertificate()) {
                signatureNote = "no certificate was given";
            } else if (mismatch) {
                signatureNote = "006 signs the channel name and uid, and they differ from the token's";
            } else if (channelText == null || uidText == null) {
                signatureNote = asRtm ? "006 signs the user account, which the token holds only as a CRC32: give it to check the signature"
                        : "006 signs the channel name and uid, which the token holds only as CRC32s: give both to check the signature";
            } else {
                String channel = channelText;
                String uid = uidText;
                signed(cert -> decoded.verify(cert, channel, uid), "none of the certificates given signed this token");
            }
        }

        void dynamicKey5(DecodedDynamicKey5 decoded) {
            expired();
            if (!expected.hasCertificate()) {
                signatureNote = "no certificate was given";
            } else if (expected.account().isPresent()) {
                signatureNote = "005 keys are signed for an int uid, not a user account";
            } else if (expected.channel().isEmpty() || expected.uid().isEmpty()) {
                signatureNote = "005 signs the channel name and uid, which the key does not hold: give both to check the signature";
            } else {
                String channel = expected.channel().get();
                long uid = expected.uid().getAsLong();
                signed(cert -> decoded.verify(cert, channel, uid), "none of the certificates given signed this key for channel \""
                        + channel + "\" and uid " + uid + " (005 keys hold neither, so a different channel or uid fails the same way)");
            }
        }

        void signaling(DecodedSignalingToken decoded) {
            expired();
            Optional<String> account = expected.account().or(() -> expected.uid().isPresent()
                    ? Optional.of(Long.toString(expected.uid().getAsLong())) : Optional.empty());
            if (!expected.hasCertificate()) {
                signatureNote = "no certificate was given";
            } else if (account.isEmpty()) {
                signatureNote = "signaling tokens sign the account, which the token does not hold: give it to check the signature";
            } else {
                String a = account.get();
                signed(cert -> decoded.verify(cert, a), "none of the certificates given signed this token for account \""
                        + a + "\" (the token does not hold the account, so a different account fails the same way)");
            }
        }

        void netless(DecodedNetlessToken decoded) {
            expired();
            if (expected.hasCertificate()) {
                signed(decoded::verify, "none of the secret keys (SK) given signed this token");
            } else {
                signatureNote = "no secret key (SK) was given";
            }
        }

        private void expired() {
            if (inspection.expiresAt().isPresent() && now >= inspection.expiresAt().getAsLong() + leeway) {
                String field = inspection.warnings().stream().filter(w -> w.code() == Inspection.Warning.Code.EXPIRED)
                        .map(Inspection.Warning::field).findFirst().orElse("");
                findings.add(new Finding.Expired(field, inspection.expiresAt().getAsLong(), now));
            }
        }

        /** Privileges that expired before the token (all of them while the token lasts). */
        private void privilegesExpired(Predicate<Inspection.Grant> relevant) {
            long tokenExpires = inspection.expiresAt().orElse(Long.MAX_VALUE);
            boolean tokenExpired = now >= tokenExpires + leeway;
            for (Inspection.Grant g : inspection.grants()) {
                if (relevant.test(g) && now >= g.expiresAt() + leeway && (!tokenExpired || g.expiresAt() < tokenExpires)) {
                    findings.add(new Finding.PrivilegeExpired(g.field(), g.service(), g.id(), g.name(), g.expiresAt(), now));
                }
            }
        }

        private void signed(Predicate<String> verify, String badDetail) {
            String[] certificates = expected.certificates();
            for (int i = 0; i < certificates.length; i++) {
                if (verify.test(certificates[i])) {
                    signature = i == 0 ? Signature.PRIMARY : Signature.SECONDARY;
                    return;
                }
            }
            signature = Signature.INVALID;
            findings.add(new Finding.BadSignature(badDetail));
        }

        private static long crc32(String text) {
            CRC32 crc = new CRC32();
            crc.update(text.getBytes(StandardCharsets.UTF_8));
            return crc.getValue();
        }
    }
}
