package org.linkway.conformance.broken;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Broken variants of what issue 15 asks of a server: the message back reaching the GP practice,
 * carrying the journey, honouring a refusal of consent; answers checked; closed referrals closed.
 * Each is wrong in one way. They sit behind a proxy that passes each request's own token on, so
 * the server sees the GP practice as the GP practice; a breakage may swap one token for another.
 */
final class MessageBackBreakages {

    private static final Pattern REFERRAL_PATH = Pattern.compile("^/v1/referrals/([^/?]+)(/[^?]*)?(\\?.*)?$");
    private static final String PROBLEM = "application/problem+json";
    private static final String NOT_FOUND =
            "{\"type\":\"urn:linkway:problem:not-found\",\"title\":\"Not found\",\"status\":404}";

    private MessageBackBreakages() {}

    static boolean sentBy(BreakingProxy.Request r, String token) {
        return ("Bearer " + token).equals(r.header("authorization"));
    }

    /** Whether the request reads a message back: one referral's (JSON or FHIR) or the list of them. */
    static boolean readsMessageBack(BreakingProxy.Request r) {
        String p = r.path();
        return r.method().equals("GET")
                && (p.matches("^/v1/referrals/[^/?]+/message-back(\\?.*)?$")
                        || p.startsWith("/v1/message-backs")
                        || p.startsWith("/fhir/R4/Bundle/")
                        || p.startsWith("/fhir/R4/Composition/"));
    }

    /** Answers 404 to the GP practice for the message back about its patient (the list and events still work). */
    static BreakingProxy.Breakage hidesMessageBackFromGp(String gpToken) {
        return new BreakingProxy.Breakage() {
            @Override
            public Object before(BreakingProxy.Request r, BreakingProxy up) {
                return sentBy(r, gpToken)
                                && r.method().equals("GET")
                                && r.path().matches("^/v1/referrals/[^/?]+/message-back$")
                        ? BreakingProxy.Reply.json(404, NOT_FOUND, PROBLEM)
                        : r;
            }
        };
    }

    /** Lists no message backs to the GP practice. */
    static BreakingProxy.Breakage listsNothingToGp(String gpToken) {
        return new BreakingProxy.Breakage() {
            @Override
            public BreakingProxy.Reply after(BreakingProxy.Request r, BreakingProxy.Reply reply, BreakingProxy up) {
                if (!sentBy(r, gpToken) || !r.path().startsWith("/v1/message-backs") || reply.status() != 200) {
                    return reply;
                }
                ObjectNode page = (ObjectNode) LinkwayJson.mapper().readTree(reply.body());
                page.putArray("items");
                page.putNull("nextCursor");
                return BreakingProxy.Reply.json(200, page.toString(), "application/json");
            }
        };
    }

    /** Serves any message back to {@code token}'s organisation by asking as the admin (a leak, or consent ignored). */
    static BreakingProxy.Breakage servesMessageBacksWholeTo(String token, String adminToken) {
        return new BreakingProxy.Breakage() {
            @Override
            public Object before(BreakingProxy.Request r, BreakingProxy up) {
                return sentBy(r, token) && readsMessageBack(r)
                        ? r.withHeader("Authorization", "Bearer " + adminToken)
                        : r;
            }
        };
    }

    /** Shows the GP practice the referral itself, which it did not send. */
    static BreakingProxy.Breakage showsReferralToGp(String gpToken, String adminToken) {
        return new BreakingProxy.Breakage() {
            @Override
            public Object before(BreakingProxy.Request r, BreakingProxy up) {
                Matcher m = REFERRAL_PATH.matcher(r.path());
                return sentBy(r, gpToken) && r.method().equals("GET") && m.matches() && m.group(2) == null
                        ? r.withHeader("Authorization", "Bearer " + adminToken)
                        : r;
            }
        };
    }

    /** Answers the GP practice's FHIR document read with 404 (the JSON message back still works). */
    static BreakingProxy.Breakage hidesFhirDocumentFromGp(String gpToken) {
        return new BreakingProxy.Breakage() {
            @Override
            public Object before(BreakingProxy.Request r, BreakingProxy up) {
                return sentBy(r, gpToken)
                                && r.method().equals("GET")
                                && r.path().startsWith("/fhir/R4/Bundle/")
                        ? BreakingProxy.Reply.json(
                                404,
                                "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                                        + "\"code\":\"not-found\"}]}",
                                "application/fhir+json")
                        : r;
            }
        };
    }

    /** Changes every JSON message back the server serves (single reads and list items); {@code up} for look-ups. */
    static BreakingProxy.Breakage rewritesMessageBack(BiConsumer<ObjectNode, BreakingProxy> change) {
        return new BreakingProxy.Breakage() {
            @Override
            public BreakingProxy.Reply after(BreakingProxy.Request r, BreakingProxy.Reply reply, BreakingProxy up) {
                if (!r.method().equals("GET")
                        || reply.status() != 200
                        || !r.path().matches("^/v1/referrals/[^/?]+/message-back$")
                        || (r.header("accept") != null && r.header("accept").contains("fhir"))) {
                    return reply;
                }
                ObjectNode m = (ObjectNode) LinkwayJson.mapper().readTree(reply.body());
                change.accept(m, up);
                return BreakingProxy.Reply.json(200, m.toString(), "application/json");
            }
        };
    }

