package org.linkway.validation.internal;

import java.time.Clock;
import org.linkway.model.MessageType;
import org.linkway.model.PartialDateTime;
import org.linkway.validation.Rule;
import org.linkway.validation.Severity;
import org.linkway.validation.TerminologyService;
import org.linkway.validation.checks.EmailFormat;
import org.linkway.validation.checks.NhsNumber;
import org.linkway.validation.checks.OdsCode;
import org.linkway.validation.checks.TelephoneFormat;
import org.linkway.validation.checks.UkPostcode;
import org.linkway.validation.internal.vocab.VocabularyChecks;

/**
 * The PRSB rules the schema cannot say, checked while {@link StreamingValidator} reads a message:
 * NHS numbers, ODS and SNOMED CT codes, postcodes, e-mail addresses and telephone numbers, dates
 * not in the future and in order ({@link DateRules}), consent
 * recorded, a referral details entry present. Each runs where the compiled {@link Spec} marks a
 * hook; the rules about the whole message run once at its end. One instance per message.
 */
final class PrsbRuleChecks {

    static final String SNOMED = "http://snomed.info/sct";

    private final MessageType type;
    private final Spec root;
    private final Findings out;
    private final DateRules dates;
    /** The reader's JSON pointer to where it is, shared: read only when a finding is made. */
    private final CharSequence path;
    /** Code lists, code systems and units (org.linkway.validation.internal.vocab). */
    private final VocabularyChecks vocabulary;

    private boolean consentText;
    private boolean referralDetails;
    private String declaredNewerMinor;
    /** -1: no entries array seen; otherwise its size. */
    private int referralEntries = -1;

    PrsbRuleChecks(
            MessageType type, Spec root, Findings out, Clock clock, CharSequence path, TerminologyService terminology) {
        this.type = type;
        this.root = root;
        this.vocabulary = VocabularyChecks.create(out::add, terminology);
        this.out = out;
        this.dates = new DateRules(out, clock, path);
        this.path = path;
    }

    /** The referral details entries array held {@code size} entries. */
    void referralEntries(int size) {
        referralEntries = size;
    }

    /** The PRSB rules on a string value that passed the schema checks. */
    void stringRules(Spec s, String v) {
        for (Spec.Hook hook : s.hooks) {
            switch (hook) {
                case NHS_NUMBER:
                    NhsNumber.problem(v).ifPresent(m -> add(Rule.NHS_NUMBER, path.toString(), s, "NHS number: " + m));
                    break;
                case GP_PRACTICE:
                    OdsCode.gpPracticeProblem(v)
                            .ifPresent(
                                    m -> add(Rule.ODS_CODE, path.toString(), s, "GP practice code '" + v + "': " + m));
                    break;
                case POSTCODE:
                    UkPostcode.problem(v)
                            .ifPresent(m -> add(Rule.POSTCODE, path.toString(), s, "postcode '" + v + "': " + m));
                    break;
                case NOT_IN_FUTURE:
                    dates.notInFuture(s, v);
                    break;
                case DATE_OF_BIRTH:
                    dates.dateOfBirth(v);
                    break;
                case RECORDED_DATE:
                    dates.recorded(s, v);
                    break;
                case EMAIL:
                    EmailFormat.problem(v)
                            .ifPresent(m ->
                                    add(Rule.EMAIL, path.toString(), s, "e-mail address " + Text.brief(v) + ": " + m));
                    break;
                case TELEPHONE:
                    TelephoneFormat.problem(v)
                            .ifPresent(m -> add(
                                    Rule.TELEPHONE,
                                    path.toString(),
                                    s,
                                    "telephone number " + Text.brief(v) + ": " + m));
                    break;
                case CONSENT_TEXT:
                    consentText = !v.isBlank();
                    break;
                case NEWER_MINOR:
                    newerMinor(v);
                    break;
                case CODE_LIST:
                    vocabulary.code(s.binding, v, path, s.nearestPrsbPath);
                    break;
                default:
                    break;
            }
        }
    }

