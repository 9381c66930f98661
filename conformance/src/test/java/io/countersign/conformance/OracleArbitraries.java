package io.countersign.conformance;

import io.countersign.accesstoken.AccessToken;
import io.countersign.dynamickey5.DynamicKey5Content;
import io.countersign.netless.NetlessTokenContent;
import io.countersign.signaling.SignalingTokenContent;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;

/**
 * The arbitraries the subprocess oracles' properties share (jqwik finds providers in a
 * superclass): content any official package accepts, for the schemes whose limits do not
 * depend on the oracle. Each oracle's 007 arbitrary stays in its own class.
 */
abstract class OracleArbitraries {
    @Provide
    Arbitrary<AccessToken> any006() {
        return Generators.accessToken(0xFFFF);
    }

    @Provide
    Arbitrary<DynamicKey5Content> any005() {
        return Generators.dynamicKey5(0xFFFF);
    }

    @Provide
    Arbitrary<SignalingTokenContent> anySignaling() {
        return Generators.signaling(0xFFFF_FFFFL);
    }

    @Provide
    Arbitrary<NetlessTokenContent> anyNetless() {
        return Generators.netless();
    }

    @Provide
    Arbitrary<String> netlessSecret() {
        return Generators.netlessSecret();
    }

    @Provide
    Arbitrary<String> hex32() {
        return Generators.hex32();
    }
}