    static BreakingProxy.Breakage dropsSection(String section) {
        return rewritesMessageBack((m, up) -> m.remove(section));
    }

    /** Sends the latest care plan version, agreed with the person or not. */
    static BreakingProxy.Breakage sendsLatestCarePlanVersion() {
        return rewritesMessageBack((m, up) -> {
            BreakingProxy.Reply plan =
                    up.get("/v1/referrals/" + m.path("referralId").asString() + "/care-plan");
            if (plan.status() == 200) {
                m.set(
                        "careAndSupportPlan",
                        LinkwayJson.mapper().readTree(plan.body()).path("careAndSupportPlan"));
            }
        });
    }

    /** Puts another person's NHS number (valid, from the 999 test range) in the message back. */
    static BreakingProxy.Breakage swapsNhsNumber() {
        return rewritesMessageBack(
                (m, up) -> ((ObjectNode) m.path("personDemographics")).put("nhsNumber", "9990000018"));
    }

    /** Accepts an ONS4 answer of 11 by quietly storing 10 instead. */
    static BreakingProxy.Breakage acceptsOns4Eleven() {
        return rewritesAssessment(a -> {
            if ("ons4".equals(a.path("instrument").asString(""))) {
                for (JsonNode item : a.path("itemResponses")) {
                    if (item.path("value").asDouble() > 10) {
                        ((ObjectNode) item).put("value", 10);
                    }
                }
            }
        });
    }

    /** Ignores a stated total: drops it before the server can check it. */
    static BreakingProxy.Breakage ignoresStatedTotal() {
        return rewritesAssessment(a -> {
            if (a.at("/assessment/structuredAssessment") instanceof ObjectNode s) {
                s.remove("assessmentResult");
            }
        });
    }

    private static BreakingProxy.Breakage rewritesAssessment(Consumer<ObjectNode> change) {
        return new BreakingProxy.Breakage() {
            @Override
            public Object before(BreakingProxy.Request r, BreakingProxy up) {
                if (!r.method().equals("POST") || !r.path().matches("^/v1/referrals/[^/?]+/assessments$")) {
                    return r;
                }
                try {
                    ObjectNode a = (ObjectNode) LinkwayJson.mapper().readTree(r.body());
                    change.accept(a);
                    return r.withBody(a.toString());
                } catch (RuntimeException notAnObject) {
                    return r;
                }
            }
        };
    }

    /** Answers 201 to a contact on a closed referral, as if it had been recorded. */
    static BreakingProxy.Breakage acceptsContactOnClosedReferral() {
        return new BreakingProxy.Breakage() {
            @Override
            public Object before(BreakingProxy.Request r, BreakingProxy up) {
                Matcher m = REFERRAL_PATH.matcher(r.path());
                if (!r.method().equals("POST")
                        || !m.matches()
                        || !"/contacts".equals(m.group(2))
                        || !closed(up, m.group(1))) {
                    return r;
                }
                ObjectNode made = (ObjectNode) LinkwayJson.mapper().readTree(r.body());
                made.put("id", "kit-broken-contact").put("referralId", m.group(1));
                return new BreakingProxy.Reply(
                        201,
                        Map.of(
                                "Content-Type",
                                List.of("application/json"),
                                "Location",
                                List.of("/v1/referrals/" + m.group(1) + "/contacts/kit-broken-contact")),
                        made.toString().getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    /** Refuses a consent decision once the referral has closed. */
    static BreakingProxy.Breakage refusesConsentAfterClosing() {
        return new BreakingProxy.Breakage() {
            @Override
            public Object before(BreakingProxy.Request r, BreakingProxy up) {
                Matcher m = REFERRAL_PATH.matcher(r.path());
                if (r.method().equals("POST")
                        && m.matches()
                        && "/consents".equals(m.group(2))
                        && closed(up, m.group(1))) {
                    return BreakingProxy.Reply.json(
                            409,
                            "{\"type\":\"urn:linkway:problem:referral-closed\",\"title\":\"Referral closed\","
                                    + "\"status\":409,\"detail\":\"the referral is closed\"}",
                            PROBLEM);
                }
                return r;
            }
        };
    }

    private static boolean closed(BreakingProxy up, String referralId) {
        BreakingProxy.Reply current = up.get("/v1/referrals/" + referralId);
        if (current.status() != 200) {
            return false;
        }
        String status =
                LinkwayJson.mapper().readTree(current.body()).path("status").asString("");
        return Set.of("rejected", "declined", "unable-to-contact", "completed", "cancelled")
                .contains(status);
    }
}
