package io.countersign.doctor;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link Inspection} or a {@link CheckResult} as plain data (maps, lists, strings, longs),
 * the one JSON shape the CLI's {@code inspect --json} and the server's {@code POST /v1/verify}
 * print. Times are unix milliseconds with an ISO-8601 UTC twin ({@code ...Utc}).
 */
public final class DoctorData {
    private DoctorData() {
    }

    /**
     * An inspection as {@code {scheme, title, issuedAt, expiresAt, fields, grants, warnings}}.
     *
     * @param in the inspection
     * @return ordered plain data
     */
    public static Map<String, Object> of(Inspection in) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("scheme", in.scheme());
        data.put("title", in.title());
        time(data, "issuedAt", in.issuedAt().isPresent() ? in.issuedAt().getAsLong() : null);
        time(data, "expiresAt", in.expiresAt().isPresent() ? in.expiresAt().getAsLong() : null);
        List<Object> fields = new ArrayList<>();
        for (Inspection.Field f : in.fields()) {
            fields.add(ordered("name", f.name(), "value", f.value(), "meaning", f.meaning()));
        }
        data.put("fields", fields);
        List<Object> grants = new ArrayList<>();
        for (Inspection.Grant g : in.grants()) {
            Map<String, Object> grant = ordered("field", g.field(), "service", g.service().label(), "id", (long) g.id(), "name", g.name());
            time(grant, "expiresAt", g.expiresAt());
            grants.add(grant);
        }
        data.put("grants", grants);
        List<Object> warnings = new ArrayList<>();
        for (Inspection.Warning w : in.warnings()) {
            warnings.add(ordered("code", w.code().id(), "field", w.field(), "message", w.message()));
        }
        data.put("warnings", warnings);
        return data;
    }

    /**
     * {@code {verdict, signature, signatureNote, findings, inspection}}: the verdict and
     * signature in lower case with dashes ({@code "valid"}, {@code "not-checked"}), each finding
     * as {@code {code, message}} plus its facts, and the inspection when the token decodes.
     *
     * @param result the check's outcome
     * @return ordered plain data
     */
    public static Map<String, Object> of(CheckResult result) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("verdict", id(result.verdict()));
        data.put("scheme", result.scheme().orElse(null));
        data.put("signature", id(result.signature()));
        data.put("signatureNote", result.signatureNote());
        List<Object> findings = new ArrayList<>();
        for (Finding f : result.findings()) {
            findings.add(of(f));
        }
        data.put("findings", findings);
        data.put("inspection", result.inspection().map(DoctorData::of).orElse(null));
        return data;
    }

    /**
     * A finding as {@code {code, message}} and its facts under their record component names.
     *
     * @param finding the finding
     * @return ordered plain data
     */
    public static Map<String, Object> of(Finding finding) {
        Map<String, Object> data = ordered("code", finding.code(), "message", finding.message());
        for (RecordComponent c : finding.getClass().getRecordComponents()) {
            Object value;
            try {
                value = c.getAccessor().invoke(finding);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("record accessor " + c.getName(), e);
            }
            if (value instanceof ServiceKind kind) {
                value = kind.label();
            } else if (value instanceof Enum<?> e) {
                value = e.name();
            } else if (value instanceof Integer i) {
                value = (long) i;
            }
            if (c.getName().equals("expiredAt") || c.getName().equals("now")) {
                time(data, c.getName(), (Long) value);
            } else {
                data.put(c.getName(), value);
            }
        }
        return data;
    }

    private static void time(Map<String, Object> data, String key, Long millis) {
        data.put(key, millis);
        data.put(key + "Utc", millis == null ? null : java.time.Instant.ofEpochMilli(millis).toString());
    }

    private static String id(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