    /** The PRSB rules on an object, given the string members it held. */
    void objectRules(Spec s, String[] captured) {
        for (Spec.Hook hook : s.hooks) {
            switch (hook) {
                case SNOMED_CODING:
                    vocabulary.coding(
                            s.binding,
                            member(s, captured, "system"),
                            member(s, captured, "code"),
                            path,
                            s.nearestPrsbPath);
                    break;
                case ODS_CODE: {
                    String code = member(s, captured, "code");
                    if (code != null) {
                        OdsCode.organisationProblem(code)
                                .ifPresent(m -> add(Rule.ODS_CODE, path + "/code", s, "ODS code '" + code + "': " + m));
                    }
                    break;
                }
                case DATE_PAIR:
                    for (String[] pair : s.datePairs) {
                        PartialDateTime start = date(member(s, captured, pair[0]));
                        PartialDateTime end = date(member(s, captured, pair[1]));
                        if (start != null && end != null && end.compareTo(start) < 0) {
                            add(
                                    Rule.DATE_ORDER,
                                    path + "/" + pair[1],
                                    s.child(pair[1]),
                                    "'" + pair[1] + "' (" + end + ") is before '" + pair[0] + "' (" + start + ").");
                        }
                    }
                    break;
                case CONSENT_NOT_SOUGHT:
                    if ("not-sought".equals(member(s, captured, "decision"))) {
                        String reason = member(s, captured, "notSoughtReason");
                        if (reason == null || reason.isBlank()) {
                            add(
                                    Rule.CONSENT_RECORDED,
                                    path + "/notSoughtReason",
                                    s,
                                    "consent was not sought: record the reason why.");
                        }
                    }
                    break;
                case REFERRAL_DETAILS:
                    referralDetails = true;
                    break;
                case HOSPITAL_STAY:
                    HospitalStayRules.check(s, captured, path, this::add);
                    break;
                default:
                    break;
            }
        }
    }

    /** The rules only the whole message can decide; call once, after the root object. */
    void wholeMessage() {
        if (type != MessageType.REFERRAL) {
            return;
        }
        if (!consentText) {
            add(
                    Rule.CONSENT_RECORDED,
                    "/consent",
                    root.child("consent"),
                    "record the person's consent for information sharing in "
                            + "'Consent for information sharing', or the reason it was not sought.");
        }
        if (referralDetails && referralEntries <= 0) {
            add(
                    Rule.REFERRAL_ENTRY,
                    "/referralDetails/entries",
                    root.child("referralDetails"),
                    "the referral carries no referral details "
                            + "record entry: add one with the referrer's details, the service referred to and the reason.");
        }
    }

    /** Readers accept older minors silently; a newer minor may carry elements this reader ignores. */
    private void newerMinor(String version) {
        if (UnknownMembers.isNewerMinor(version)) {
            declaredNewerMinor = version;
            out.add(
                    Rule.SCHEMA_VERSION,
                    Severity.WARNING,
                    path.toString(),
                    "",
                    "the message is schemaVersion " + version + ", newer than this reader's "
                            + MessageType.SCHEMA_VERSION
                            + ": elements added since are reported as unknown and ignored.");
        }
    }

    /** The newer minor version the message declares, or null if it declares this reader's, an older or none. */
    String declaredNewerMinor() {
        return declaredNewerMinor;
    }

    static String member(Spec s, String[] captured, String name) {
        Integer idx = s.index.get(name);
        return idx == null ? null : captured[idx];
    }

    private static PartialDateTime date(String value) {
        return DateRules.date(value);
    }

    /** Where a rule class outside this one reports. */
    interface Sink {
        void add(Rule rule, String pointer, Spec at, String message);
    }

    private void add(Rule rule, String pointer, Spec at, String message) {
        out.add(rule, rule.severity(), pointer, at == null ? "" : at.nearestPrsbPath, message);
    }
}
