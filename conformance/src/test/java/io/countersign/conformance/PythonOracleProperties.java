package io.countersign.conformance;

import io.countersign.accesstoken.AccessToken;
import io.countersign.accesstoken2.AccessToken2;
import io.countersign.dynamickey5.DynamicKey5Content;
import io.countersign.signaling.SignalingTokenContent;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.util.List;

/**
 * Our core against agoraiotools 0.3.4 (scripts/oracles/python): random content through our adapter in this JVM and through the
 * oracle's adapter process (one for the whole class), compared as a vector made from the
 * oracle's answer would be (007 tokens by payload). The tries keep the whole conformance test
 * phase to a few minutes on 2 cores; jqwik shrinks a failure to a minimal input.
 */
@RequiresOracle(Oracle.PYTHON)
@AddLifecycleHook(RequiresOracle.Check.class)
class PythonOracleProperties extends OracleArbitraries {
    private static AdapterProcess python;

    @BeforeContainer
    static void start() throws IOException {
        python = Oracle.PYTHON.start();
    }

    @AfterContainer
    static void stop() {
        if (python != null) {
            python.close();
        }
    }

    @Property(tries = 10_000)
    void shouldEncode007LikeAgoraioTools(@ForAll("python007") AccessToken2 token, @ForAll("hex32") String cert) {
        Differential.assertEncodesAlike(python, Oracle.PYTHON, Contents.json(token), cert, Vector.PAYLOAD);
    }

    @Property(tries = 10_000)
    void shouldDecodeAndVerify007LikeAgoraioTools(@ForAll("python007") AccessToken2 token, @ForAll("hex32") String cert,
                                            @ForAll("hex32") String otherCert) {
        Differential.assertDecodesAndVerifiesAlike(python, Oracle.PYTHON, Contents.json(token), List.of(cert, otherCert));
    }

    @Property(tries = 10_000)
    void shouldEncode006LikeAgoraioTools(@ForAll("any006") AccessToken token, @ForAll("hex32") String cert) {
        Differential.assertEncodesAlike(python, Oracle.PYTHON, Contents.json(token), cert, Vector.EXACT);
    }

    @Property(tries = 10_000)
    void shouldDecodeAndVerify006LikeAgoraioTools(@ForAll("any006") AccessToken token, @ForAll("hex32") String cert,
                                                  @ForAll("hex32") String otherCert) {
        Differential.assertDecodesAndVerifiesAlike(python, Oracle.PYTHON, Contents.json(token), List.of(cert, otherCert),
                "channelName", "uid");
    }

    @Property(tries = 10_000)
    void shouldEncode005LikeAgoraioTools(@ForAll("any005") DynamicKey5Content key, @ForAll("hex32") String cert) {
        Differential.assertEncodesAlike(python, Oracle.PYTHON, Contents.json(key), cert, Vector.EXACT);
    }

    @Property(tries = 10_000)
    void shouldEncodeSignalingLikeAgoraioTools(@ForAll("anySignaling") SignalingTokenContent token, @ForAll("hex32") String cert) {
        Differential.assertEncodesAlike(python, Oracle.PYTHON, Contents.json(token), cert, Vector.EXACT);
    }

    @Provide
    Arbitrary<AccessToken2> python007() {
        return Generators.accessToken2(Generators.PYTHON);
    }
}
