package org.linkway.server.onward;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.linkway.model.ProblemType;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Json;
import org.linkway.server.storage.FeedbackLog;
import org.linkway.server.storage.StoredResource;
import org.linkway.server.storage.Tx;
import org.linkway.validation.Finding;
import org.linkway.validation.MessageValidator;
import org.linkway.validation.Rule;
import org.linkway.validation.Severity;
import org.linkway.validation.ValidationResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A provider's feedback: checked against the onward referral schema's feedback entry (a member
 * the schema does not know is refused, not stored), kept as records of its own (see
 * {@link FeedbackLog}) within a limit per onward referral, and shown to readers inside the onward
 * referral as before, as its {@code feedback} array ({@link FeedbackLog#withFeedback}).
 */
final class OnwardFeedback {

    /** Most entries one onward referral keeps: a weekly report for almost five years. */
    static final int MAX_ENTRIES = 250;
    /** Most bytes of feedback one onward referral keeps (the entries as stored, UTF-8). */
    static final long MAX_BYTES = 1024 * 1024;

    private static final String ENTRY = "/feedback/0";

    private final MessageValidator validator;

    OnwardFeedback(MessageValidator validator) {
        this.validator = validator;
    }

    /**
     * The entry as it will be stored, or a 422 naming every problem with it, pointers relative to
     * the posted body. Checked inside a copy of the onward referral, so the entry meets exactly
     * the schema's rules for it; the onward referral declares this server's own schema version,
     * so a member that schema does not know cannot be from a newer one and is refused.
     */
    String accept(JsonNode entry, StoredResource onward) {
        ObjectNode doc = (ObjectNode) Json.MAPPER.readTree(onward.body());
        doc.putArray("feedback").add(entry);
        ValidationResult result = validator.validate(Json.write(doc));
        List<Finding> problems = new ArrayList<>();
        for (Finding f : result.findings()) {
            if (!(f.pointer().equals(ENTRY) || f.pointer().startsWith(ENTRY + "/"))) {
                continue; // the onward referral itself was accepted when it was made
            }
            boolean unknown = f.ruleId().equals(Rule.UNKNOWN_PROPERTY.id());
            if (f.severity() == Severity.ERROR || unknown) {
                String pointer = f.pointer().substring(ENTRY.length());
                problems.add(new Finding(
                        Severity.ERROR,
                        f.ruleId(),
                        pointer,
                        f.prsbPath(),
                        unknown
                                ? "'" + pointer.substring(pointer.lastIndexOf('/') + 1)
                                        + "' is not part of a feedback entry, which has at, from, attendance and text; "
                                        + "it is refused, not stored"
                                : f.message()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem(
                    ProblemType.INVALID_FEEDBACK,
                    problems.size() + " problem(s) with the feedback entry: "
                            + problems.stream()
                                    .limit(3)
                                    .map(f -> f.ruleId() + " at " + (f.pointer().isEmpty() ? "/" : f.pointer()))
                                    .collect(Collectors.joining(", "))
                            + (problems.size() > 3 ? ", ..." : ""),
                    problems);
        }
        return Json.write(entry);
    }

    /** Appends the entry in {@code tx}, or refuses it with 409 {@code feedback-limit} when the onward referral is full. */
    void append(Tx tx, StoredResource onward, String entry) {
        FeedbackLog.Tally tally = tx.feedback().tallyForAppend(onward.id());
        JsonNode earlier = Json.MAPPER.readTree(onward.body()).path("feedback");
        int entries = tally.entries() + earlier.size();
        long bytes = tally.bytes();
        for (JsonNode e : earlier) {
            bytes += Json.write(e).getBytes(StandardCharsets.UTF_8).length;
        }
        long size = entry.getBytes(StandardCharsets.UTF_8).length;
        if (entries >= MAX_ENTRIES || bytes + size > MAX_BYTES) {
            throw new ApiProblem(
                            ProblemType.FEEDBACK_LIMIT,
                            "onward referral " + onward.id() + " holds " + entries + " feedback entries (" + bytes
                                    + " bytes); the server keeps at most " + MAX_ENTRIES + " entries and "
                                    + MAX_BYTES + " bytes for one, and this entry (" + size
                                    + " bytes) would pass that. Earlier feedback is kept and readable; "
                                    + "send further news to the link worker another way, or as a new onward referral")
                    .with("limit", MAX_ENTRIES)
                    .with("entries", entries)
                    .with("bytes", bytes)
                    .with("maxBytes", MAX_BYTES);
        }
        tx.feedback().append(onward.id(), onward.referralId(), tally, entry);
    }
}
