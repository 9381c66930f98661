package io.countersign.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The one place that decides whether a response matches a vector (PROTOCOL.md "What counts as a
 * match"); the runner, the JUnit suites and the property tests all call it.
 *
 * <ul>
 *   <li>An error vector compares only {@code ok:false} and {@code error.code}; messages are free text.</li>
 *   <li>{@code exact}: every field of expect other than {@code ok} must be equal (numbers by value,
 *       object keys in any order); extra response fields are ignored.</li>
 *   <li>{@code payload} (007): the tokens are inflated and the bytes compared, because zlib builds
 *       differ in the bytes they emit for the same input; whether the strings are also identical is
 *       reported beside the result.</li>
 *   <li>An implementation listed only in a divergent entry's sources is held to that recorded
 *       outcome; one listed in both sources and a divergent entry (an adapter over several
 *       packages) may give either.</li>
 *   <li>A response that fails the above but equals one of the vector's "acceptable" outcomes (a
 *       refusal of an input that breaks a documented rule) is acceptable, not a failure.</li>
 *   <li>"unsupported" is its own outcome, unless the vector itself expects that code.</li>
 * </ul>
 */
final class Comparison {
    static final String UNSUPPORTED = "unsupported";
    /** PROTOCOL.md 1.1: the implementation failed in a way it does not report as an error. */
    static final String CRASHED = "crashed";

    /** Numbers compare by value (1 == 1L); everything else by Jackson's equality. */
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        if (a.isNumber() && b.isNumber()) {
            if (a.isIntegralNumber() && b.isIntegralNumber()) {
                return a.bigIntegerValue().compareTo(b.bigIntegerValue());
            }
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return 1;
    };

    private Comparison() {
    }

    /**
     * Judges {@code got} (a response; its id is ignored) against vector {@code v} for {@code impl}.
     */
    static Verdict judge(Vector v, JsonNode got, Identity impl) {
        // The outcomes this implementation is held to: expect, unless the vector lists it only in
        // divergent entries. An adapter over several packages (Node's) may be listed in both.
        boolean inSources = impl.isAmong(v.sources());
        List<ObjectNode> recorded = new ArrayList<>();
        for (Vector.Divergent d : v.divergent()) {
            if (impl.isAmong(d.sources())) {
                recorded.add(d.expect());
            }
        }
        boolean heldToDivergent = !inSources && !recorded.isEmpty();
        ObjectNode expected = heldToDivergent ? recorded.get(0) : v.expect();

        JsonNode response = withoutId(got);
        if (response == null || !response.isObject() || !response.path("ok").isBoolean()) {
            return fail(expected, response, "not a protocol response (needs a boolean \"ok\")");
        }
        boolean ok = response.get("ok").booleanValue();
        String gotCode = ok ? null : response.path("error").path("code").asText(null);
        if (!ok && UNSUPPORTED.equals(gotCode) && !UNSUPPORTED.equals(expected.path("error").path("code").asText())) {
            return new Verdict(Verdict.Outcome.UNSUPPORTED, response.path("error").path("message").asText(""),
                    expected, response, null);
        }
        if (!heldToDivergent) {
            Verdict verdict = compare(v.match(), v.expect(), response);
            if (verdict.passed()) {
                return verdict;
            }
        }
        for (ObjectNode outcome : recorded) {
            Verdict verdict = compare(v.match(), outcome, response);
            if (verdict.passed()) {
                return new Verdict(Verdict.Outcome.DIVERGENT_AS_RECORDED, "", outcome, response, verdict.stringIdentical());
            }
        }
        for (ObjectNode allowed : v.acceptable().outcomes()) {
            if (compare(v.match(), allowed, response).passed()) {
                return new Verdict(Verdict.Outcome.ACCEPTABLE, String.join("; ", v.acceptable().because()),
                        allowed, response, null);
            }
        }
        if (heldToDivergent && compare(v.match(), v.expect(), response).passed()) {
            return fail(expected, response, "now agrees with expect, but the vector records this implementation as "
                    + "divergent: update the vector's \"divergent\" entry");
        }
        Verdict verdict = compare(v.match(), expected, response);
        return heldToDivergent ? fail(expected, response, "held to its recorded divergent outcome: " + verdict.reason()) : verdict;
    }

