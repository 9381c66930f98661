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

/** Our core against agoraiotools 0.3.4 (scripts/oracles/python), one adapter process for the class. */
@RequiresOracle(Oracle.PYTHON)
@AddLifecycleHook(RequiresOracle.Check.class)
class PythonOracleProperties {
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

    @Property(tries = 3_000)
    void shouldEncode007LikeAgoraioTools(@ForAll("python007") AccessToken2 token, @ForAll("hex32") String cert) {
        Differential.assertAgrees(python, Oracle.PYTHON, Differential.encode(Contents.json(token), cert), Vector.PAYLOAD);
    }

    @Property(tries = 2_000)
    void shouldDecodeAndVerify007LikeAgoraioTools(@ForAll("python007") AccessToken2 token, @ForAll("hex32") String cert,
                                            @ForAll("hex32") String otherCert) {
        String ours = Differential.ourToken(Differential.encode(Contents.json(token), cert));
        Differential.assertAgrees(python, Oracle.PYTHON, Differential.decode(ours), Vector.EXACT);
        Differential.assertAgrees(python, Oracle.PYTHON, Differential.verify(ours, cert), Vector.EXACT);
        Differential.assertAgrees(python, Oracle.PYTHON, Differential.verify(ours, otherCert), Vector.EXACT);
    }

    @Provide
    Arbitrary<AccessToken2> python007() {
        return Generators.accessToken2(Generators.PYTHON);
    }

    @Provide
    Arbitrary<String> hex32() {
        return Generators.hex32();
    }
}
