package org.linkway.conformance.internal.sender;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.linkway.model.ProblemType;
import org.linkway.validation.Finding;

/**
 * What a sender did, read one requirement at a time. Each method answers null when the sender
 * did what its requirement says, or a message naming the requests that did not; a requirement
 * the sender gave no chance to judge is {@link NotShown} (a skip).
 */
final class SenderAnalysis {

    /** Nothing the sender did shows this requirement either way. */
    static final class NotShown extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotShown(String message) {
            super(message, null, false, false);
        }
    }

    /** Rules that mean a mandatory PRSB element is missing (or occurs too few times). */
    static final Set<String> MANDATORY =
            Set.of("LW-REQUIRED", "LW-CARDINALITY", "LW-REFERRAL-ENTRY", "LW-RISKS-RECORDED", "LW-CONSENT-RECORDED");

    static final String NHS_NUMBER = "LW-NHS-NUMBER";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final int SHOWN = 10;

    private final List<Received> all;
    private final List<Received> referrals;
    private final String token;
    private final boolean messageBacks;
    private final List<SenderReceiver.Accepted> accepted;

    SenderAnalysis(List<Received> all, String token, boolean messageBacks, List<SenderReceiver.Accepted> accepted) {
        this.all = List.copyOf(all);
        this.referrals = all.stream().filter(r -> r.kind().referral()).toList();
        this.token = token;
        this.messageBacks = messageBacks;
        this.accepted = List.copyOf(accepted);
    }

    List<Received> referrals() {
        return referrals;
    }

    String otherFindings() {
        return findings(f -> !MANDATORY.contains(f.ruleId()) && !f.ruleId().equals(NHS_NUMBER), "breaks the standard");
    }

    String mandatoryFindings() {
        return findings(f -> MANDATORY.contains(f.ruleId()), "lacks a mandatory element");
    }

    String nhsNumberFindings() {
        return findings(f -> f.ruleId().equals(NHS_NUMBER), "carries an invalid NHS number");
    }

    /** The error findings of each distinct message (a retry is the same message) that {@code which} selects. */
    private String findings(Predicate<Finding> which, String what) {
        Map<String, Received> distinct = new LinkedHashMap<>();
        referrals.forEach(r -> distinct.putIfAbsent(r.path() + "\n" + r.body(), r));
        List<String> bad = new ArrayList<>();
        for (Received r : distinct.values()) {
            List<Finding> found =
                    r.findings().stream().filter(Finding::isError).filter(which).toList();
            if (!found.isEmpty()) {
                bad.add(r.describe() + " " + what + ":\n    "
                        + String.join(
                                "\n    ", found.stream().map(Finding::toString).toList()));
            }
        }
        return verdict(bad);
    }

    String withoutKey() {
        List<String> bad = new ArrayList<>();
        for (Received r : referrals) {
            String key = r.header("idempotency-key");
            if (key == null) {
                bad.add(r.describe() + " has no Idempotency-Key");
            } else if (!KEY.matcher(key).matches()) {
                bad.add(r.describe() + " has a malformed Idempotency-Key (1 to 255 visible ASCII characters)");
            }
        }
        return verdict(bad);
    }

    String retry() {
        Received refused = referrals.stream()
                .filter(Received::deliberate)
                .findFirst()
                .orElseThrow(() -> new NotShown("the kit's 503 was never given"));
        List<String> bad = new ArrayList<>();
        List<Received> again = referrals.stream()
                .filter(r -> r.seq() > refused.seq()
                        && r.path().equals(refused.path())
                        && r.body().equals(refused.body()))
                .toList();
        if (again.isEmpty()) {
            bad.add(refused.describe() + " with Retry-After: 1 was never sent again with the same body");
        }
        String key = refused.header("idempotency-key");
        for (Received r : again) {
            if (key != null && !key.equals(r.header("idempotency-key"))) {
                bad.add(r.describe() + " resends " + refused.describe() + " under Idempotency-Key "
                        + r.header("idempotency-key") + ", not " + key);
            }
        }
        for (Received r : referrals) {
            if (r.answer().contains(ProblemType.IDEMPOTENCY_KEY_REUSED.type())) {
                bad.add(r.describe() + " reuses Idempotency-Key " + r.header("idempotency-key")
                        + " for another request");
            }
        }
        return verdict(bad);
    }

    String contentTypes() {
        List<String> bad = new ArrayList<>();
        for (Received r : referrals) {
            if (!SenderIntake.rightContentType(r.kind(), r.header("content-type"))) {
                bad.add(r.describe() + " declares Content-Type " + r.header("content-type") + ", not "
                        + SenderIntake.mediaType(r.kind()));
            }
        }
        return verdict(bad);
    }

    String tokens() {
        List<String> bad = new ArrayList<>();
        for (Received r : all) {
            String presented = SenderJudge.bearer(r.header("authorization"));
            if (presented == null) {
                bad.add(r.describe() + " presents no bearer token");
            } else if (token != null && !token.equals(presented)) {
                bad.add(r.describe() + " presents another bearer token than the one the kit was given");
            }
        }
        return verdict(bad);
    }

    String messageBacksFetched() {
        if (!messageBacks) {
            throw new NotShown("no message back was played (--no-message-back)");
        }
        if (accepted.isEmpty()) {
            throw new NotShown("no referral was accepted, so there was no message back to fetch");
        }
        List<String> bad = new ArrayList<>();
        for (SenderReceiver.Accepted a : accepted) {
            if (!a.fetched()) {
                bad.add("the message back of referral " + a.id() + " was never fetched (GET /v1/referrals/" + a.id()
                        + "/message-back or GET /v1/message-backs)");
            }
        }
        return verdict(bad);
    }

    private static String verdict(List<String> bad) {
        if (bad.isEmpty()) {
            return null;
        }
        List<String> shown = bad.subList(0, Math.min(SHOWN, bad.size()));
        return String.join("\n", shown) + (bad.size() > SHOWN ? "\n(and " + (bad.size() - SHOWN) + " more)" : "");
    }
}
