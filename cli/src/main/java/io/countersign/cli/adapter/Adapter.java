package io.countersign.cli.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.countersign.codec.TokenFormatException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * The conformance adapter (PROTOCOL.md v1): one JSON request per line in, one response per line
 * out, in order. A bad line gets an error answer and never stops the loop.
 */
public final class Adapter {
    public static final String IMPLEMENTATION = "countersign";
    public static final String VERSION = "0.1";
    private static final List<String> OPS = List.of("hello", "build", "encode", "decode", "verify");

    private final List<Scheme> schemes;

    public Adapter(List<Scheme> schemes) {
        this.schemes = List.copyOf(schemes);
    }

    public Adapter() {
        this(Schemes.all());
    }

    /** Answers requests from {@code in} until it closes. */
    public void run(BufferedReader in, PrintStream out) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            out.println(handle(line).toString());
            out.flush();
        }
    }

    /** The response to one request line. */
    public ObjectNode handle(String line) {
        JsonNode request;
        try {
            request = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            return error(null, AdapterException.BAD_REQUEST, "not JSON: " + e.getOriginalMessage());
        }
        if (request == null || !request.isObject()) {
            return error(null, AdapterException.BAD_REQUEST, "a request must be a JSON object");
        }
        JsonNode id = request.get("id");
        try {
            if (id == null || !id.isTextual()) {
                throw AdapterException.badRequest("\"id\" must be a string");
            }
            ObjectNode response = ok(id);
            String op = Json.text(request, "op");
            switch (op) {
                case "hello" -> hello(response);
                case "build" -> response.put("token", build(request));
                case "encode" -> response.put("token", encode(request));
                case "decode" -> response.set("content", decode(request));
                case "verify" -> response.put("valid", verify(request));
                default -> throw AdapterException.unsupported("unknown op \"" + op + "\"");
            }
            return response;
        } catch (AdapterException e) {
            return error(id, e.code(), e.getMessage());
        } catch (TokenFormatException e) {
            return error(id, AdapterException.MALFORMED, e.getMessage());
        } catch (IllegalArgumentException e) {
            return error(id, AdapterException.INVALID_ARGUMENT, e.getMessage());
        } catch (RuntimeException e) {
            // A bug, not an input problem: say so, keep serving, and leave the trace on stderr.
            e.printStackTrace();
            return error(id, AdapterException.INVALID_ARGUMENT, "internal error: " + e);
        }
    }

    private void hello(ObjectNode response) {
        response.put("implementation", IMPLEMENTATION);
        response.put("version", VERSION);
        OPS.forEach(response.putArray("ops")::add);
        ArrayNode names = response.putArray("schemes");
        ArrayNode builders = response.putArray("builders");
        for (Scheme s : schemes) {
            names.add(s.name());
            s.builders().forEach(builders::add);
        }
    }

    private String build(JsonNode request) {
        String builder = Json.text(request, "builder");
        for (Scheme s : schemes) {
            if (s.builders().contains(builder)) {
                return s.build(builder, request);
            }
        }
        throw AdapterException.unsupported("no builder \"" + builder + "\"");
    }

    private String encode(JsonNode request) {
        JsonNode content = Json.object(request, "content");
        String scheme = Json.text(content, "scheme");
        return scheme(scheme).encode(content, Json.text(request, "secret"));
    }

    private JsonNode decode(JsonNode request) {
        String token = Json.text(request, "token");
        return schemeOf(token).decode(token);
    }

    private boolean verify(JsonNode request) {
        String token = Json.text(request, "token");
        String secret = Json.text(request, "secret");
        return schemeOf(token).verify(token, secret, request);
    }

    private Scheme scheme(String name) {
        for (Scheme s : schemes) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw AdapterException.unsupported("no scheme \"" + name + "\"");
    }

    /** The scheme whose prefix the token carries; a token no scheme recognises is malformed. */
    private Scheme schemeOf(String token) {
        for (Scheme s : schemes) {
            if (s.recognizes(token)) {
                return s;
            }
        }
        throw new AdapterException(AdapterException.MALFORMED, "token: no known version prefix");
    }

    private static ObjectNode ok(JsonNode id) {
        ObjectNode response = Json.NODES.objectNode();
        response.set("id", id);
        response.put("ok", true);
        return response;
    }

    private static ObjectNode error(JsonNode id, String code, String message) {
        ObjectNode response = Json.NODES.objectNode();
        response.set("id", id == null ? Json.NODES.nullNode() : id);
        response.put("ok", false);
        ObjectNode error = response.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return response;
    }
}
