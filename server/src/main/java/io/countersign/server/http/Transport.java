package io.countersign.server.http;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** An HTTP library carrying requests to the API: read within the body limit, answer, drain on stop. */
public interface Transport extends AutoCloseable {
    /** Binds and starts serving {@code api}; returns the bound address (port 0 picks a free one). */
    InetSocketAddress start(String host, int port, int maxBodyBytes, int ioThreads, Function<HttpRequest, HttpResponse> api)
            throws Exception;

    /** Stops accepting, lets in-flight requests finish within {@code grace}, then closes. */
    void stop(Duration grace);

    /** Waits until {@code inFlight} is 0 or {@code grace} has passed, whichever comes first. */
    static void awaitNone(AtomicInteger inFlight, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    default void close() {
        stop(Duration.ZERO);
    }
}
