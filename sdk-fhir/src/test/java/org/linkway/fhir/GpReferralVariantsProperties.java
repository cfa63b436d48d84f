package org.linkway.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.model.Referral;
import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.Severity;
import org.quicktheories.core.Gen;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The GP system's referral written every legal way: literal references relative, absolute or
 * urn:uuid; the service referred to by literal or logical (ODS identifier) reference; the
 * referrer's practitioner by display, as a resource with a structured name or with a text name;
 * the entries in any order; priority and category present or not. Every variant reads to the
 * same Linkway referral, and an element added anywhere is either carried into it or named by a
 * finding: nothing is dropped silently.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class GpReferralVariantsProperties {

    record Variant(
            int refStyle,
            boolean logicalPerformer,
            int practitioner,
            long order,
            boolean optional,
            int extra,
            String text) {}

    private static final Referral BASELINE = FhirExamples.BINDING
            .fromFhir(GpSystemReferralTest.resource(GpSystemReferralTest.GP_BUNDLE), Referral.class)
            .message()
            .orElseThrow();

    static Gen<Variant> variants() {
        return integers()
                .between(0, 2)
                .zip(booleans().all(), integers().between(0, 2), integers().all(), (a, b, c, d) ->
                        new Object[] {a, b, c, (long) d})
                .zip(
                        booleans().all(),
                        integers().between(0, EXTRAS.length - 1),
                        strings().basicLatinAlphabet().ofLengthBetween(0, 6),
                        (o, opt, extra, t) -> new Variant(
                                (Integer) o[0],
                                (Boolean) o[1],
                                (Integer) o[2],
                                (Long) o[3],
                                opt,
                                extra,
                                "Zq" + t.replaceAll("[^A-Za-z0-9]", "") + "xv"));
    }

    @Test
    void every_variant_reads_to_the_same_referral_and_drops_nothing_silently() {
        qt().withFixedSeed(2_222L).withExamples(80).forAll(variants()).checkAssert(v -> {
            ObjectNode bundle = build(v);
            String marker = addExtra(bundle, v);
            FhirReadResult<Referral> r =
                    FhirExamples.BINDING.fromFhir(LinkwayJson.mapper().writeValueAsString(bundle), Referral.class);
            assertThat(r.findings()).as(r.toString()).allMatch(f -> f.severity() == Severity.INFORMATION);
            Referral read = r.message().orElseThrow();
            String asJson = LinkwayJson.mapper().writeValueAsString(read);
            boolean carried = asJson.contains(marker);
            boolean named = r.findings().stream().anyMatch(f -> f.message().contains(marker));
            assertThat(carried || named)
                    .as("the added value %s is neither carried nor reported: %s", marker, r)
                    .isTrue();
            if (!carried) {
                // apart from the added element, the same referral
                assertThat(read).isEqualTo(BASELINE);
            }
        });
    }

    /** Elements a GP system may add that the baseline has not: each must be carried or reported. */
    private static final String[][] EXTRAS = {
        {"ServiceRequest", "patientInstruction"},
        {"Patient", "address.district"},
        {"Flag", "author.display"},
        {"Condition", "note.text"},
        {"Consent", "organization.display"},
        {"Organization", "alias"},
        {"Observation", "note.text"},
        {"ServiceRequest", "orderDetail.text"},
    };

    private static String addExtra(ObjectNode bundle, Variant v) {
        String[] x = EXTRAS[v.extra()];
        ObjectNode res = GpSystemReferralTest.entry(bundle, x[0]);
        String marker = v.text();
        switch (x[1]) {
            case "patientInstruction" -> res.put("patientInstruction", marker);
            case "address.district" -> ((ObjectNode) res.get("address").get(0)).put("district", marker);
            case "author.display" -> res.putObject("author").put("display", marker);
            case "note.text" -> res.putArray("note").addObject().put("text", marker);
            case "organization.display" ->
                res.putArray("organization").addObject().put("display", marker);
            case "alias" -> res.putArray("alias").add(marker);
            case "orderDetail.text" -> res.putArray("orderDetail").addObject().put("text", marker);
            default -> throw new IllegalStateException(x[1]);
        }
        return marker;
    }

    static ObjectNode build(Variant v) {
        ObjectNode b = (ObjectNode)
                LinkwayJson.mapper().readTree(GpSystemReferralTest.resource(GpSystemReferralTest.GP_BUNDLE));
        ArrayNode entries = (ArrayNode) b.get("entry");
        if (!v.optional()) {
            ObjectNode sr = GpSystemReferralTest.entry(b, "ServiceRequest");
            sr.remove("priority");
            sr.remove("category");
        }
        if (v.practitioner() > 0) {
            ObjectNode e = entries.addObject();
            e.put("fullUrl", "https://gp.example.org/fhir/Practitioner/prac-1");
            ObjectNode p =
                    e.putObject("resource").put("resourceType", "Practitioner").put("id", "prac-1");
            ObjectNode name = p.putArray("name").addObject();
            if (v.practitioner() == 1) {
                name.put("family", "Natarajan").putArray("given").add("Priya");
                name.putArray("prefix").add("Dr");
            } else {
                name.put("text", "Dr Priya Natarajan");
            }
            GpSystemReferralTest.entry(b, "PractitionerRole")
                    .putObject("practitioner")
                    .put("reference", "Practitioner/prac-1");
        }
        if (v.logicalPerformer()) {
            ObjectNode sr = GpSystemReferralTest.entry(b, "ServiceRequest");
            ObjectNode perf = ((ArrayNode) sr.get("performer")).objectNode();
            perf.put("type", "Organization").put("display", "Eastmere Social Prescribing Service");
            perf.putObject("identifier")
                    .put("system", "https://fhir.nhs.uk/Id/ods-organization-code")
                    .put("value", "8EC41");
            sr.putArray("performer").add(perf);
            for (int i = 0; i < entries.size(); i++) {
                if ("org-sps".equals(entries.get(i).get("resource").path("id").asString(""))) {
                    entries.remove(i);
                    break;
                }
            }
        }
        restyle(b, v.refStyle());
        List<JsonNode> list = new ArrayList<>();
        entries.forEach(list::add);
        Collections.shuffle(list, new Random(v.order()));
        entries.removeAll();
        list.forEach(entries::add);
        return b;
    }

    /** 0: relative references (as written); 1: absolute URLs; 2: urn:uuid full URLs and references. */
    private static void restyle(ObjectNode b, int style) {
        if (style == 0) {
            return;
        }
        String text = LinkwayJson.mapper().writeValueAsString(b);
        for (JsonNode e : b.get("entry")) {
            String type = e.get("resource").get("resourceType").stringValue();
            String id = e.get("resource").get("id").stringValue();
            String relative = "\"reference\":\"" + type + "/" + id + "\"";
            String target = style == 1
                    ? "https://gp.example.org/fhir/" + type + "/" + id
                    : "urn:uuid:" + java.util.UUID.nameUUIDFromBytes((type + "/" + id).getBytes());
            text = text.replace(relative, "\"reference\":\"" + target + "\"");
            if (style == 2) {
                text = text.replace(
                        "\"fullUrl\":\"https://gp.example.org/fhir/" + type + "/" + id + "\"",
                        "\"fullUrl\":\"" + target + "\"");
            }
        }
        ObjectNode restyled = (ObjectNode) LinkwayJson.mapper().readTree(text);
        if (style == 2) {
            restyled.get("entry").forEach(e -> ((ObjectNode) e.get("resource")).remove("id"));
        }
        b.removeAll();
        b.setAll(restyled);
    }
}
