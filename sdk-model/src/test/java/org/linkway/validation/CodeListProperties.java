package org.linkway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.linkway.model.json.LinkwayJson;
import org.linkway.testing.Gens;
import org.linkway.validation.internal.vocab.CodeList;
import org.linkway.validation.internal.vocab.Vocabulary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every element coded from a shipped list (schemas/vocabulary): any code of the list passes with
 * no findings, and any other string of a length the element allows fails with exactly one
 * {@code LW-CODE-LIST} finding that names the element (PRSB path and pointer), the code and the list.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CodeListProperties {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private static final Path VALID = Path.of("../schemas/examples/valid");
    private static final String PD = "Person demographics / ";
    private static final String CONTACT = "Contacts with professionals / Contacts with professionals record entry / ";

    private final MessageValidator validator =
            MessageValidator.builder().clock(TODAY).build();

    /** A place a list's code goes: the element, a valid example holding it, where, and its maximum length. */
    record Place(String element, String example, String pointer, int maxLength) {
        @Override
        public String toString() {
            return element.substring(element.lastIndexOf(" / ") + 3) + " at " + pointer;
        }
    }

    static Stream<Place> places() {
        String full = "referral--full-gp-loneliness.json";
        String contact = "contact-record--first-call.json";
        return Stream.of(
                new Place(PD + "Gender", full, "/personDemographics/gender", 1),
                new Place(PD + "Sex", full, "/personDemographics/sex", 1),
                new Place(PD + "Ethnicity", full, "/personDemographics/ethnicity", 2),
                new Place(PD + "Marital status", full, "/personDemographics/maritalStatus", 1),
                new Place(PD + "NHS number status indicator", full, "/personDemographics/nhsNumberStatusIndicator", 2),
                new Place(PD + "Place of birth", full, "/personDemographics/placeOfBirth", 3),
                new Place(
                        PD + "Person's contact details / Preferred contact method",
                        full,
                        "/personDemographics/contactDetails/preferredContactMethod",
                        1),
                new Place(
                        PD
                                + "Person's contact details / Person's telephone number details / Person's telephone number type",
                        full,
                        "/personDemographics/contactDetails/telephoneNumbers/0/use",
                        6),
                new Place(
                        PD + "Person's contact details / Person's email address details / Person's email address type",
                        full,
                        "/personDemographics/contactDetails/emailAddresses/0/use",
                        6),
                new Place(CONTACT + "Location type", contact, "/contact/locationType", 3),
                new Place(CONTACT + "Consultation method", contact, "/contact/consultationMethod", 2),
                new Place(CONTACT + "Outcome of contact", contact, "/contact/outcomeOfContact", 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("places")
    void every_code_of_the_list_passes(Place place) throws IOException {
        CodeList list = listOf(place);
        ObjectNode message = example(place);
        qt().withFixedSeed(17_001L)
                .withExamples(200)
                .forAll(ReferralGens.code(list.id()))
                .checkAssert(code -> {
                    ValidationResult result = validator.validate(with(message, place.pointer(), code));
                    assertThat(result.findings()).as(code + ": " + result).isEmpty();
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("places")
    void any_other_string_fails_naming_element_code_and_list(Place place) throws IOException {
        CodeList list = listOf(place);
        ObjectNode message = example(place);
        String alphabet = Gens.range('0', '9') + Gens.range('A', 'Z') + Gens.range('a', 'z') + " -";
        qt().withFixedSeed(17_002L)
                .withExamples(200)
                .forAll(Gens.text(alphabet, 1, place.maxLength()))
                // a code of spaces only is empty text, reported once as LW-BLANK-TEXT (TextAndContactProperties)
                .assuming(code -> !list.contains(code) && !code.isBlank())
                .checkAssert(code -> {
                    ValidationResult result = validator.validate(with(message, place.pointer(), code));
                    assertThat(result.findings()).as(result.toString()).hasSize(1);
                    Finding f = result.findings().get(0);
                    assertThat(f.ruleId()).isEqualTo(Rule.CODE_NOT_IN_LIST.id());
                    assertThat(f.isError()).isTrue();
                    assertThat(f.pointer()).isEqualTo(place.pointer());
                    assertThat(f.prsbPath()).isEqualTo(place.element());
                    assertThat(f.message())
                            .contains("'" + code + "'")
                            .contains(list.id())
                            .contains(list.title())
                            .contains(place.element().substring(place.element().lastIndexOf(" / ") + 3));
                });
    }

    private static CodeList listOf(Place place) {
        CodeList list = Vocabulary.standard().binding(place.element()).list();
        assertThat(list).as("a shipped list for %s", place.element()).isNotNull();
        return list;
    }

    private static ObjectNode example(Place place) throws IOException {
        ObjectNode message =
                (ObjectNode) LinkwayJson.mapper().readTree(Files.readString(VALID.resolve(place.example())));
        String parent = place.pointer().substring(0, place.pointer().lastIndexOf('/'));
        assertThat(message.at(parent).isObject())
                .as("%s has %s", place.example(), parent)
                .isTrue();
        return message;
    }

    private static String with(ObjectNode message, String pointer, String value) {
        ObjectNode copy = message.deepCopy();
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, cut));
        ((ObjectNode) parent).put(pointer.substring(cut + 1), value);
        return copy.toString();
    }
}
