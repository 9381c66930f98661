package io.countersign.server.http;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** An HTTP library carrying requests to the API: read within the body limit, answer, drain on stop. */
public interface Transport extends AutoCloseable {
    /**
     * Binds and starts serving {@code api}.
     *
     * @param host         the address to listen on, e.g. {@code 0.0.0.0}
     * @param port         the port; 0 picks a free one
     * @param maxBodyBytes the largest body read; a larger one reaches the API unread, to be answered 413
     * @param ioThreads    Undertow's I/O threads, or the JDK server's handler threads
     * @param api          answers every request, errors included
     * @return the bound address
     * @throws Exception when the server cannot start, e.g. the port is taken
     */
    InetSocketAddress start(String host, int port, int maxBodyBytes, int ioThreads, Function<HttpRequest, HttpResponse> api)
            throws Exception;

    /**
     * Stops accepting, lets in-flight requests finish within {@code grace}, then closes.
     *
     * @param grace how long requests in flight may take to finish
     */
    void stop(Duration grace);

    /**
     * Waits until {@code inFlight} is 0 or {@code grace} has passed, whichever comes first; for
     * the transports' {@link #stop}. Returns early, with the interrupt flag set, if interrupted.
     *
     * @param inFlight the requests a transport is answering
     * @param grace    the longest wait
     */
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
