package io.countersign.doctor;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@link TokenDoctor#check}: the inspection (absent when the token is
 * malformed), what the signature check found, and every problem as a {@link Finding}.
 *
 * @param scheme        the scheme the token's prefix names (007, 006, 005, signaling, netless), if any
 * @param inspection    the token in words, if it decodes
 * @param signature     which certificate signed it, if any was checked
 * @param signatureNote why the signature was not checked, or "" when it was
 * @param findings      every problem found, in the order checked
 */
public record CheckResult(Optional<String> scheme, Optional<Inspection> inspection, Signature signature, String signatureNote,
                          List<Finding> findings) {

    /**
     * Copies the findings.
     *
     * @param scheme the scheme the token's prefix names, if any
     * @param inspection the token in words, if it decodes
     * @param signature which certificate signed it, if any was checked
     * @param signatureNote why the signature was not checked, or ""
     * @param findings every problem found; copied
     */
    public CheckResult {
        findings = List.copyOf(findings);
    }

    /** What the signature check found. */
    public enum Signature {
        /** No certificate was given, or the scheme also signs values that were not given. */
        NOT_CHECKED,
        /** The primary certificate signed it. */
        PRIMARY,
        /** The secondary certificate signed it (rotation in progress). */
        SECONDARY,
        /** No certificate given signed it. */
        INVALID
    }

    /** The one-word summary, each with its own CLI exit code. */
    public enum Verdict {
        /** Signed by a given certificate, and nothing else is wrong. */
        VALID,
        /** Decodes, nothing is wrong, but the signature was not checked. */
        UNVERIFIED,
        /** Decodes, but something is wrong (see the findings). */
        INVALID,
        /** Does not decode. */
        MALFORMED
    }

    /**
     * {@return the one-word summary} Malformed if a finding says so; otherwise invalid if there is any
     * finding or no certificate given signed it; otherwise valid, or unverified when the signature was not checked.
     */
    public Verdict verdict() {
        if (findings.stream().anyMatch(f -> f instanceof Finding.Malformed)) {
            return Verdict.MALFORMED;
        }
        if (!findings.isEmpty() || signature == Signature.INVALID) {
            return Verdict.INVALID;
        }
        return signature == Signature.NOT_CHECKED ? Verdict.UNVERIFIED : Verdict.VALID;
    }
}
