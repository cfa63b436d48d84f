package org.linkway.fhir.internal;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.linkway.validation.Rule;
import org.linkway.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/** Linkway coded values (Coding, CodedText) to FHIR CodeableConcept and back. */
final class Codes {

    /** Code systems this binding writes or expects; anything else is kept and reported. */
    private static final List<String> KNOWN_PREFIXES = List.of(
            Urls.SNOMED,
            "http://terminology.hl7.org/",
            "http://hl7.org/fhir/",
            Urls.BASE + "/",
            "https://fhir.hl7.org.uk/",
            "https://fhir.nhs.uk/",
            "http://loinc.org",
            "http://unitsofmeasure.org");

    private Codes() {}

    static Coding coding(LinkwayJsonSource c) {
        if (c == null) {
            return null;
        }
        Coding out = new Coding();
        // a system that is not a URI, or a code FHIR cannot hold, stays in the remainder
        String system = c.peek("system");
        if (system != null && system.matches("\\S+")) {
            out.setSystem(c.str("system"));
        }
        String code = c.peek("code");
        if (code != null && code.matches("[^\\s]+( [^\\s]+)*")) {
            out.setCode(c.str("code"));
        }
        out.setDisplay(c.str("display"));
        return out;
    }

    /** A CodedText / CodedNarrative: {coding?, text?}. */
    static CodeableConcept concept(LinkwayJsonSource ct) {
        if (ct == null) {
            return null;
        }
        CodeableConcept cc = new CodeableConcept();
        LinkwayJsonSource c = ct.child("coding");
        if (c != null) {
            cc.addCoding(coding(c));
        }
        cc.setText(ct.str("text"));
        return cc;
    }

    static CodeableConcept marker(String system, String code, String display) {
        return new CodeableConcept().addCoding(new Coding(system, code, display));
    }

    static boolean is(CodeableConcept cc, String system, String code) {
        if (cc == null) {
            return false;
        }
        for (Coding c : cc.getCoding()) {
            if (system.equals(c.getSystem()) && code.equals(c.getCode())) {
                return true;
            }
        }
        return false;
    }

    static ObjectNode coding(Coding c, FhirBundleReader in, String path) {
        ObjectNode o = LinkwayJsonBuilder.obj();
        LinkwayJsonBuilder.put(o, "system", c.getSystem());
        LinkwayJsonBuilder.put(o, "code", c.getCode());
        LinkwayJsonBuilder.put(o, "display", c.getDisplay());
        if (c.hasSystem() && KNOWN_PREFIXES.stream().noneMatch(c.getSystem()::startsWith)) {
            in.add(
                    Rule.FHIR_CODE_SYSTEM,
                    Severity.WARNING,
                    path + ".system",
                    "The code system '" + c.getSystem() + "' is not one the binding knows; the code is kept as given.");
        }
        return o;
    }

    /** Back to a CodedText: the first coding and the text; further codings are reported. */
    static ObjectNode codedText(CodeableConcept cc, FhirBundleReader in, String path) {
        ObjectNode o = LinkwayJsonBuilder.obj();
        if (cc == null) {
            return o;
        }
        if (cc.hasCoding()) {
            o.set("coding", coding(cc.getCodingFirstRep(), in, path + ".coding[0]"));
            for (int i = 1; i < cc.getCoding().size(); i++) {
                in.unmapped(
                        path + ".coding[" + i + "]",
                        "A Linkway coded value holds one coding; this further coding was not carried over.");
            }
        }
        LinkwayJsonBuilder.put(o, "text", cc.getText());
        return o;
    }
}
