package io.countersign.server;

/** The credentials the tests sign with: the official samples' well-known App ID and certificate. */
final class Fixtures {
    static final String APP_ID = "970ca35de60c44645bbae8a215061b33";
    static final String CERT = "5cfd2fd1755d40ecb72977518be15d3b";
    static final String NETLESS_AK = "netless-ak-for-tests";
    static final String NETLESS_SK = "netless-sk-for-tests";

    private Fixtures() {
    }

    /** Loopback, a free port, both credential sets, rate limit off unless a test turns it on. */
    static ServerConfig.Builder config() {
        return ServerConfig.builder()
                .host("127.0.0.1")
                .port(0)
                .appId(APP_ID)
                .appCertificate(Secret.of(CERT))
                .netlessAk(NETLESS_AK)
                .netlessSk(Secret.of(NETLESS_SK))
                .rateLimit(0)
                .ioThreads(2);
    }
}
