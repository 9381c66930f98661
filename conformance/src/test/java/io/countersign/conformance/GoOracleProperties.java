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
import java.util.List;

/**
 * Our core against go-tokenbuilder v1.5.0 (scripts/oracles/go): random content through our adapter in this JVM and through the
 * oracle's adapter process (one for the whole class), compared as a vector made from the
 * oracle's answer would be (007 tokens by payload). The tries keep the whole conformance test
 * phase to a few minutes on 2 cores; jqwik shrinks a failure to a minimal input.
 */
@RequiresOracle(Oracle.GO)
@AddLifecycleHook(RequiresOracle.Check.class)
class GoOracleProperties extends OracleArbitraries {
    private static AdapterProcess go;

    @BeforeContainer
    static void start() throws IOException {
        go = Oracle.GO.start();
    }

    @AfterContainer
    static void stop() {
        if (go != null) {
            go.close();
        }
    }

    @Property(tries = 10_000)
    void shouldEncode007LikeGoTokenBuilder(@ForAll("go007") AccessToken2 token, @ForAll("hex32") String cert) {
        Differential.assertEncodesAlike(go, Oracle.GO, Contents.json(token), cert, Vector.PAYLOAD);
    }

    @Property(tries = 10_000)
    void shouldDecodeAndVerify007LikeGoTokenBuilder(@ForAll("go007") AccessToken2 token, @ForAll("hex32") String cert,
                                            @ForAll("hex32") String otherCert) {
        Differential.assertDecodesAndVerifiesAlike(go, Oracle.GO, Contents.json(token), List.of(cert, otherCert));
    }

    @Provide
    Arbitrary<AccessToken2> go007() {
        return Generators.accessToken2(Generators.GO);
    }
}