    /** A verdict for a vector that got no usable response (crash, hang, garbage). */
    static Verdict noResponse(Vector v, String what) {
        return fail(v.expect(), null, what);
    }

    private static Verdict compare(String match, ObjectNode expected, JsonNode got) {
        boolean ok = got.get("ok").booleanValue();
        if (Vector.isError(expected)) {
            String want = expected.path("error").path("code").asText();
            if (ok) {
                return fail(expected, got, "expected error \"" + want + "\", got ok:true");
            }
            String code = got.path("error").path("code").asText(null);
            if (!want.equals(code)) {
                return fail(expected, got, "expected error \"" + want + "\", got " + errorOf(got));
            }
            return pass(expected, got, null);
        }
        if (!ok) {
            return fail(expected, got, "expected ok:true, got " + errorOf(got));
        }
        Boolean identical = null;
        Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (name.equals("ok")) {
                continue;
            }
            JsonNode want = field.getValue();
            JsonNode have = got.get(name);
            if (have == null) {
                return fail(expected, got, "response has no \"" + name + "\"");
            }
            if (name.equals("token") && match.equals(Vector.PAYLOAD)) {
                String problem = samePayload(want.asText(), have.asText());
                if (problem != null) {
                    return fail(expected, got, tokenDifference(want.asText(), have.asText(), problem));
                }
                identical = want.asText().equals(have.asText());
            } else if (name.equals("token") && want.isTextual() && have.isTextual() && !want.equals(have)) {
                return fail(expected, got, tokenDifference(want.textValue(), have.textValue(),
                        "the strings differ first at character " + mismatch(want.textValue(), have.textValue())));
            } else if (!want.equals(BY_VALUE, have)) {
                return fail(expected, got, "\"" + name + "\" differs" + difference(name, want, have));
            }
        }
        return pass(expected, got, identical);
    }

    /**
     * Why two tokens differ, by field: both are decoded with the core's decoders and the first
     * differing field is named with both values ("token" differs at services[0].privileges.1:
     * expected 0, got 3600), or the scheme when the prefixes differ. {@code bytes} (where the
     * bytes differ) follows as the secondary detail, and stands alone when the expected token
     * does not decode with the core.
     */
    static String tokenDifference(String want, String have, String bytes) {
        String wantScheme = Vectors.schemeOfToken(want);
        String haveScheme = Vectors.schemeOfToken(have);
        if (wantScheme != null && !wantScheme.equals(haveScheme)) {
            return "\"token\" differs: expected a " + wantScheme + " token, got "
                    + (haveScheme == null ? "a token with no known version prefix" : "a " + haveScheme + " token");
        }
        JsonNode wantFields;
        try {
            wantFields = TokenFields.of(want);
        } catch (RuntimeException e) {
            return "\"token\" differs: " + bytes;
        }
        JsonNode haveFields;
        try {
            haveFields = TokenFields.of(have);
        } catch (RuntimeException e) {
            return "\"token\" differs: the token does not decode (" + e.getMessage() + "); " + bytes;
        }
        if (wantFields.equals(BY_VALUE, haveFields)) {
            return "\"token\" differs, but every decoded field is equal (field order or encoding); " + bytes;
        }
        return "\"token\" differs" + difference("", wantFields, haveFields) + "; " + bytes;
    }

    private static int mismatch(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return n;
    }

    /** An error answer as a failure names it; a crash keeps its message, the one clue there is. */
    private static String errorOf(JsonNode got) {
        String code = got.path("error").path("code").asText(null);
        return "error \"" + code + "\"" + (CRASHED.equals(code)
                ? " (the implementation crashed: " + abbreviate(got.path("error").path("message").asText("")) + ")" : "");
    }

    /** Where two JSON values first differ, e.g. " at content.services[0].privileges.1: expected 600, got 601". */
    static String difference(String path, JsonNode want, JsonNode have) {
        if (want.isObject() && have.isObject()) {
            Iterator<String> names = want.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!have.has(name)) {
                    return " at " + join(path, name) + ": expected " + abbreviate(want.get(name).toString()) + ", got none";
                }
                if (!want.get(name).equals(BY_VALUE, have.get(name))) {
                    return difference(join(path, name), want.get(name), have.get(name));
                }
            }
            Iterator<String> extra = have.fieldNames();
            while (extra.hasNext()) {
                String name = extra.next();
                if (!want.has(name)) {
                    return " at " + join(path, name) + ": expected none, got " + abbreviate(have.get(name).toString());
                }
            }
        }
        if (want.isArray() && have.isArray()) {
            for (int i = 0; i < Math.min(want.size(), have.size()); i++) {
                if (!want.get(i).equals(BY_VALUE, have.get(i))) {
                    return difference(path + "[" + i + "]", want.get(i), have.get(i));
                }
            }
            return " at " + path + ": " + want.size() + " elements expected, got " + have.size();
        }
        return " at " + path + ": expected " + abbreviate(want.toString()) + ", got " + abbreviate(have.toString());
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }

    /** Null when both 007 tokens inflate to the same bytes, else what is wrong. */
    static String samePayload(String expected, String got) {
        byte[] want;
        try {
            want = inflate007(expected);
        } catch (IllegalArgumentException e) {
            return "the vector's expected token " + e.getMessage() + " (bad vector)";
        }
        byte[] have;
        try {
            have = inflate007(got);
        } catch (IllegalArgumentException e) {
            return "the token " + e.getMessage();
        }
        if (!Arrays.equals(want, have)) {
            return "payload differs: " + payloadDifference(want, have);
        }
        return null;
    }

    /**
     * Where two 007 payloads differ. Each is a u16 little-endian length, the signature, then the
     * signed bytes; a different signature alone says little, so the signed bytes are compared too.
     */
    private static String payloadDifference(byte[] want, byte[] have) {
        String sizes = "inflated " + have.length + " bytes, expected " + want.length;
        int wantSig = want.length >= 2 ? 2 + ((want[0] & 0xFF) | (want[1] & 0xFF) << 8) : -1;
        int haveSig = have.length >= 2 ? 2 + ((have[0] & 0xFF) | (have[1] & 0xFF) << 8) : -1;
        if (wantSig < 0 || wantSig != haveSig || wantSig > want.length || haveSig > have.length) {
            return sizes + ", first difference at byte " + Arrays.mismatch(want, have);
        }
        byte[] wantSigned = Arrays.copyOfRange(want, wantSig, want.length);
        byte[] haveSigned = Arrays.copyOfRange(have, haveSig, have.length);
        int at = Arrays.mismatch(wantSigned, haveSigned);
        if (at < 0) {
            return sizes + "; the signed bytes are identical, only the signature differs";
        }
        return sizes + "; the signed bytes (after the " + (wantSig - 2) + "-byte signature) differ first at byte " + at
                + " of " + wantSigned.length;
    }

    /**
     * The inflated payload (signature and signing info) of a 007 token: "007", then padded standard
     * base64 of one complete zlib stream with nothing after it.
     */
    static byte[] inflate007(String token) {
        if (!token.startsWith("007")) {
            throw new IllegalArgumentException("does not start with 007");
        }
        String body = token.substring(3);
        byte[] deflated;
        try {
            if (body.length() % 4 != 0) {
                throw new IllegalArgumentException("unpadded");
            }
            deflated = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not padded standard base64 after 007");
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("is a truncated zlib stream");
                }
                out.write(chunk, 0, n);
                if (out.size() > 1 << 20) {
                    throw new IllegalArgumentException("inflates past 1 MiB");
                }
            }
            if (inflater.getRemaining() != 0) {
                throw new IllegalArgumentException("has " + inflater.getRemaining() + " bytes after its zlib stream");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("does not inflate: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    private static JsonNode withoutId(JsonNode got) {
        if (got instanceof ObjectNode o && o.has("id")) {
            ObjectNode copy = o.deepCopy();
            copy.remove("id");
            return copy;
        }
        return got;
    }

    private static Verdict pass(JsonNode expected, JsonNode got, Boolean identical) {
        return new Verdict(Verdict.Outcome.PASSED, "", expected, got, identical);
    }

    private static Verdict fail(JsonNode expected, JsonNode got, String reason) {
        return new Verdict(Verdict.Outcome.FAILED, reason, expected, got, null);
    }
}
