package org.linkway.validation.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.linkway.model.MessageType;
import org.linkway.model.PartialDateTime;
import org.linkway.validation.Rule;
import org.linkway.validation.checks.NhsNumber;
import org.linkway.validation.checks.OdsCode;
import org.linkway.validation.checks.SnomedConceptId;
import org.linkway.validation.checks.UkPostcode;

import tools.jackson.databind.JsonNode;

/**
 * The PRSB rules a JSON Schema cannot say: identifier check digits, dates that cannot be in the
 * future, end dates after start dates, and the records PRSB insists on (risks, consent, the
 * referral itself). Rules are keyed by PRSB element or shared definition, found through the
 * {@link ElementIndex}, so they follow the schemas wherever the element appears. They read the
 * JSON tree, not the Java model, so they still run when the structure is wrong elsewhere.
 */
final class BusinessRules {

    static final String SNOMED = "http://snomed.info/sct";
    /** Dates are judged in UK time: a referral made at 00:30 in London on the 1st is not in the future. */
    static final ZoneId UK = ZoneId.of("Europe/London");

    private static final String NHS_NUMBER = "Person demographics / NHS number";
    private static final String GP_PRACTICE = "GP practice / GP practice record entry / GP practice identifier";
    private static final String POSTCODE = "Person demographics / Person's address / Postcode";
    private static final Set<String> NEVER_FUTURE = Set.of(
            "Person demographics / Date of birth",
            "Referral details / Referral details record entry / Date",
            "Contacts with professionals / Contacts with professionals record entry / Date and time of contact",
            "Signpost details / Signpost details record entry / Date");
    /** Linkway elements outside PRSB that record something that has happened. */
    private static final Map<MessageType, Set<String>> NEVER_FUTURE_LINKWAY = Map.of(
            MessageType.CONSENT, Set.of("/recordedAt"),
            MessageType.ASSESSMENT, Set.of("/administeredAt"),
            MessageType.MESSAGE_BACK, Set.of("/sentAt"));

    /** Start and end members of the same record, by the definition of the record. */
    static final Map<String, String[][]> DATE_PAIRS = Map.of(
            "RisksRecordEntry", new String[][] {{"startDateOfRisk", "endDateOfRisk"}},
            "SafeguardingConcerns", new String[][] {{"safeguardingConcernsDate", "safeguardingConcernsEndDate"}},
            "LookedAfterChild", new String[][] {{"lookedAfterChildStartDate", "lookedAfterChildEndDate"}},
            "UnbornChildProtectionPlan", new String[][] {{"unbornChildProtectionPlanStartDate", "unbornChildProtectionPlanEndDate"}},
            "ServicesAndCareRecordEntry", new String[][] {{"serviceStartDate", "serviceEndDate"}},
            "ImmigrationStatus", new String[][] {{"startDate", "endDate"}},
            "ProblemListRecordEntry", new String[][] {{"onsetDate", "endDate"}},
            "Consent", new String[][] {{"recordedAt", "expiresAt"}});

    private final MessageType type;
    private final Findings out;
    private final LocalDate today;
    private final Clock clock;

    private BusinessRules(MessageType type, Findings out, Clock clock) {
        this.type = type;
        this.out = out;
        this.clock = clock;
        this.today = LocalDate.now(clock.withZone(UK));
    }

    static void check(MessageType type, JsonNode message, Findings out, Clock clock) {
        BusinessRules rules = new BusinessRules(type, out, clock);
        rules.visit(message, "", "");
        rules.wholeMessage(message);
    }

    private void visit(JsonNode node, String pointer, String pattern) {
        ElementIndex.Place place = ElementIndex.get().at(type, pattern);
        if (place != null) {
            if (node.isString()) {
                checkValue(node.asString(), pointer, place.prsbPath());
            } else if (node.isObject()) {
                checkObject(node, pointer, place.definition());
            }
        }
        if (NEVER_FUTURE_LINKWAY.getOrDefault(type, Set.of()).contains(pattern) && node.isString()) {
            notInFuture(node.asString(), pointer);
        }
        if (node.isObject()) {
            if (pointer.isEmpty()) {
                checkObject(node, pointer, type.resourceType());
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String segment = SchemaFindings.escape(e.getKey());
                visit(e.getValue(), pointer + "/" + segment, pattern + "/" + segment);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                visit(node.get(i), pointer + "/" + i, pattern + "/*");
            }
        }
    }

