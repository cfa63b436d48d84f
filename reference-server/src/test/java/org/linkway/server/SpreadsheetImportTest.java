package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/imports} over real HTTP on SQLite, as a link worker service moving off its
 * spreadsheet would use it: the whole sheet in, a dry run first, a bad row stopping everything,
 * the same file twice creating nothing the second time, and its referrals readable afterwards.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SpreadsheetImportTest {

    @RegisterExtension
    static final LinkwayTestServer server = LinkwayTestServer.sqlite();

    private static final String SERVICE = "8EC41";

    private static SheetClient linkWorker() {
        return new SheetClient(server.port(), server.token(Role.LINK_WORKER, SERVICE));
    }

    private static ApiClient linkWorkerApi() {
        return new ApiClient(server.port(), server.token(Role.LINK_WORKER, SERVICE));
    }

    /** The referrals the service holds whose referrer's id starts with the prefix, read back through the API. */
    private static List<JsonNode> referralsWithPrefix(String prefix) {
        List<JsonNode> out = new ArrayList<>();
        String cursor = null;
        do {
            ApiClient.Answer page =
                    linkWorkerApi().get("/v1/referrals?limit=500" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            for (JsonNode r : page.json().path("items")) {
                if (r.path("referrerReferralId").asString("").startsWith(prefix + "-")) {
                    out.add(r);
                }
            }
            cursor = page.json().path("nextCursor").asString(null);
        } while (cursor != null);
        return out;
    }

    @Test
    void a_schemes_xlsx_sheet_becomes_its_referrals_addressed_to_the_importing_service() {
        List<List<Object>> rows = SchemeSheets.rows("XL", 8);
        SheetClient.Answer a = linkWorker()
                .post(
                        "/v1/imports?mapping=norfolk-waveney",
                        SheetClient.XLSX,
                        SchemeSheets.xlsx(SchemeSheets.HEADINGS, rows));

        assertThat(a.status()).as(a.text()).isEqualTo(201);
        JsonNode body = a.json();
        assertThat(body.path("created").asInt()).isEqualTo(8);
        assertThat(body.path("rows").asInt()).isEqualTo(8);
        assertThat(body.path("valid").asBoolean()).isTrue();
        // the column the mapping does not know is named, not silently dropped
        assertThat(body.path("findings")).anySatisfy(f -> {
            assertThat(f.path("column").asString()).isEqualTo("Ward");
            assertThat(f.path("severity").asString()).isEqualTo("warning");
            assertThat(f.path("cell").asString()).isEqualTo("T1");
        });

        List<JsonNode> stored = referralsWithPrefix("XL");
        assertThat(stored).hasSize(8);
        JsonNode third = stored.stream()
                .filter(r -> r.path("referrerReferralId").asString().equals("XL-3"))
                .findFirst()
                .orElseThrow();
        List<Object> row = rows.get(2);
        assertThat(third.at("/personDemographics/nhsNumber").asString())
                .isEqualTo(row.get(1).toString());
        assertThat(third.at("/personDemographics/dateOfBirth").asString())
                .isEqualTo(row.get(4).toString());
        assertThat(third.at("/personDemographics/gender").asString()).isEqualTo("2");
        assertThat(third.at("/referralDetails/entries/0/date").asString())
                .isEqualTo(row.get(9).toString());
        assertThat(third.at("/referralDetails/entries/0/referralMethod").asString())
                .isEqualTo("phone");
        assertThat(third.at("/referralDetails/entries/0/referralTo/organisation/code")
                        .asString())
                .isEqualTo(SERVICE);
        assertThat(third.at("/gpPractice/entries/0/gpPracticeIdentifier").asString())
                .isEqualTo("D82063");
        assertThat(third.path("status").asString()).isEqualTo("received");
        // each item names the referral it made, and that is the one stored
        Set<String> ids = new HashSet<>();
        body.path("items").forEach(i -> ids.add(i.path("referralId").asString()));
        assertThat(ids)
                .containsExactlyInAnyOrderElementsOf(
                        stored.stream().map(r -> r.path("id").asString()).toList());
    }

    @Test
    void a_dry_run_says_what_would_be_created_and_stores_nothing() {
        byte[] csv = SchemeSheets.csv(SchemeSheets.HEADINGS, SchemeSheets.rows("DRY", 5));
        SheetClient.Answer a = linkWorker().post("/v1/imports?dryRun=true", "text/csv", csv);

        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.json().path("dryRun").asBoolean()).isTrue();
        assertThat(a.json().path("wouldCreate").asInt()).isEqualTo(5);
        assertThat(a.json().path("items")).hasSize(5).allSatisfy(i -> {
            assertThat(i.path("outcome").asString()).isEqualTo("would-create");
            assertThat(i.has("referralId")).isFalse();
        });
        assertThat(referralsWithPrefix("DRY")).isEmpty();

        // and the real import afterwards creates exactly those
        assertThat(linkWorker().post("/v1/imports", "text/csv", csv).status()).isEqualTo(201);
        assertThat(referralsWithPrefix("DRY")).hasSize(5);
    }

    @Test
    void one_bad_row_stops_the_whole_import_and_names_its_row_and_column() {
        List<List<Object>> rows = SchemeSheets.rows("BAD", 6);
        rows.get(2).set(4, "31/02/1950"); // row 4: no such date
        rows.get(4).set(1, "9990001236"); // row 6: check digit wrong (5 is right)
        byte[] csv = SchemeSheets.csv(SchemeSheets.HEADINGS, rows);

        SheetClient.Answer a = linkWorker().post("/v1/imports", "text/csv", csv);

        assertThat(a.status()).as(a.text()).isEqualTo(422);
        JsonNode problem = a.json();
        assertThat(problem.path("type").asString()).isEqualTo("urn:linkway:problem:invalid-import");
        assertThat(problem.path("detail").asString()).contains("row 4, column 'Date of Birth' (E4)");
        List<String> pointers = new ArrayList<>();
        problem.path("findings")
                .forEach(f -> pointers.add(
                        f.path("pointer").asString() + " " + f.path("ruleId").asString()));
        assertThat(pointers)
                .contains("/rows/4/Date of Birth LW-IMPORT-DATE", "/rows/6/NHS Number LW-IMPORT-NHS-NUMBER");
        assertThat(referralsWithPrefix("BAD")).as("nothing half-imported").isEmpty();

        // the dry run of the same file lists the same errors, without a refusal
        SheetClient.Answer dry = linkWorker().post("/v1/imports?dryRun=true", "text/csv", csv);
        assertThat(dry.status()).isEqualTo(200);
        assertThat(dry.json().path("valid").asBoolean()).isFalse();
        assertThat(dry.json().path("wouldCreate").asInt()).isZero();
        assertThat(dry.json().path("findings")).anySatisfy(f -> {
            assertThat(f.path("row").asInt()).isEqualTo(6);
            assertThat(f.path("cell").asString()).isEqualTo("B6");
            assertThat(f.path("severity").asString()).isEqualTo("error");
        });
    }

    @Test
    void a_row_whose_referral_breaks_a_rule_of_the_standard_is_named_by_its_column() {
        List<List<Object>> rows = SchemeSheets.rows("RULE", 3);
        rows.get(1).set(7, "not-a-code"); // row 3: GP practice code breaks the ODS code rule
        SheetClient.Answer a =
                linkWorker().post("/v1/imports", "text/csv", SchemeSheets.csv(SchemeSheets.HEADINGS, rows));

        assertThat(a.status()).as(a.text()).isEqualTo(422);
        assertThat(a.json().path("findings")).anySatisfy(f -> {
            assertThat(f.path("pointer").asString()).isEqualTo("/rows/3/GP Practice Code");
            assertThat(f.path("ruleId").asString()).startsWith("LW-");
            assertThat(f.path("severity").asString()).isEqualTo("ERROR");
        });
        assertThat(referralsWithPrefix("RULE")).isEmpty();
    }

    @Test
    void importing_the_same_file_again_creates_nothing_new_and_a_new_row_alone_is_added() {
        List<List<Object>> rows = SchemeSheets.rows("TWICE", 4);
        byte[] first = SchemeSheets.xlsx(SchemeSheets.HEADINGS, rows);
        SheetClient.Answer a = linkWorker().post("/v1/imports", SheetClient.XLSX, first);
        assertThat(a.status()).as(a.text()).isEqualTo(201);

        SheetClient.Answer again = linkWorker().post("/v1/imports", SheetClient.XLSX, first);
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json().path("created").asInt()).isZero();
        assertThat(again.json().path("alreadyImported").asInt()).isEqualTo(4);
        assertThat(again.json().path("items").findValuesAsString("referralId"))
                .containsExactlyElementsOf(a.json().path("items").findValuesAsString("referralId"));
        assertThat(referralsWithPrefix("TWICE")).hasSize(4);

        // the sheet a week later, as CSV this time: one more row
        List<List<Object>> later = SchemeSheets.rows("TWICE", 5);
        SheetClient.Answer third =
                linkWorker().post("/v1/imports", "text/csv", SchemeSheets.csv(SchemeSheets.HEADINGS, later));
        assertThat(third.status()).as(third.text()).isEqualTo(201);
        assertThat(third.json().path("created").asInt()).isEqualTo(1);
        assertThat(referralsWithPrefix("TWICE")).hasSize(5);
    }

    @Test
    void a_mapping_file_uploaded_with_the_sheet_reads_the_schemes_own_headings() {
        String mapping = """
                {"name": "eastmere-sheet", "sourceKey": ["Ref"],
                 "columns": [
                   {"heading": "Ref", "to": "/referrerReferralId", "required": true},
                   {"heading": "Given", "to": "/personDemographics/name/firstNames/0", "required": true},
                   {"heading": "Family", "to": "/personDemographics/name/familyNames/0", "required": true},
                   {"heading": "DOB", "to": "/personDemographics/dateOfBirth", "type": "date", "required": true},
                   {"heading": "Practice", "to": "/gpPractice/entries/0/gpPracticeIdentifier", "required": true}
                 ],
                 "fixed": {
                   "/referralDetails/entries/0/referrerDetails/name": "Self",
                   "/referralDetails/entries/0/referrerDetails/service/text": "Self-referral",
                   "/referralDetails/entries/0/referrerDetails/organisation/text": "Self (member of the public)",
                   "/referralDetails/entries/0/referrerDetails/contactDetails": "Not given",
                   "/referralDetails/entries/0/referralTo/service/text": "Social prescribing link worker service",
                   "/risks/entries/0/risk/text": "None known",
                   "/consent/consentForInformationSharing": "Agreed on the scheme's paper form"
                 }}""";
        String csv = "Ref,Given,Family,DOB,Practice\r\nOWN-1,Edda,Sallowmere,03/04/1961,D82044\r\n"
                + "OWN-2,Bram,Pettigrove,1977-11-30,D82063\r\n";
        SheetClient.Answer a = linkWorker()
                .postForm(
                        "/v1/imports",
                        csv.getBytes(StandardCharsets.UTF_8),
                        "eastmere.csv",
                        mapping.getBytes(StandardCharsets.UTF_8));

        assertThat(a.status()).as(a.text()).isEqualTo(201);
        assertThat(a.json().path("mapping").asString()).isEqualTo("eastmere-sheet");
        List<JsonNode> stored = referralsWithPrefix("OWN");
        assertThat(stored)
                .extracting(r -> r.at("/personDemographics/dateOfBirth").asString())
                .containsExactlyInAnyOrder("1961-04-03", "1977-11-30");
    }

    @Test
    void only_a_link_worker_service_imports() {
        byte[] csv = SchemeSheets.csv(SchemeSheets.HEADINGS, SchemeSheets.rows("WHO", 1));
        for (Role role : List.of(Role.REFERRER, Role.PROVIDER, Role.COMMISSIONER, Role.ADMIN)) {
            SheetClient.Answer a =
                    new SheetClient(server.port(), server.token(role)).post("/v1/imports", "text/csv", csv);
            assertThat(a.status()).as(role + ": " + a.text()).isEqualTo(403);
        }
        assertThat(referralsWithPrefix("WHO")).isEmpty();
    }
}
