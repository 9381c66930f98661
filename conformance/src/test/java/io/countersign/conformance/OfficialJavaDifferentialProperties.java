package io.countersign.conformance;

import io.countersign.accesstoken.AccessToken;
import io.countersign.accesstoken.AccessTokenCodec;
import io.countersign.accesstoken2.AccessToken2;
import io.countersign.accesstoken2.AccessToken2Codec;
import io.countersign.accesstoken2.Service;
import io.countersign.codec.Privileges;
import io.countersign.dynamickey5.DynamicKey5Codec;
import io.countersign.dynamickey5.DynamicKey5Content;
import io.countersign.signaling.SignalingTokenCodec;
import io.countersign.signaling.SignalingTokenContent;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our core against the official Java classes (io.agora:authentication 2.1.3) in this JVM, on
 * random content with explicit timestamps and salts, 10,000 cases per scheme. Both deflate 007
 * with the JDK's zlib, so every token string, not only the payload, must be identical.
 *
 * <p>Where Java's ints and {@code Short}-keyed TreeMaps make it differ from every other
 * implementation (vectors/DIVERGENCES.md items 11, 26, 36, 38), the generators stay below 2^15
 * for map keys and 2^31 for signaling expiries; the examples below pin those differences.
 */
class OfficialJavaDifferentialProperties {
    @BeforeContainer
    static void officialJavaNeedsUtf8() {
        // The official classes pack strings with String.getBytes(), the platform charset; the pom
        // runs the tests with -Dfile.encoding=UTF-8 so that text means the same bytes everywhere.
        assertEquals(StandardCharsets.UTF_8, Charset.defaultCharset(), "run with -Dfile.encoding=UTF-8");
    }

    @Property(tries = 10_000)
    void shouldEncode007ToTheOfficialJavaString(@ForAll("java007") AccessToken2 token, @ForAll("hex32") String cert)
            throws Exception {
        assertEquals(Contents.officialJava(token, cert).build(), AccessToken2Codec.encode(token, cert));
    }

    @Property(tries = 10_000)
    void shouldEncode006ToTheOfficialJavaString(@ForAll("java006") AccessToken token, @ForAll("hex32") String cert)
            throws Exception {
        assertEquals(Contents.officialJava(token, cert), AccessTokenCodec.encode(token, cert));
    }

    @Property(tries = 10_000)
    void shouldEncode005ToTheOfficialJavaString(@ForAll("java005") DynamicKey5Content key, @ForAll("hex32") String cert)
            throws Exception {
        assertEquals(Contents.officialJava(key, cert), DynamicKey5Codec.encode(key, cert));
    }

    @Property(tries = 10_000)
    void shouldEncodeSignalingToTheOfficialJavaString(@ForAll("javaSignaling") SignalingTokenContent token,
                                                      @ForAll("hex32") String cert) throws Exception {
        assertEquals(Contents.officialJava(token, cert), SignalingTokenCodec.encode(token, cert));
    }

    /**
     * Why {@link Generators#OFFICIAL_JAVA} stops privilege ids at 0x7FFF: Java keys privileges by
     * {@code Short} in a TreeMap, so id 40000 (the short -25536) is packed before id 1, where Node,
     * Python, Go and we pack ascending unsigned ids. Only content given explicitly reaches such
     * ids; no official builder uses one.
     */
    @Example
    void officialJavaSortsPrivilegeIdsAsSignedShorts() throws Exception {
        String cert = "5CFd2fd1755d40ecb72977518be15d3b";
        AccessToken2 token = new AccessToken2("970CA35de60c44645bbae8a215061b33", 1, 2, 3,
                new Service.Rtm("u", Privileges.of(Map.of(1, 5L, 40000, 6L))));
        String java = Contents.officialJava(token, cert).build();
        String ours = AccessToken2Codec.encode(token, cert);
        assertNotEquals(java, ours);
        String javaPayload = HexFormat.of().formatHex(Comparison.inflate007(java));
        // The RTM service: type 2, privilege count 2, then id 0x9c40 (40000) before id 1, then userId "u".
        assertTrue(javaPayload.endsWith("0200" + "0200" + "409c06000000" + "010005000000" + "010075"), javaPayload);
    }

    @Provide
    Arbitrary<AccessToken2> java007() {
        return Generators.accessToken2(Generators.OFFICIAL_JAVA);
    }

    /** Java packs 006 privileges from a TreeMap keyed by Short: ids stop at 0x7FFF (see above). */
    @Provide
    Arbitrary<AccessToken> java006() {
        return Generators.accessToken(0x7FFF);
    }

    /** Java packs 005 extra from a TreeMap keyed by Short: keys stop at 0x7FFF (DIVERGENCES.md 36). */
    @Provide
    Arbitrary<DynamicKey5Content> java005() {
        return Generators.dynamicKey5(0x7FFF);
    }

    /** Java's getToken takes the expiry as an int: 2^31 and up is written negative (DIVERGENCES.md 38). */
    @Provide
    Arbitrary<SignalingTokenContent> javaSignaling() {
        return Generators.signaling(Integer.MAX_VALUE);
    }

    @Provide
    Arbitrary<String> hex32() {
        return Generators.hex32();
    }
}
