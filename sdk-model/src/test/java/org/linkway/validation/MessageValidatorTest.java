package org.linkway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.model.Consent;
import org.linkway.model.PartialDateTime;
import org.linkway.model.PrsbMessage;
import org.linkway.model.Referral;
import tools.jackson.databind.node.ObjectNode;

/** Bad input gets findings naming the place and the rule; nothing throws. */
class MessageValidatorTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private final MessageValidator validator =
            MessageValidator.builder().clock(TODAY).build();

    @Test
    void the_minimal_referral_is_valid() {
        ValidationResult result = validator.validate(Fixtures.MINIMAL_REFERRAL);
        assertThat(result.findings()).as(result.toString()).isEmpty();
        assertThat(result.messageType()).contains("Referral");
    }

    @Test
    @Timeout(30)
    void a_gp_practice_names_itself_by_its_six_character_ods_code_and_a_malformed_code_is_named_with_the_rule() {
        for (String code : new String[] {"Y03146", "A81001", "RX9", "RX901", "8EC41", "QEM"}) {
            ObjectNode m = Fixtures.minimalReferral();
            ((ObjectNode) m.at("/referralDetails/entries/0/referrerDetails/organisation")).put("code", code);
            ((ObjectNode) m.at("/referralDetails/entries/0/referralTo"))
                    .putObject("organisation")
                    .put("code", code);
            ValidationResult result = validator.validate(m.toString());
            assertThat(result.findings()).as(code + ": " + result).isEmpty();
        }
        ObjectNode m = Fixtures.minimalReferral();
        ((ObjectNode) m.at("/referralDetails/entries/0/referrerDetails/organisation")).put("code", "Y0314-");
        ((ObjectNode) m.at("/referralDetails/entries/0/referralTo"))
                .putObject("organisation")
                .put("code", "Y0314X");
        ValidationResult result = validator.validate(m.toString());
        assertThat(result.findings())
                .extracting(Finding::ruleId, Finding::pointer)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("LW-ODS-CODE", "/referralDetails/entries/0/referrerDetails/organisation/code"),
                        Tuple.tuple("LW-ODS-CODE", "/referralDetails/entries/0/referralTo/organisation/code"));
        assertThat(result.findings())
                .extracting(Finding::message)
                .containsExactlyInAnyOrder(
                        "ODS code 'Y0314-': an ODS code may contain only upper-case letters A to Z and digits, but character 6 is '-'",
                        "ODS code 'Y0314X': an ODS code of 6 characters is a GP practice's, which is one letter followed by 5 digits, like Y03146");
    }

    @Test
    void malformed_json_is_a_finding_with_the_position() {
        ValidationResult result = validator.validate("{\"resourceType\": \"Referral\",\n  \"x\": }");
        assertThat(only(result).ruleId()).isEqualTo("LW-INPUT-MALFORMED-JSON");
        assertThat(only(result).message()).contains("line 2");
    }

    @Test
    void empty_null_and_trailing_garbage_are_malformed() {
        assertThat(only(validator.validate("")).ruleId()).isEqualTo("LW-INPUT-MALFORMED-JSON");
        assertThat(only(validator.validate((String) null)).ruleId()).isEqualTo("LW-INPUT-MALFORMED-JSON");
        assertThat(only(validator.validate(Fixtures.MINIMAL_REFERRAL + " {}")).ruleId())
                .isEqualTo("LW-INPUT-MALFORMED-JSON");
    }

    @Test
    void duplicate_properties_are_malformed_rather_than_silently_overwritten() {
        String twice = Fixtures.MINIMAL_REFERRAL.replace(
                "\"prsbVersion\": \"1.1\",", "\"prsbVersion\": \"1.1\", \"prsbVersion\": \"1.1\",");
        assertThat(only(validator.validate(twice)).ruleId()).isEqualTo("LW-INPUT-MALFORMED-JSON");
    }

    @Test
    void a_message_must_be_an_object() {
        assertThat(only(validator.validate("[1, 2]")).ruleId()).isEqualTo("LW-INPUT-NOT-OBJECT");
        assertThat(only(validator.validate("42")).ruleId()).isEqualTo("LW-INPUT-NOT-OBJECT");
    }

    @Test
    void deeply_nested_junk_is_refused_without_overflowing_the_stack() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThat(only(validator.validate(deep)).ruleId()).isEqualTo("LW-INPUT-NOT-OBJECT");
        String deepInside = "{\"resourceType\":\"Referral\",\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThat(only(validator.validate(deepInside)).ruleId()).isEqualTo("LW-INPUT-TOO-DEEP");
        String deepObject = "{\"resourceType\":\"Referral\",\"a\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_001);
        assertThat(only(validator.validate(deepObject)).ruleId()).isEqualTo("LW-INPUT-TOO-DEEP");
    }

    @Test
    void a_ten_megabyte_message_is_refused_by_default_and_measured_when_allowed() {
        ObjectNode m = Fixtures.minimalReferral();
        String huge = "x".repeat(10 * 1024 * 1024);
        ((ObjectNode) m.get("personDemographics")).put("relevantContacts", "ok");
        ((ObjectNode) m.get("personDemographics").get("name"))
                .putArray("familyNames")
                .add(huge);
        String json = m.toString();

        assertThat(only(validator.validate(json)).ruleId()).isEqualTo("LW-INPUT-TOO-LARGE");
        assertThat(only(validator.validate(json.getBytes(StandardCharsets.UTF_8)))
                        .ruleId())
                .isEqualTo("LW-INPUT-TOO-LARGE");

        ValidationResult allowed = MessageValidator.builder()
                .clock(TODAY)
                .maxBytes(16 * 1024 * 1024)
                .build()
                .validate(json);
        Finding f = only(allowed);
        assertThat(f.ruleId()).isEqualTo("LW-MAX-LENGTH");
        assertThat(f.pointer()).isEqualTo("/personDemographics/name/familyNames/0");
        assertThat(f.prsbPath()).isEqualTo("Person demographics / Person name / Person family name");
        assertThat(f.message()).contains("at most 35").hasSizeLessThan(300);
    }

    @Test
    void a_wrong_type_names_the_field_the_prsb_element_and_what_was_expected() {
        ObjectNode m = Fixtures.minimalReferral();
        ((ObjectNode) m.get("personDemographics")).put("dateOfBirth", 19580417);
        Finding f = only(validator.validate(m.toString()));
        assertThat(f.ruleId()).isEqualTo("LW-TYPE");
        assertThat(f.pointer()).isEqualTo("/personDemographics/dateOfBirth");
        assertThat(f.prsbPath()).isEqualTo("Person demographics / Date of birth");
        assertThat(f.message()).contains("should be a string").contains("a number");
    }

    @Test
    void every_problem_is_reported_not_just_the_first() {
        ObjectNode m = Fixtures.minimalReferral();
        ObjectNode person = (ObjectNode) m.get("personDemographics");
        person.put("nhsNumber", "9990000019");
        person.remove("dateOfBirth");
        person.putObject("address").put("postcode", "NOT CODE");
        m.remove("risks");
        ValidationResult result = validator.validate(m.toString());
        assertThat(result.findings())
                .extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("LW-NHS-NUMBER", "LW-REQUIRED", "LW-POSTCODE", "LW-RISKS-RECORDED");
        assertThat(result.isValid()).isFalse();
    }

    @Test
    void an_unknown_property_in_a_message_of_the_readers_version_is_an_error_naming_the_member() {
        ObjectNode m = Fixtures.minimalReferral();
        ((ObjectNode) m.get("personDemographics")).put("favouriteColour", "teal");
        ValidationResult result = validator.validate(m.toString());
        Finding f = only(result);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.ruleId()).isEqualTo("LW-UNKNOWN-PROPERTY");
        assertThat(f.pointer()).isEqualTo("/personDemographics/favouriteColour");
        assertThat(f.prsbPath()).isEqualTo("Person demographics");
        assertThat(f.message()).contains("'favouriteColour'").contains("check its spelling");
        assertThat(result.isValid()).isFalse();
    }

    @Test
    void an_unknown_property_in_a_message_of_a_newer_minor_is_a_warning_that_says_it_will_not_be_stored() {
        ObjectNode m = Fixtures.minimalReferral();
        // the member comes before schemaVersion: its severity waits until the version is read
        m.remove("schemaVersion");
        m.put("schemaVersion", "1.3.0");
        String json = m.toString()
                .replaceFirst(
                        "\"resourceType\":\"Referral\",",
                        "\"resourceType\":\"Referral\",\"favouriteColour\":\"teal\",");
        assertThat(json.indexOf("favouriteColour")).isLessThan(json.indexOf("schemaVersion"));
        ValidationResult result = validator.validate(json);
        assertThat(result.findings())
                .extracting(Finding::ruleId, Finding::severity)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("LW-UNKNOWN-PROPERTY", Severity.WARNING),
                        Tuple.tuple("LW-SCHEMA-VERSION", Severity.WARNING));
        assertThat(result.warnings().stream()
                        .filter(f -> f.ruleId().equals("LW-UNKNOWN-PROPERTY"))
                        .findFirst()
                        .orElseThrow()
                        .message())
                .contains("'favouriteColour'")
                .contains("1.3.0")
                .contains("ignored, not stored");
        assertThat(result.isValid()).isTrue();
    }

    @Test
    void a_newer_minor_version_is_accepted_with_a_warning_and_a_new_major_is_refused() {
        ObjectNode m = Fixtures.minimalReferral();
        m.put("schemaVersion", "1.4.0");
        ValidationResult newer = validator.validate(m.toString());
        assertThat(newer.isValid()).isTrue();
        assertThat(only(newer).ruleId()).isEqualTo("LW-SCHEMA-VERSION");
        assertThat(only(newer).severity()).isEqualTo(Severity.WARNING);

        m.put("schemaVersion", "2.0.0");
        assertThat(only(validator.validate(m.toString())).ruleId()).isEqualTo("LW-SCHEMA-VERSION");
        assertThat(validator.validate(m.toString()).isValid()).isFalse();
    }

    @Test
    void findings_are_capped_and_the_cap_is_reported() {
        ObjectNode m = Fixtures.minimalReferral();
        for (int i = 0; i < 3000; i++) {
            m.put("junk" + i, i);
        }
        ValidationResult result =
                MessageValidator.builder().clock(TODAY).maxFindings(100).build().validate(m.toString());
        assertThat(result.findings()).hasSize(101);
        assertThat(result.findings().get(100).ruleId()).isEqualTo("LW-TOO-MANY-FINDINGS");
        assertThat(result.findings().get(100).message()).startsWith("2900 more");
    }

    @Test
    void a_stream_that_fails_is_a_finding() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }
        };
        assertThat(only(validator.validate(broken)).ruleId()).isEqualTo("LW-INPUT-UNREADABLE");
        assertThat(validator
                        .validate(new ByteArrayInputStream(Fixtures.MINIMAL_REFERRAL.getBytes(StandardCharsets.UTF_8)))
                        .findings())
                .isEmpty();
    }

    @Test
    void model_objects_are_validated_too() {
        // build() has checked the required members; the validator checks the rules a builder cannot
        Consent noReason = Consent.builder()
                .withDecision(Consent.Decision.NOT_SOUGHT)
                .withRecordedAt(PartialDateTime.parse("2026-03-01"))
                .build();
        ValidationResult result = validator.validate(noReason);
        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("LW-CONSENT-RECORDED");
        assertThat(result.findings()).extracting(Finding::pointer).containsExactly("/notSoughtReason");
        assertThat(only(validator.validate((PrsbMessage) null)).ruleId()).isEqualTo("LW-INPUT-MALFORMED-JSON");
    }

    @Test
    void read_returns_the_typed_message_only_when_it_is_valid() {
        ReadResult<Referral> ok = validator.read(Fixtures.MINIMAL_REFERRAL, Referral.class);
        assertThat(ok.message()).isPresent();
        assertThat(ok.message().get().getPersonDemographics().getName().getFamilyNames())
                .containsExactly("Thornbury");

        ReadResult<Consent> wrongType = validator.read(Fixtures.MINIMAL_REFERRAL, Consent.class);
        assertThat(wrongType.message()).isEmpty();
        assertThat(wrongType.validation().errors()).extracting(Finding::ruleId).containsExactly("LW-MESSAGE-TYPE");

        ReadResult<Referral> broken = validator.read("{", Referral.class);
        assertThat(broken.message()).isEmpty();
        assertThat(broken.validation().isValid()).isFalse();
    }

    @Test
    void dates_are_judged_against_the_clock_in_uk_time() {
        ObjectNode m = Fixtures.minimalReferral();
        // without a referral date, which would be before so late a birth
        ((ObjectNode) m.at("/referralDetails/entries/0")).remove("date");
        ((ObjectNode) m.get("personDemographics")).put("dateOfBirth", "2026-11-27");
        Finding f = only(validator.validate(m.toString()));
        assertThat(f.ruleId()).isEqualTo("LW-DATE-FUTURE");
        assertThat(f.prsbPath()).isEqualTo("Person demographics / Date of birth");

        ((ObjectNode) m.get("personDemographics")).put("dateOfBirth", "2026-11-26");
        assertThat(validator.validate(m.toString()).findings()).isEmpty();
    }

    private static Finding only(ValidationResult result) {
        assertThat(result.findings()).as(result.toString()).hasSize(1);
        return result.findings().get(0);
    }
}