    private void checkValue(String value, String pointer, String prsbPath) {
        switch (prsbPath) {
            case NHS_NUMBER:
                NhsNumber.problem(value).ifPresent(p -> out.add(Rule.NHS_NUMBER, pointer, "NHS number: " + p));
                break;
            case GP_PRACTICE:
                OdsCode.gpPracticeProblem(value).ifPresent(p ->
                        out.add(Rule.ODS_CODE, pointer, "GP practice code '" + value + "': " + p));
                break;
            case POSTCODE:
                UkPostcode.problem(value).ifPresent(p -> out.add(Rule.POSTCODE, pointer, "postcode '" + value + "': " + p));
                break;
            default:
                if (NEVER_FUTURE.contains(prsbPath)) {
                    notInFuture(value, pointer);
                }
        }
    }

    private void checkObject(JsonNode node, String pointer, String definition) {
        if ("Coding".equals(definition) && SNOMED.equals(node.path("system").asString(null)) && node.path("code").isString()) {
            String code = node.get("code").asString();
            SnomedConceptId.problem(code).ifPresent(p ->
                    out.add(Rule.SNOMED_CONCEPT_ID, pointer + "/code", "SNOMED CT code '" + code + "': " + p));
        }
        if ("OdsCodedText".equals(definition) && node.path("code").isString()) {
            String code = node.get("code").asString();
            OdsCode.problem(code).ifPresent(p -> out.add(Rule.ODS_CODE, pointer + "/code", "ODS code '" + code + "': " + p));
        }
        for (String[] pair : DATE_PAIRS.getOrDefault(definition, new String[0][])) {
            Optional<PartialDateTime> start = date(node.get(pair[0]));
            Optional<PartialDateTime> end = date(node.get(pair[1]));
            if (start.isPresent() && end.isPresent() && end.get().compareTo(start.get()) < 0) {
                out.add(Rule.DATE_ORDER, pointer + "/" + pair[1], "'" + pair[1] + "' (" + end.get() + ") is before '"
                        + pair[0] + "' (" + start.get() + ").");
            }
        }
    }

    private void notInFuture(String value, String pointer) {
        date(value).ifPresent(d -> {
            boolean future = d.dateTime()
                    .map(t -> t.toInstant().isAfter(clock.instant()))
                    .orElseGet(() -> d.toLocalDate().isAfter(today));
            if (future) {
                out.add(Rule.DATE_IN_FUTURE, pointer, value + " is in the future (today is " + today + " in the UK).");
            }
        });
    }

    private void wholeMessage(JsonNode m) {
        if (type == MessageType.REFERRAL) {
            JsonNode consent = m.path("consent").path("consentForInformationSharing");
            if (!consent.isString() || consent.asString().isBlank()) {
                out.add(Rule.CONSENT_RECORDED, "/consent", "record the person's consent for information sharing in "
                        + "'Consent for information sharing', or the reason it was not sought.");
            }
            JsonNode details = m.path("referralDetails");
            if (details.isObject() && (!details.path("entries").isArray() || details.path("entries").isEmpty())) {
                out.add(Rule.REFERRAL_ENTRY, "/referralDetails/entries", "the referral carries no referral details "
                        + "record entry: add one with the referrer's details, the service referred to and the reason.");
            }
        }
        if (type == MessageType.CONSENT && "not-sought".equals(m.path("decision").asString(""))
                && m.path("notSoughtReason").asString("").isBlank()) {
            out.add(Rule.CONSENT_RECORDED, "/notSoughtReason", "consent was not sought: record the reason why.");
        }
    }

    private static Optional<PartialDateTime> date(JsonNode node) {
        return node != null && node.isString() ? date(node.asString()) : Optional.empty();
    }

    private static Optional<PartialDateTime> date(String value) {
        try {
            return Optional.of(PartialDateTime.parse(value));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty(); // the schema stage reports the format
        }
    }
}
