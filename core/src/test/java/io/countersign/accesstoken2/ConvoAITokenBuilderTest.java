package io.countersign.accesstoken2;

import io.countersign.codec.SaltSource;

import static io.countersign.accesstoken2.OfficialTokens.at;

/**
 * {@link ConvoAITokenBuilder} against vectors 007-build-1041 (publisher) and 007-build-1091 (subscriber);
 * the refusals are 007-build-1050 and 007-build-1060.
 */
class ConvoAITokenBuilderTest extends AgentTokenBuilderTest {
    ConvoAITokenBuilderTest() {
        super(new ConvoAITokenBuilder(at(1700000000), SaltSource.fixed(12345678)),
                "007eJwdyK8KwkAAB+DfbQO1iNW2BzDcdn+2i2K3aLDJ3e5Eg4apzyBrRrPBRzCIadkiWASfwDAQrILoF78Qi+LgG5mX2exWZI/L1bV3w7h6VuX++DltpvcQKqG9LhPWSZpxLrkwRrtUx5GgMjKM4TVwrSbQ12f4IAhAMPIAD28C+NgSIECHACESm8RMCmdUyngqmEocc2yiLJfUWKvryFfZeL10uQcCgnoN+N38fw0AX+CpMAo=",
                "007eJxTYHjYMDfplozWnfmT/yyIvOYaW8W79FSQp3jcqRD3V2nzvwgoMFiaGzg7GpumpJoZJJuYmJmYJiUlplokGhmaGpgZJhkbM3wMThXgY2DwS9zDwMzACIYRTAwMCgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiRwMRSXJ8aXFqUVMYF0c7AwMILFcsBgnAwMDADDvLDg=");
    }
}
