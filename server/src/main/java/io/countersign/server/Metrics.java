package io.countersign.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters in the Prometheus text format (0.0.4), without a client library: requests by route
 * and status, errors by route and code, a latency histogram per route, tokens issued by kind.
 * Route labels are the route patterns, never raw paths, so label sets stay bounded. Recording a
 * request allocates nothing once its status has been seen on its route.
 */
final class Metrics {
    /** Histogram bucket upper bounds, seconds. */
    private static final String[] BOUNDS = {"0.0001", "0.00025", "0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025",
            "0.05", "0.1", "0.25", "0.5", "1", "2.5"};
    private static final long[] BOUNDS_NANOS = new long[BOUNDS.length];

    static {
        for (int i = 0; i < BOUNDS.length; i++) {
            BOUNDS_NANOS[i] = Math.round(Double.parseDouble(BOUNDS[i]) * 1e9);
        }
    }

    private final Map<String, RouteMetrics> routes = new LinkedHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final long startMillis = System.currentTimeMillis();

    /** Declares a route label before serving starts; {@link #request} takes only declared labels. */
    void declareRoute(String label) {
        routes.putIfAbsent(label, new RouteMetrics());
    }

    void started() {
        inFlight.incrementAndGet();
    }

    void request(String route, int status, long nanos) {
        inFlight.decrementAndGet();
        RouteMetrics m = routes.get(route);
        m.byStatus(status).increment();
        int bucket = 0;
        while (bucket < BOUNDS_NANOS.length && nanos > BOUNDS_NANOS[bucket]) {
            bucket++;
        }
        m.buckets[bucket].increment();
        m.sumNanos.add(nanos);
    }

    void error(String route, String code) {
        errors.computeIfAbsent(route + '\u0000' + code, k -> new LongAdder()).increment();
    }

    void tokenIssued(String kind) {
        tokens.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    long tokensIssued(String kind) {
        LongAdder n = tokens.get(kind);
        return n == null ? 0 : n.sum();
    }

    String render() {
        StringBuilder out = new StringBuilder(4096);
        out.append("# HELP countersign_http_requests_total HTTP requests answered, by route pattern and status.\n");
        out.append("# TYPE countersign_http_requests_total counter\n");
        routes.forEach((route, m) -> {
            for (int status = 100; status < 600; status++) {
                LongAdder n = m.statuses.get(status);
                if (n != null) {
                    out.append("countersign_http_requests_total{route=\"").append(escape(route)).append("\",status=\"")
                            .append(status).append("\"} ").append(n.sum()).append('\n');
                }
            }
        });
        out.append("# HELP countersign_http_errors_total Requests answered with an error, by route pattern and error code.\n");
        out.append("# TYPE countersign_http_errors_total counter\n");
        new TreeMap<>(errors).forEach((key, n) -> {
            int split = key.indexOf('\u0000');
            out.append("countersign_http_errors_total{route=\"").append(escape(key.substring(0, split)))
                    .append("\",code=\"").append(escape(key.substring(split + 1))).append("\"} ").append(n.sum()).append('\n');
        });
        out.append("# HELP countersign_http_request_duration_seconds Time from request read to response ready.\n");
        out.append("# TYPE countersign_http_request_duration_seconds histogram\n");
        routes.forEach((route, m) -> {
            long cumulative = 0;
            String label = escape(route);
            for (int i = 0; i <= BOUNDS.length; i++) {
                cumulative += m.buckets[i].sum();
                out.append("countersign_http_request_duration_seconds_bucket{route=\"").append(label).append("\",le=\"")
                        .append(i < BOUNDS.length ? BOUNDS[i] : "+Inf").append("\"} ")
                        .append(cumulative).append('\n');
            }
            out.append("countersign_http_request_duration_seconds_sum{route=\"").append(label).append("\"} ")
                    .append(m.sumNanos.sum() / 1e9).append('\n');
            out.append("countersign_http_request_duration_seconds_count{route=\"").append(label).append("\"} ")
                    .append(cumulative).append('\n');
        });
        out.append("# HELP countersign_tokens_issued_total Tokens signed, by builder.\n");
        out.append("# TYPE countersign_tokens_issued_total counter\n");
        new TreeMap<>(tokens).forEach((kind, n) -> out.append("countersign_tokens_issued_total{kind=\"")
                .append(escape(kind)).append("\"} ").append(n.sum()).append('\n'));
        out.append("# HELP countersign_http_requests_in_flight Requests being handled now.\n");
        out.append("# TYPE countersign_http_requests_in_flight gauge\n");
        out.append("countersign_http_requests_in_flight ").append(inFlight.get()).append('\n');
        out.append("# HELP countersign_start_time_seconds When the server started, unix seconds.\n");
        out.append("# TYPE countersign_start_time_seconds gauge\n");
        out.append("countersign_start_time_seconds ").append(startMillis / 1000).append('\n');
        return out.toString();
    }

    private static String escape(String label) {
        return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static final class RouteMetrics {
        final AtomicReferenceArray<LongAdder> statuses = new AtomicReferenceArray<>(600);
        final LongAdder[] buckets = new LongAdder[BOUNDS.length + 1];
        final LongAdder sumNanos = new LongAdder();

        RouteMetrics() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        LongAdder byStatus(int status) {
            LongAdder n = statuses.get(status);
            if (n == null) {
                statuses.compareAndSet(status, null, new LongAdder());
                n = statuses.get(status);
            }
            return n;
        }
    }
}
