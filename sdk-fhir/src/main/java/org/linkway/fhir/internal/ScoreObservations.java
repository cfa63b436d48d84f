package org.linkway.fhir.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.linkway.outcomes.Instrument;
import org.linkway.outcomes.InstrumentCatalogue;
import org.linkway.outcomes.InstrumentCode;

/**
 * Each assessment score as an Observation of its own, the shape a GP system files a score in:
 * the instrument coded (the code the outcome catalogue gives it: SNOMED CT or LOINC only where
 * verified, else Linkway's outcome-instrument code system), the score as valueInteger (or a
 * Quantity when it is not a whole number), the Patient as subject, derived from the PRSB
 * assessment Observation that carries the message's own words. They add nothing the message
 * does not say, so reading the document back skips them.
 */
final class ScoreObservations {

    static final String KIND = "assessment-score";
    static final String KIND_DISPLAY = "Assessment score";

    private ScoreObservations() {}

    /** The score Observations for one PRSB assessment Observation (none when it has no numeric score). */
    static List<Observation> write(FhirBundleWriter out, Observation assessment, Patient patient) {
        List<Observation> scores = new ArrayList<>();
        String name = assessment.getCode().getText();
        if (name == null && assessment.getCode().hasCoding()) {
            name = assessment.getCode().getCodingFirstRep().getDisplay();
        }
        Optional<Instrument> instrument = instrument(name, assessment.getCode());
        for (Observation.ObservationComponentComponent c : assessment.getComponent()) {
            if (!c.hasValueQuantity() || !c.getValueQuantity().hasValue()) {
                continue;
            }
            Observation o = out.add(new Observation());
            o.setStatus(Observation.ObservationStatus.FINAL);
            o.addCategory(Codes.marker(Urls.OBSERVATION_CATEGORY, "survey", "Survey"));
            o.addCategory(Codes.marker(Urls.CS_RECORD_KIND, KIND, KIND_DISPLAY));
            CodeableConcept code = new CodeableConcept();
            instrument.ifPresent(i ->
                    i.codes().forEach(ic -> code.addCoding(new Coding(ic.system(), ic.code(), ic.display()))));
            if (!code.hasCoding()) {
                // the message's own coding of the instrument, where it has one
                assessment.getCode().getCoding().stream()
                        .filter(k -> !Urls.CS_RECORD_KIND.equals(k.getSystem()))
                        .forEach(k -> code.addCoding(k.copy()));
            }
            if (!code.hasCoding()) {
                code.addCoding(new Coding(Urls.CS_RECORD_KIND, KIND, KIND_DISPLAY));
            }
            String label = c.getCode().getText();
            if (label == null
                    && c.getCode().hasCoding()
                    && !Urls.CS_RECORD_KIND.equals(
                            c.getCode().getCodingFirstRep().getSystem())) {
                label = c.getCode().getCodingFirstRep().getDisplay();
            }
            String instrumentName = instrument.map(Instrument::name).orElse(name);
            code.setText(Letter.join(": ", Arrays.asList(instrumentName, label)));
            if (!code.hasText()) {
                code.setText(KIND_DISPLAY);
            }
            o.setCode(code);
            o.setSubject(out.ref(patient));
            if (assessment.hasEffective()) {
                o.setEffective(assessment.getEffective().copy());
            }
            Quantity q = c.getValueQuantity();
            BigDecimal v = q.getValue();
            if (isWhole(v)) {
                o.setValue(new IntegerType(v.intValueExact()));
            } else {
                Quantity copy = new Quantity().setValue(v);
                copy.setUnit(q.getUnit());
                o.setValue(copy);
            }
            c.getInterpretation().forEach(i -> o.addInterpretation(i.copy()));
            o.addDerivedFrom(out.ref(assessment));
            scores.add(o);
        }
        return scores;
    }

    /** Whether a resource is one of these derived score Observations (read back: skipped). */
    static boolean is(Resource r) {
        if (r instanceof Observation o) {
            for (CodeableConcept c : o.getCategory()) {
                if (Codes.is(c, Urls.CS_RECORD_KIND, KIND)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The catalogue instrument a PRSB assessment name means: by a coding's code, else by its id or name as a word in the text. */
    static Optional<Instrument> instrument(String name, CodeableConcept code) {
        InstrumentCatalogue catalogue = InstrumentCatalogue.standard();
        for (Coding c : code.getCoding()) {
            for (Instrument i : catalogue.all()) {
                for (InstrumentCode ic : i.codes()) {
                    if (ic.system().equals(c.getSystem()) && ic.code().equals(c.getCode())) {
                        return Optional.of(i);
                    }
                }
            }
        }
        if (name == null) {
            return Optional.empty();
        }
        String text = name.toLowerCase(Locale.ROOT);
        Instrument best = null;
        int bestLength = 0;
        for (Instrument i : catalogue.all()) {
            for (String alias : List.of(
                    i.id(),
                    i.id().replace("-", ""),
                    i.id().replace("-", " "),
                    i.name().toLowerCase(Locale.ROOT))) {
                Pattern word = Pattern.compile("(?<![a-z0-9])" + Pattern.quote(alias) + "(?![a-z0-9])");
                if (alias.length() > bestLength && word.matcher(text).find()) {
                    best = i;
                    bestLength = alias.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean isWhole(BigDecimal v) {
        if (v == null) {
            return false;
        }
        try {
            v.intValueExact();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }
}
