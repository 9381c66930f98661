package io.countersign.server.http;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.Function;

/** An HTTP library carrying requests to the API: read within the body limit, answer, drain on stop. */
public interface Transport extends AutoCloseable {
    /** Binds and starts serving {@code api}; returns the bound address (port 0 picks a free one). */
    InetSocketAddress start(String host, int port, int maxBodyBytes, int ioThreads, Function<HttpRequest, HttpResponse> api)
            throws Exception;

    /** Stops accepting, lets in-flight requests finish within {@code grace}, then closes. */
    void stop(Duration grace);

    @Override
    default void close() {
        stop(Duration.ZERO);
    }
}
