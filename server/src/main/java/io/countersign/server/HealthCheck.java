package io.countersign.server;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * {@code java -cp countersign-server.jar io.countersign.server.HealthCheck [server options]}: exits 0
 * when {@code GET /healthz} on this host answers 200 within {@link #TIMEOUT_MILLIS}, else 1 (refused,
 * timed out, or 503 while draining). It is a container's HEALTHCHECK where there is no curl and no
 * shell. It reads the port and address exactly as the server does (its flags and environment, declared
 * once in {@link Main}), so in a container it needs no arguments.
 */
public final class HealthCheck {
    /** Connect and read, each; Docker's own timeout should be longer than both together plus a JVM start. */
    static final int TIMEOUT_MILLIS = 2000;

    private HealthCheck() {
    }

    /**
     * Checks the server once and exits: 0 healthy, 1 not.
     *
     * @param args the server's own options, when the port or address is not in the environment
     */
    public static void main(String[] args) {
        // 0 healthy, 1 unhealthy: Docker reserves every other exit code.
        System.exit(check(args, System.out) ? 0 : 1);
    }

    /** Asks the server the options in {@code args} (and the environment) describe; one line on {@code out} says what it saw. */
    static boolean check(String[] args, PrintStream out) {
        Main options = new Main();
        try {
            new CommandLine(options).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            out.println("unhealthy: " + e.getMessage());
            return false;
        }
        if (options.port == 0) {
            out.println("unhealthy: port 0 means the server picked a free port; give this check the real one (--port)");
            return false;
        }
        String url;
        try {
            url = "http://" + hostPart(loopbackIfAny(options.host)) + ":" + options.port + "/healthz";
        } catch (IOException e) {
            out.println("unhealthy: host " + options.host + ": " + e.getMessage());
            return false;
        }
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection(Proxy.NO_PROXY);
            c.setConnectTimeout(TIMEOUT_MILLIS);
            c.setReadTimeout(TIMEOUT_MILLIS);
            c.setInstanceFollowRedirects(false);
            int status = c.getResponseCode();
            InputStream body = status < 400 ? c.getInputStream() : c.getErrorStream();
            String text = body == null ? "" : new String(body.readNBytes(200), StandardCharsets.UTF_8);
            out.println((status == 200 ? "healthy: " : "unhealthy: ") + url + " answered " + status + " " + text);
            return status == 200;
        } catch (IOException e) {
            out.println("unhealthy: " + url + ": " + e);
            return false;
        }
    }

    /** A server listening on every address (0.0.0.0, ::) is asked on loopback; a named address is asked there. */
    static InetAddress loopbackIfAny(String host) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        if (!address.isAnyLocalAddress()) {
            return address;
        }
        return InetAddress.getByName(address.getAddress().length == 4 ? "127.0.0.1" : "::1");
    }

    private static String hostPart(InetAddress address) {
        String literal = address.getHostAddress();
        return literal.indexOf(':') >= 0 ? "[" + literal + "]" : literal;
    }
}
