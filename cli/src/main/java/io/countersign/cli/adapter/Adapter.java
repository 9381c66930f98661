package io.countersign.cli.adapter;

import io.countersign.codec.Version;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.countersign.codec.TokenFormatException;
import io.countersign.schemes.ArgumentShapeException;
import io.countersign.schemes.BuilderCatalog;
import io.countersign.schemes.BuilderSpec;
import io.countersign.schemes.TokenScheme;
import io.countersign.schemes.Values;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The conformance adapter (conformance/PROTOCOL.md v1.1): one JSON request per line in, one response per line
 * out, in order. A bad line gets an error answer and never stops the loop. Builders come from
 * the {@link BuilderCatalog}, token contents from {@link TokenScheme}: this class only maps the
 * protocol's requests and errors onto them.
 */
public final class Adapter {
    /** The implementation name {@code hello} answers with. */
    public static final String IMPLEMENTATION = "countersign";
    /** The release {@code hello} answers with: the one the build wrote into core. */
    public static final String VERSION = Version.current();
    /** The Jackson mapper the adapter and the command line share; never reconfigured, so safe to share. */
    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> OPS = List.of("hello", "build", "encode", "decode", "verify");

    /** An adapter; it keeps no state between requests. */
    public Adapter() {
    }

    /**
     * Answers requests from {@code in} until it closes: one response line per request line, in
     * order, flushed after each so the caller can wait for it.
     *
     * @param in  the request lines
     * @param out where the response lines go
     * @throws IOException when {@code in} cannot be read
     */
    public void run(BufferedReader in, PrintStream out) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            out.println(handle(line).toString());
            out.flush();
        }
    }

    /**
     * The response to one request line. Never throws: a line that is not a request, a request the
     * core refuses and a bug (as {@code crashed}) each get an error response.
     *
     * @param line one request, a JSON object on one line
     * @return the response, echoing the request's {@code id}
     */
    public ObjectNode handle(String line) {
        Object parsed;
        try {
            parsed = MAPPER.readValue(line, Object.class);
        } catch (JsonProcessingException e) {
            return error(null, AdapterException.BAD_REQUEST, "not JSON: " + e.getOriginalMessage());
        }
        if (!(parsed instanceof Map<?, ?>)) {
            return error(null, AdapterException.BAD_REQUEST, "a request must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> request = (Map<String, Object>) parsed;
        Object id = request.get("id");
        if (!(id instanceof String idText)) {
            return error(id, AdapterException.BAD_REQUEST, "\"id\" must be a string");
        }
        try {
            ObjectNode response = NODES.objectNode();
            response.put("id", idText);
            response.put("ok", true);
            String op = Values.text(request, "", "op");
            switch (op) {
                case "hello" -> hello(response);
                case "build" -> response.put("token", build(request));
                case "encode" -> response.put("token", encode(request));
                case "decode" -> response.set("content", MAPPER.valueToTree(decode(request)));
                case "verify" -> response.put("valid", verify(request));
                default -> throw AdapterException.unsupported("unknown op \"" + op + "\"");
            }
            return response;
        } catch (AdapterException e) {
            return error(idText, e.code(), e.getMessage());
        } catch (ArgumentShapeException e) {
            return error(idText, AdapterException.BAD_REQUEST, e.getMessage());
        } catch (TokenFormatException e) {
            return error(idText, AdapterException.MALFORMED, e.getMessage());
        } catch (IllegalArgumentException e) {
            return error(idText, AdapterException.INVALID_ARGUMENT, e.getMessage());
        } catch (RuntimeException e) {
            // A bug, not an input problem: say so, keep serving, and leave the trace on stderr.
            e.printStackTrace();
            return error(idText, AdapterException.CRASHED, "internal error: " + e);
        }
    }

    private static void hello(ObjectNode response) {
        response.put("implementation", IMPLEMENTATION);
        response.put("version", VERSION);
        OPS.forEach(response.putArray("ops")::add);
        ArrayNode schemes = response.putArray("schemes");
        TokenScheme.all().forEach(s -> schemes.add(s.name()));
        ArrayNode builders = response.putArray("builders");
        BuilderCatalog.all().forEach(b -> builders.add(b.name()));
    }

    private static String build(Map<String, Object> request) {
        String name = Values.text(request, "", "builder");
        BuilderSpec spec = BuilderCatalog.find(name)
                .orElseThrow(() -> AdapterException.unsupported("no builder \"" + name + "\""));
        Map<String, Object> args = Values.object(request, "", "args");
        return spec.build(FixedInputs.of(spec, request), args);
    }

    private static String encode(Map<String, Object> request) {
        Map<String, Object> content = Values.object(request, "", "content");
        String name = Values.text(content, "content", "scheme");
        TokenScheme scheme = TokenScheme.named(name)
                .orElseThrow(() -> AdapterException.unsupported("no scheme \"" + name + "\""));
        return scheme.encode(content, Values.text(request, "", "secret"));
    }

    private static Map<String, Object> decode(Map<String, Object> request) {
        String token = Values.text(request, "", "token");
        return schemeOf(token).decode(token);
    }

    private static boolean verify(Map<String, Object> request) {
        String token = Values.text(request, "", "token");
        String secret = Values.text(request, "", "secret");
        return schemeOf(token).verify(token, secret, request);
    }

    /** The scheme whose prefix the token carries; a token no scheme recognises is malformed. */
    private static TokenScheme schemeOf(String token) {
        return TokenScheme.of(token)
                .orElseThrow(() -> new AdapterException(AdapterException.MALFORMED, "token: no known version prefix"));
    }

    /** An error answer; {@code id} is echoed as given (null when the request had none). */
    private static ObjectNode error(Object id, String code, String message) {
        ObjectNode response = NODES.objectNode();
        response.set("id", MAPPER.valueToTree(id));
        response.put("ok", false);
        ObjectNode error = response.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return response;
    }
}
