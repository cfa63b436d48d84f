package org.linkway.conformance.internal.sender;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.linkway.validation.Finding;

/**
 * One request the system under test made to the kit's receiving endpoint, with the kit's answer
 * and, for a referral, what the standard's validator found in it (judged whatever the answer was,
 * so a message refused for its content type is still judged on its content).
 *
 * @param seq        the order it arrived in, from 1
 * @param kind       which endpoint it reached
 * @param method     the HTTP method
 * @param path       the path and query
 * @param headers    the request headers, names in lower case
 * @param body       the body as sent (UTF-8)
 * @param status     the kit's answer
 * @param answer     the kit's answer body
 * @param findings   for a referral: the validator's findings (FHIR ones too); empty otherwise
 * @param readable   for a referral: true when the body could be read as a referral at all
 * @param deliberate true for the kit's own 503 that asks the sender to retry
 */
public record Received(
        int seq,
        Kind kind,
        String method,
        String path,
        Map<String, List<String>> headers,
        String body,
        int status,
        String answer,
        List<Finding> findings,
        boolean readable,
        boolean deliberate) {

    /** The endpoints of the kit's receiving service. */
    public enum Kind {
        /** POST /v1/referrals, Linkway JSON. */
        LINKWAY_REFERRAL,
        /** POST /fhir/R4/Bundle (transaction) or /fhir/R4/$process-message (a BaRS-shaped message). */
        FHIR_REFERRAL,
        /** GET of a message back (one, or the list). */
        MESSAGE_BACK,
        /** Anything else (answered 404). */
        OTHER;

        public boolean referral() {
            return this == LINKWAY_REFERRAL || this == FHIR_REFERRAL;
        }
    }

    public Received {
        headers = Map.copyOf(headers);
        findings = List.copyOf(findings);
    }

    /** The first value of a header, by its name in any case; null when absent. */
    public String header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** How the request is named in a verdict: {@code #2 POST /v1/referrals}. */
    public String describe() {
        return "#" + seq + " " + method + " " + path + " (answered " + status + ")";
    }
}
