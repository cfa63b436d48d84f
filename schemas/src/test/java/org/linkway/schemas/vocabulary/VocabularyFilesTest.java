package org.linkway.schemas.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The code lists in schemas/vocabulary are data with a pedigree: each says where it came from,
 * when and how it was made, and the ones derived from another source still equal it (UK Core
 * CodeSystems, the JDK's ISO 3166 list, the schemas' own enums). The bindings name real PRSB
 * elements and real lists.
 */
class VocabularyFilesTest {

    static final Path DIR = Path.of("vocabulary");
    static final Path UK_CORE = DIR.resolve("sources/ukcore-2.0.1");
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    static Stream<Path> lists() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files
                    .filter(f -> f.toString().endsWith(".json"))
                    .filter(f -> !f.getFileName().toString().equals("bindings.json"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    private static JsonNode read(Path file) throws IOException {
        return MAPPER.readTree(Files.readString(file));
    }

    private static List<String> codes(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.path("codes").forEach(c -> out.add(c.path("code").asString()));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void every_list_states_its_source_version_and_how_it_was_made(Path file) throws IOException {
        JsonNode list = read(file);
        String id = file.getFileName().toString().replace(".json", "");
        assertThat(list.path("id").asString()).isEqualTo(id);
        assertThat(list.path("title").asString()).isNotBlank();
        assertThat(list.path("valueSet").asString()).startsWith("http");
        JsonNode source = list.path("source");
        for (String field : List.of("name", "version", "date", "licence", "produced")) {
            assertThat(source.path(field).asString())
                    .as("%s source.%s", id, field)
                    .isNotBlank();
        }
        assertThat(source.path("date").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        List<String> codes = codes(list);
        assertThat(codes)
                .as(id)
                .isNotEmpty()
                .doesNotHaveDuplicates()
                .allSatisfy(c -> assertThat(c).isNotBlank().isEqualTo(c.strip()));
        assertThat(list.path("elements"))
                .as(id + " names the PRSB elements it codes")
                .isNotEmpty();
    }

    @Test
    void a_transcribed_list_says_so_plainly() throws IOException {
        for (Path file : lists().toList()) {
            JsonNode source = read(file).path("source");
            if (source.path("name").asString().startsWith("NHS Data Dictionary")) {
                assertThat(source.path("produced").asString())
                        .as(file.toString())
                        .contains("Transcribed by the Linkway project on");
            }
        }
    }

    @Test
    void every_binding_names_a_prsb_element_and_an_existing_list() throws IOException {
        Set<String> elements = prsbElements();
        Set<String> listIds = lists().map(f -> f.getFileName().toString().replace(".json", ""))
                .collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        JsonNode bindings = read(DIR.resolve("bindings.json"));
        assertThat(bindings.path("source").path("produced").asString()).isNotBlank();
        for (JsonNode b : bindings.path("bindings")) {
            String element = b.path("element").asString();
            assertThat(elements).as("a PRSB element").contains(element);
            assertThat(seen.add(element)).as("one binding for %s", element).isTrue();
            String membership = b.path("membership").asString();
            assertThat(membership).isIn("shipped", "terminology-server", "any-concept", "ucum");
            if (membership.equals("shipped")) {
                assertThat(listIds).contains(b.path("list").asString());
            }
            if (membership.equals("terminology-server")) {
                assertThat(b.path("valueSet").asString()).as(element).startsWith("http");
            }
        }
    }

    @Test
    void every_list_element_is_bound_to_that_list() throws IOException {
        JsonNode bindings = read(DIR.resolve("bindings.json"));
        for (Path file : lists().toList()) {
            JsonNode list = read(file);
            if (list.path("kind").asString().equals("schema-enum")) {
                continue; // checked by the schema's enum, compared below
            }
            for (JsonNode element : list.path("elements")) {
                boolean bound = false;
                for (JsonNode b : bindings.path("bindings")) {
                    bound |= b.path("element").asString().equals(element.asString())
                            && b.path("list").asString().equals(list.path("id").asString());
                }
                assertThat(bound).as("%s is bound to %s", element, file).isTrue();
            }
        }
    }

    static Stream<String[]> ukCore() {
        return Stream.of(
                new String[] {"nhs-dd-ethnic-category", "EthnicCategoryEngland"},
                new String[] {"nhs-dd-person-marital-status", "PersonMaritalStatusEngland"},
                new String[] {"nhs-dd-preferred-contact-method", "PreferredContactMethod"},
                new String[] {"nhs-dd-nhs-number-status-indicator-code", "NHSNumberVerificationStatusEngland"},
                new String[] {"nhs-dd-outcome-of-attendance", "OutcomeOfAttendanceEngland"},
                new String[] {"nhs-dd-activity-location-type-code", "EncounterLocationTypeEngland"});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ukCore")
    void lists_taken_from_uk_core_equal_its_code_systems(String id, String codeSystem) throws Exception {
        Document cs;
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = Files.newInputStream(UK_CORE.resolve("CodeSystem-UKCore-" + codeSystem + ".xml"))) {
            cs = factory.newDocumentBuilder().parse(in);
        }
        List<String[]> concepts = new ArrayList<>();
        NodeList nodes = cs.getDocumentElement().getElementsByTagName("concept");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element concept = (Element) nodes.item(i);
            concepts.add(new String[] {value(concept, "code"), value(concept, "display")});
        }
        JsonNode list = read(DIR.resolve(id + ".json"));
        List<String[]> ours = new ArrayList<>();
        list.path("codes")
                .forEach(c -> ours.add(new String[] {
                    c.path("code").asString(), c.path("display").asString()
                }));
        assertThat(ours).as(id).containsExactlyElementsOf(concepts);
        assertThat(list.path("source").path("url").asString()).isEqualTo(value(cs.getDocumentElement(), "url"));
        assertThat(list.path("source").path("version").asString()).isEqualTo(value(cs.getDocumentElement(), "version"));
    }

    private static String value(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagName(child);
        return ((Element) nodes.item(0)).getAttribute("value");
    }

    @Test
    void country_codes_are_the_jdks_iso_3166_alpha_3_list() throws IOException {
        Set<String> jdk = new TreeSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
        assertThat(new TreeSet<>(codes(read(DIR.resolve("iso-3166-1-alpha-3.json")))))
                .as("regenerate iso-3166-1-alpha-3.json from this JDK and say which in its source")
                .isEqualTo(jdk);
    }

    @Test
    void lists_the_schemas_enforce_as_enums_equal_those_enums() throws IOException {
        JsonNode sections = MAPPER.readTree(Files.readString(Path.of("json/prsb-sections.schema.json")));
        assertThat(enumAt(sections, "/$defs/ReferralDetailsRecordEntry/properties/referralMethod/enum"))
                .isEqualTo(codes(read(DIR.resolve("prsb-referral-method.json"))));
        assertThat(enumAt(sections, "/$defs/ImmigrationStatus/properties/status/enum"))
                .isEqualTo(codes(read(DIR.resolve("prsb-immigration-status.json"))));
    }

    private static List<String> enumAt(JsonNode schema, String pointer) {
        List<String> out = new ArrayList<>();
        schema.at(pointer).forEach(v -> out.add(v.asString()));
        assertThat(out).as(pointer).isNotEmpty();
        return out;
    }

    private static Set<String> prsbElements() throws IOException {
        return Files.readAllLines(Path.of("prsb/elements.tsv")).stream()
                .skip(1)
                .map(line -> line.substring(0, line.indexOf('\t')))
                .collect(Collectors.toSet());
    }
}
