package io.countersign.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.countersign.accesstoken.AccessToken;
import io.countersign.accesstoken2.AccessToken2;
import io.countersign.dynamickey5.DynamicKey5Content;
import io.countersign.netless.NetlessTokenContent;
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
 * Our core against the official Node packages (scripts/oracles/node): random content through our adapter in this JVM and through the
 * oracle's adapter process (one for the whole class), compared as a vector made from the
 * oracle's answer would be (007 tokens by payload). The tries keep the whole conformance test
 * phase to a few minutes on 2 cores; jqwik shrinks a failure to a minimal input.
 */
@RequiresOracle(Oracle.NODE)
@AddLifecycleHook(RequiresOracle.Check.class)
class NodeOracleProperties extends OracleArbitraries {
    private static AdapterProcess node;

    @BeforeContainer
    static void start() throws IOException {
        node = Oracle.NODE.start();
    }

    @AfterContainer
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Property(tries = 10_000)
    void shouldEncode007LikeAgoraToken(@ForAll("node007") AccessToken2 token, @ForAll("hex32") String cert) {
        Differential.assertEncodesAlike(node, Oracle.NODE, Contents.json(token), cert, Vector.PAYLOAD);
    }

    @Property(tries = 10_000)
    void shouldDecodeAndVerify007LikeAgoraToken(@ForAll("node007Decodable") AccessToken2 token, @ForAll("hex32") String cert,
                                                @ForAll("hex32") String otherCert) {
        Differential.assertDecodesAndVerifiesAlike(node, Oracle.NODE, Contents.json(token), List.of(cert, otherCert));
    }

    @Property(tries = 10_000)
    void shouldEncode006LikeAgoraToken(@ForAll("any006") AccessToken token, @ForAll("hex32") String cert) {
        Differential.assertEncodesAlike(node, Oracle.NODE, Contents.json(token), cert, Vector.EXACT);
    }

    @Property(tries = 10_000)
    void shouldDecodeAndVerify006LikeAgoraToken(@ForAll("any006") AccessToken token, @ForAll("hex32") String cert,
                                                @ForAll("hex32") String otherCert) {
        Differential.assertDecodesAndVerifiesAlike(node, Oracle.NODE, Contents.json(token), List.of(cert, otherCert),
                "channelName", "uid");
    }

    @Property(tries = 10_000)
    void shouldEncode005LikeAgoraToken(@ForAll("any005") DynamicKey5Content key, @ForAll("hex32") String cert) {
        Differential.assertEncodesAlike(node, Oracle.NODE, Contents.json(key), cert, Vector.EXACT);
    }

    @Property(tries = 10_000)
    void shouldEncodeDecodeAndVerifySignalingLikeAgoraToken(@ForAll("anySignaling") SignalingTokenContent token,
                                                             @ForAll("hex32") String cert, @ForAll("hex32") String otherCert) {
        ObjectNode content = Contents.json(token);
        Differential.assertEncodesAlike(node, Oracle.NODE, content, cert, Vector.EXACT);
        Differential.assertDecodesAndVerifiesAlike(node, Oracle.NODE, content, List.of(cert, otherCert), "account");
    }

    @Property(tries = 10_000)
    void shouldEncodeDecodeAndVerifyNetlessLikeNetlessToken(@ForAll("anyNetless") NetlessTokenContent token,
                                                           @ForAll("netlessSecret") String sk, @ForAll("netlessSecret") String otherSk) {
        ObjectNode content = Contents.json(token);
        Differential.assertEncodesAlike(node, Oracle.NODE, content, sk, Vector.EXACT);
        Differential.assertDecodesAndVerifiesAlike(node, Oracle.NODE, content, List.of(sk, otherSk));
    }

    @Provide
    Arbitrary<AccessToken2> node007() {
        return Generators.accessToken2(Generators.NODE);
    }

    @Provide
    Arbitrary<AccessToken2> node007Decodable() {
        return Generators.accessToken2(Generators.NODE.decodableByNode());
    }
}
