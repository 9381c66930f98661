package io.countersign.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.countersign.server.http.HttpResponse;
import io.countersign.server.http.Transport;
import io.countersign.server.http.UndertowTransport;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The token server: every route on one {@link Api}, carried by a {@link Transport} (Undertow
 * unless told otherwise). {@link #close()} drains: from its first moment {@code /healthz} answers
 * 503 {"status":"draining"} and every other route 503 with {@code Connection: close}, while the
 * requests in flight finish within the configured grace; then the listener closes.
 */
final class TokenServer implements AutoCloseable {
    private final ServerConfig config;
    private final Metrics metrics = new Metrics();
    private final Transport transport;
    private final InetSocketAddress address;
    private volatile long drainingSince;
    private volatile boolean draining;

    private TokenServer(ServerConfig config, Transport transport) throws Exception {
        this.config = config;
        this.transport = transport;
        Api api = new Api(config, metrics, routes(config, metrics, this::health), t -> draining && t - drainingSince >= 0);
        this.address = transport.start(config.host(), config.port(), config.maxBodyBytes(), config.ioThreads(), api);
    }

    /** Every route: health, metrics, then the sample's, the community service's and our own. */
    static List<Api.Route> routes(ServerConfig config, Metrics metrics, Supplier<HttpResponse> health) {
        List<Api.Route> routes = new ArrayList<>();
        routes.add(new Api.Route("/healthz", Set.of("GET"), true, false, Api.NATIVE, (r, p) -> health.get()));
        routes.add(new Api.Route("/metrics", Set.of("GET"), true, false, Api.NATIVE, (r, p) ->
                new HttpResponse(200, HttpResponse.PROMETHEUS, metrics.render().getBytes(StandardCharsets.UTF_8))));
        TokenIssuer issuer = new TokenIssuer(config, metrics);
        routes.addAll(new SampleRoutes(config, issuer).routes());
        routes.addAll(new CommunityRoutes(config, issuer).routes());
        routes.addAll(new TokenRoutes(issuer).routes());
        routes.addAll(new DoctorRoutes(config, java.time.Clock.systemUTC()).routes());
        return routes;
    }

    /** Starts serving {@code config} on Undertow. */
    static TokenServer start(ServerConfig config) throws Exception {
        return start(config, new UndertowTransport());
    }

    static TokenServer start(ServerConfig config, Transport transport) throws Exception {
        return new TokenServer(config, transport);
    }

    /** The bound address (the real port when the configured one was 0). */
    InetSocketAddress address() {
        return address;
    }

    int port() {
        return address.getPort();
    }

    /** Tokens issued so far by {@code kind} (a builder name). */
    long tokensIssued(String kind) {
        return metrics.tokensIssued(kind);
    }

    private HttpResponse health() {
        ObjectNode body = JsonBodies.newObject();
        body.put("status", draining ? "draining" : "ok");
        return HttpResponse.json(draining ? 503 : 200, JsonBodies.bytes(body));
    }

    /** Drains and stops: health checks fail from now on, in-flight requests finish within the configured grace. */
    @Override
    public void close() {
        drainingSince = System.nanoTime();
        draining = true;
        transport.stop(config.shutdownGrace());
    }
}
