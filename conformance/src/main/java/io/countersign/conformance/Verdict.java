package io.countersign.conformance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The result of one vector against one implementation.
 *
 * @param outcome         what happened
 * @param reason          why it failed, or the implementation's message for unsupported; empty when it passed
 * @param expected        the outcome it was held to: the vector's expect, or its recorded divergent outcome
 * @param got             the response (without id), or null when the adapter gave none
 * @param stringIdentical for a passed payload match, whether the token string was also identical; else null
 */
record Verdict(Outcome outcome, String reason, JsonNode expected, JsonNode got, Boolean stringIdentical) {
    enum Outcome {
        /** Agrees with the vector's expect. */
        PASSED,
        /** Listed among a divergent entry's sources, and still gives exactly that recorded outcome. */
        DIVERGENT_AS_RECORDED,
        /**
         * Not expect, but one of the vector's "acceptable" outcomes: a refusal of an input that
         * breaks a documented input rule, which the officials accept. Not a failure.
         */
        ACCEPTABLE,
        /** Anything else, including a crash, a hang or a reply that is not protocol. */
        FAILED,
        /** Answered "unsupported": the implementation lacks the op, scheme or builder. Not a failure. */
        UNSUPPORTED
    }

    /** Passed, passed as recorded divergent, or an acceptable refusal: anything but failed and unsupported. */
    boolean passed() {
        return outcome == Outcome.PASSED || outcome == Outcome.DIVERGENT_AS_RECORDED || outcome == Outcome.ACCEPTABLE;
    }
}
