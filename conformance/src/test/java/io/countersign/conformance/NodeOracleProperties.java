package io.countersign.conformance;

import io.countersign.accesstoken2.AccessToken2;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;

/** Our core against the official Node packages (scripts/oracles/node), one adapter process for the class. */
@RequiresOracle(Oracle.NODE)
@AddLifecycleHook(RequiresOracle.Check.class)
class NodeOracleProperties {
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

    @Property(tries = 3_000)
    void shouldEncode007LikeAgoraToken(@ForAll("node007") AccessToken2 token, @ForAll("hex32") String cert) {
        Differential.assertAgrees(node, Oracle.NODE, Differential.encode(Contents.json(token), cert), Vector.PAYLOAD);
    }

    @Property(tries = 2_000)
    void shouldDecodeAndVerify007LikeAgoraToken(@ForAll("node007Decodable") AccessToken2 token, @ForAll("hex32") String cert,
                                                @ForAll("hex32") String otherCert) {
        String ours = Differential.ourToken(Differential.encode(Contents.json(token), cert));
        Differential.assertAgrees(node, Oracle.NODE, Differential.decode(ours), Vector.EXACT);
        Differential.assertAgrees(node, Oracle.NODE, Differential.verify(ours, cert), Vector.EXACT);
        Differential.assertAgrees(node, Oracle.NODE, Differential.verify(ours, otherCert), Vector.EXACT);
    }

    @Provide
    Arbitrary<AccessToken2> node007() {
        return Generators.accessToken2(Generators.NODE);
    }

    @Provide
    Arbitrary<AccessToken2> node007Decodable() {
        return Generators.accessToken2(Generators.NODE.decodableByNode());
    }

    @Provide
    Arbitrary<String> hex32() {
        return Generators.hex32();
    }
}
