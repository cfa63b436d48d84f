package org.linkway.schemas.prsb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;

/**
 * The coverage report's section on vocabulary: for every coded PRSB element, the list or code
 * system it takes and what the validator checks, from {@code vocabulary/bindings.json} (read
 * from the classpath, so the report and the kit's coverage command see the same file).
 */
final class VocabularyCoverage {

    static final String ROOT = "/org/linkway/schemas/vocabulary/";

    private VocabularyCoverage() {}

    static void render(StringBuilder md) {
        JsonNode bindings = read("bindings");
        md.append("## Code lists and code systems\n\n")
                .append("What the validator checks for each coded element, from `vocabulary/bindings.json`; the lists ")
                .append("themselves are the other files in `vocabulary/`, each with its source, version and how it ")
                .append(
                        "was made (see `vocabulary/README.md`). *Enforced*: a code outside the shipped list is an error ")
                .append(
                        "(`LW-CODE-LIST`). *Format checked; membership needs a terminology server*: Linkway cannot ship ")
                .append(
                        "the list (a SNOMED CT reference set or hierarchy, SDS job roles, or an NHS Data Dictionary list ")
                .append(
                        "the project holds no maintained copy of), so the validator checks the code's form and asks the ")
                .append(
                        "`TerminologyService` given to `MessageValidator.Builder.terminology`, if any: its answer becomes ")
                .append("the finding (`LW-CODE-LIST`, or `LW-CODE-UNCHECKED` as information when it cannot say). ")
                .append("Every coding must name the element's system exactly (`LW-CODE-SYSTEM`, naming a near miss ")
                .append("such as a trailing slash); SNOMED CT concept ids are checked whatever the system says ")
                .append("(`LW-SNOMED-ID`); units are checked with the UCUM library (`LW-UCUM`).\n\n");
        md.append("| Element | PRSB names | System | Checked |\n|---|---|---|---|\n");
        StringBuilder allowed = new StringBuilder();
        for (JsonNode b : bindings.path("bindings")) {
            String element = b.path("element").asString();
            String list = b.path("list").asString("");
            md.append("| ")
                    .append(CoverageReport.code(element))
                    .append(" | ")
                    .append(names(b, list))
                    .append(" | ")
                    .append(b.has("system") ? "`" + b.get("system").asString() + "`" : "(a bare code)")
                    .append(" | ")
                    .append(checked(b, list))
                    .append(" |\n");
            for (JsonNode also : b.path("alsoAllowedSystems")) {
                allowed.append("- ")
                        .append(CoverageReport.code(element))
                        .append(" also takes `")
                        .append(also.path("system").asString())
                        .append("`: ")
                        .append(also.path("reason").asString())
                        .append('\n');
            }
        }
        md.append('\n');
        if (allowed.length() > 0) {
            md.append("### Other code systems accepted on purpose\n\n")
                    .append(allowed)
                    .append('\n');
        }
    }

    private static String names(JsonNode b, String list) {
        String prsb = b.path("prsb").asString("");
        return (prsb.isEmpty() ? read(list).path("title").asString() : prsb).replace("|", "\\|");
    }

    private static String checked(JsonNode b, String list) {
        switch (b.path("membership").asString()) {
            case "shipped":
                return "enforced: `vocabulary/" + list + ".json`";
            case "terminology-server":
                return "format checked"
                        + (b.has("format") ? " (`" + b.get("format").asString() + "`)" : "")
                        + "; membership needs a terminology server (`"
                        + b.path("valueSet").asString().replace("|", "\\|")
                        + "`)";
            case "ucum":
                return "enforced: a UCUM unit";
            default:
                return "any concept of the system (format checked)";
        }
    }

    private static JsonNode read(String id) {
        String file = ROOT + id + ".json";
        try (InputStream in = VocabularyCoverage.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing from the classpath");
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
