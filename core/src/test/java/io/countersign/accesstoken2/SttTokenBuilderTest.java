package io.countersign.accesstoken2;

import io.countersign.codec.SaltSource;

import static io.countersign.accesstoken2.OfficialTokens.at;

/**
 * {@link SttTokenBuilder} against vectors 007-build-1143 (publisher) and 007-build-1193 (subscriber);
 * the refusals are 007-build-1152 and 007-build-1162.
 */
class SttTokenBuilderTest extends AgentTokenBuilderTest {
    SttTokenBuilderTest() {
        super(new SttTokenBuilder(at(1700000000), SaltSource.fixed(12345678)),
                "007eJwdyK8KwkAcB/DvzYFD8E82rVkmzP3ubhtYRJtgWREMstudTZFN38MgvoPBYLAti8VH0HcQtIt+4sfFmk73dlM+P33Rzb3H6Dqud26rotwfD8l5dtEu4tAfDkhoI/2Mc8mFUqmJ0qAnfNlTRHglptUAJmmJChhsMEwtwMKbARXsGGDDY4CLUIcBSWFUHBGPBMWhIUOLWHPpK61TB/kmm28Lk1tgYHCqwO+W/6sB+AKRVyxA",
                "007eJxTYJjiljTvZqXN8YdzDr9c9/vOxZ+vTXY6zdZfwK90VnGpbm2nAoOluYGzo7FpSqqZQbKJiZmJaVJSYqpFopGhqYGZYZKxMcPH4FQBPgYGv8Q9DMwMjGAYwcTAoMBgnmJuZGxmmppkaWFsYmFqbGmeapxqnGaZYmJmkJSSksjBUFSSHF9anFrEBNbFwc7AABLLBYtxMTAwAAA5ki4C");
    }
}
