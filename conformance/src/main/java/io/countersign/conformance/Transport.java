package io.countersign.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Sends one request to an implementation and returns its reply: an adapter process, or an adapter in-process. */
@FunctionalInterface
interface Transport {
    Reply call(ObjectNode request);

    /**
     * What came back: a response object, or a description of why there is none (a crash, a hang,
     * a line that is not JSON).
     */
    record Reply(JsonNode response, String failure) {
        static Reply of(JsonNode response) {
            return new Reply(response, null);
        }

        static Reply failed(String failure) {
            return new Reply(null, failure);
        }

        boolean failed() {
            return failure != null;
        }
    }
}
