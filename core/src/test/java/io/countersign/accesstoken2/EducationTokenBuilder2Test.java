package io.countersign.accesstoken2;

import io.countersign.codec.SaltSource;

import static io.countersign.accesstoken2.OfficialTokens.at;

/**
 * {@link EducationTokenBuilder2} is the APaaS builder under its older official name, so the
 * {@link ApaasTokenBuilderTest} tests run again on it: in vectors/007-build.jsonl, each of the
 * 120 EducationTokenBuilder2 vectors (007-build-0720 to 0879) that has an ApaasTokenBuilder twin
 * with the same arguments, clock and salt expects the same outcome.
 */
class EducationTokenBuilder2Test extends ApaasTokenBuilderTest {
    @Override
    ApaasTokenBuilder builder() {
        return new EducationTokenBuilder2(at(1700000000), SaltSource.fixed(12345678));
    }
}
