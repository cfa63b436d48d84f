package org.linkway.conformance.broken;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The deliberately broken variants of the reference server, each one wrong in one way. */
final class Breakages {

    private static final Pattern REFERRAL_PATH = Pattern.compile("^/v1/referrals/([^/?]+)(/.*)?$");
    private static final String PROBLEM = "application/problem+json";

    private Breakages() {}

    /** Passes everything through: the control. */
    static BreakingProxy.Breakage none() {
        return new BreakingProxy.Breakage() {};
    }

    /** Accepts a referral whose NHS number has a wrong check digit (swaps in a valid one before the server sees it). */
    static BreakingProxy.Breakage acceptsInvalidNhsNumber() {
        return new BreakingProxy.Breakage() {
            @Override
            public Object before(BreakingProxy.Request r, BreakingProxy up) {
                if (!r.method().equals("POST") || !r.path().equals("/v1/referrals")) {
                    return r;
                }
                try {
                    JsonNode tree = LinkwayJson.mapper().readTree(r.body());
                    if (tree.path("personDemographics") instanceof ObjectNode person
                            && person.path("nhsNumber").isString()
                            && !validNhsNumber(person.path("nhsNumber").asString())) {
                        person.put("nhsNumber", "9992174439");
                        return r.withBody(tree.toString());
                    }
                } catch (RuntimeException notJson) {
                    // malformed bodies go through unchanged
                }
                return r;
            }
        };
    }

    /** Lets a completed referral go back to in-progress (answers 200 instead of the server's 409). */
    static BreakingProxy.Breakage allowsCompletedToInProgress() {
        return new BreakingProxy.Breakage() {
            @Override
            public Object before(BreakingProxy.Request r, BreakingProxy up) {
                Matcher m = REFERRAL_PATH.matcher(r.path());
                if (r.method().equals("POST")
                        && m.matches()
                        && "/transitions".equals(m.group(2))
                        && r.text().contains("\"in-progress\"")) {
                    BreakingProxy.Reply current = up.get("/v1/referrals/" + m.group(1));
                    if (current.status() == 200 && current.text().contains("\"status\":\"completed\"")) {
                        return BreakingProxy.Reply.json(
                                200,
                                current.text().replace("\"status\":\"completed\"", "\"status\":\"in-progress\""),
                                "application/json");
                    }
                }
                return r;
            }
        };
    }

    /** Ignores If-Match: replaces whatever version the client sent with the current one. */
    static BreakingProxy.Breakage ignoresIfMatch() {
        return new BreakingProxy.Breakage() {
            @Override
            public Object before(BreakingProxy.Request r, BreakingProxy up) {
                if (r.header("if-match") == null) {
                    return r;
                }
                String resource = r.path().endsWith("/transitions")
                        ? r.path().substring(0, r.path().length() - "/transitions".length())
                        : r.path();
                BreakingProxy.Reply current = up.get(resource);
                List<String> etag = current.headers().entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase("etag"))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(List.of());
                return etag.isEmpty() ? r : r.withHeader("If-Match", etag.get(0));
            }
        };
    }

    /** Never issues the message back. */
    static BreakingProxy.Breakage dropsMessageBack() {
        return new BreakingProxy.Breakage() {
            @Override
            public Object before(BreakingProxy.Request r, BreakingProxy up) {
                if (r.method().equals("GET") && r.path().endsWith("/message-back")) {
                    return BreakingProxy.Reply.json(
                            404,
                            "{\"type\":\"urn:linkway:problem:not-found\",\"title\":\"Not found\",\"status\":404}",
                            PROBLEM);
                }
                return r;
            }
        };
    }

    /** Crashes on a body that is not JSON: 500 where the server said 400. */
    static BreakingProxy.Breakage serverErrorOnMalformedJson() {
        return new BreakingProxy.Breakage() {
            @Override
            public BreakingProxy.Reply after(BreakingProxy.Request r, BreakingProxy.Reply reply, BreakingProxy up) {
                if (r.method().equals("POST") && reply.status() == 400) {
                    return BreakingProxy.Reply.json(
                            500, "{\"type\":\"about:blank\",\"title\":\"Internal error\",\"status\":500}", PROBLEM);
                }
                return reply;
            }
        };
    }

    /**
     * Bearer tokens of two organisations in front of the server (what the security issue will
     * build): 401 without a known token, each referral owned by the organisation that sent it.
     * With {@code leak}, another organisation's referrals are served and listed anyway.
     */
    static BreakingProxy.Breakage organisations(Map<String, String> tokenToOrg, boolean leak) {
        return organisations(tokenToOrg, leak, sub -> false);
    }

    /**
     * As {@link #organisations(Map, boolean)}, but the sub-resource routes {@code unscoped} picks
     * (by the part of the path after the referral id) forget the owner's check: the referral itself
     * is 404 to another organisation while its records are served.
     */
    static BreakingProxy.Breakage organisations(
            Map<String, String> tokenToOrg, boolean leak, java.util.function.Predicate<String> unscoped) {
        Map<String, String> owners = new ConcurrentHashMap<>();
        return new BreakingProxy.Breakage() {
            @Override
            public Object before(BreakingProxy.Request r, BreakingProxy up) {
                String auth = r.header("authorization");
                String org = auth != null && auth.startsWith("Bearer ") ? tokenToOrg.get(auth.substring(7)) : null;
                if (org == null) {
                    return BreakingProxy.Reply.json(
                            401,
                            "{\"type\":\"urn:linkway:problem:unauthorised\",\"title\":\"Unauthorised\",\"status\":401}",
                            PROBLEM);
                }
                Matcher m = REFERRAL_PATH.matcher(r.path());
                if (!leak
                        && m.matches()
                        && (m.group(2) == null || !unscoped.test(m.group(2)))
                        && owners.containsKey(m.group(1))
                        && !owners.get(m.group(1)).equals(org)) {
                    return BreakingProxy.Reply.json(
                            404,
                            "{\"type\":\"urn:linkway:problem:not-found\",\"title\":\"Not found\",\"status\":404}",
                            PROBLEM);
                }
                return r.withHeader("X-Kit-Org", org);
            }

            @Override
            public BreakingProxy.Reply after(BreakingProxy.Request r, BreakingProxy.Reply reply, BreakingProxy up) {
                String org = r.header("x-kit-org");
                if (r.method().equals("POST") && r.path().equals("/v1/referrals") && reply.status() == 201) {
                    owners.put(
                            LinkwayJson.mapper()
                                    .readTree(reply.body())
                                    .path("id")
                                    .asString(),
                            org);
                }
                if (!leak
                        && r.method().equals("GET")
                        && r.path().matches("^/v1/referrals(\\?.*)?$")
                        && reply.status() == 200) {
                    ObjectNode page = (ObjectNode) LinkwayJson.mapper().readTree(reply.body());
                    ArrayNode kept = page.putArray("kept");
                    for (JsonNode item : (ArrayNode)
                            LinkwayJson.mapper().readTree(reply.body()).path("items")) {
                        String owner = owners.get(item.path("id").asString());
                        if (owner == null || owner.equals(org)) {
                            kept.add(item);
                        }
                    }
                    page.set("items", kept);
                    page.remove("kept");
                    return BreakingProxy.Reply.json(200, page.toString(), "application/json");
                }
                return reply;
            }
        };
    }

    static boolean validNhsNumber(String n) {
        if (!n.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (n.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        check = check == 11 ? 0 : check;
        return check != 10 && check == n.charAt(9) - '0';
    }
}
