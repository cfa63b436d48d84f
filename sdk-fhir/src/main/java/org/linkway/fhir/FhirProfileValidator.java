package org.linkway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.linkway.fhir.internal.Extensions;
import org.linkway.fhir.internal.ProfileLocator;
import org.linkway.fhir.internal.UkCoreDefinitions;
import org.linkway.validation.Finding;
import org.linkway.validation.Rule;
import org.linkway.validation.Severity;

/**
 * HAPI's own FHIR instance validator, set up with the R4 core definitions, UK Core 2.0.1 (HL7 UK's
 * profiles, extensions, code systems and value sets, with snapshots generated once per JVM),
 * in-memory terminology, the common code systems and Linkway's extensions and code systems
 * (schemas/fhir). A finding inside a resource that claims a profile names that profile first
 * ({@code [profile <url>] }), and its pointer is the FHIR path. Opt-in and
 * separate from conversion because it is heavy (seconds to build, milliseconds per Bundle); it
 * needs hapi-fhir-validation, hapi-fhir-validation-resources-r4 and hapi-fhir-caching-caffeine on
 * the class path. Build one and share it: it is thread-safe.
 */
public final class FhirProfileValidator {

    /** Linkway's conformance resources, as packaged from schemas/fhir. */
    public static final List<String> CONFORMANCE_RESOURCES;

    private static List<String> conformanceResources() {
        List<String> names = new ArrayList<>();
        names.add("StructureDefinition-linkway-data.json");
        Extensions.ALL.forEach(x -> names.add(x.fileName()));
        names.addAll(CODE_SYSTEMS);
        return List.copyOf(names);
    }

    private static final List<String> CODE_SYSTEMS = List.of(
            "CodeSystem-referral-status.json",
            "CodeSystem-onward-referral-status.json",
            "CodeSystem-record-kind.json",
            "CodeSystem-message-event.json",
            "CodeSystem-message-back-section.json",
            "CodeSystem-outcome-instrument.json",
            "CodeSystem-hospital-admission-method.json",
            "CodeSystem-hospital-discharge-location.json");

    static {
        CONFORMANCE_RESOURCES = conformanceResources();
    }

    private final FhirContext context;
    private final FhirValidator validator;

    private final boolean ukCore;

    private FhirProfileValidator(boolean ukCore) {
        this.ukCore = ukCore;
        context = FhirBinding.fhirContext();
        PrePopulatedValidationSupport linkway = new PrePopulatedValidationSupport(context);
        for (String name : CONFORMANCE_RESOURCES) {
            IBaseResource r = load(name);
            if (r instanceof StructureDefinition sd) {
                linkway.addStructureDefinition(sd);
            } else if (r instanceof CodeSystem cs) {
                linkway.addCodeSystem(cs);
            }
        }
        if (ukCore) {
            UkCoreDefinitions.addTo(linkway, context);
        }
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                linkway,
                new SnapshotGeneratingValidationSupport(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context));
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        validator = context.newValidator().registerValidatorModule(module);
    }

    /**
     * Builds a validator that knows UK Core 2.0.1 (slow: load it once and share it). A resource
     * that claims a UK Core profile in {@code meta.profile} is validated against it; the UK Core
     * snapshots are generated once per JVM, on the first validator built.
     */
    public static FhirProfileValidator create() {
        return new FhirProfileValidator(true);
    }

    /**
     * Builds a validator with the R4 core and Linkway's definitions only: a claimed UK Core profile
     * is then reported as unknown rather than checked. For comparison and for callers that do not
     * want UK Core's load time.
     */
    public static FhirProfileValidator withoutUkCore() {
        return new FhirProfileValidator(false);
    }

    /** Whether this validator checks UK Core profiles. */
    public boolean checksUkCore() {
        return ukCore;
    }

    private IBaseResource load(String name) {
        String path = "/org/linkway/schemas/fhir/" + name;
        try (InputStream in = FhirProfileValidator.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + path + " (the linkway-schemas jar is on the class path?)");
            }
            return context.newJsonParser().parseResource(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
    }

    /** Validates a resource; each HAPI message becomes a finding (rule LW-FHIR-PROFILE, FHIR path as pointer). */
    public List<Finding> validate(IBaseResource resource) {
        return convert(validator.validateWithResult(resource).getMessages(), resource);
    }

    /** Validates FHIR JSON text. */
    public List<Finding> validate(String json) {
        try {
            return convert(validator.validateWithResult(json).getMessages(), parsed(json));
        } catch (RuntimeException e) {
            return List.of(new Finding(
                    Severity.ERROR, Rule.FHIR_MALFORMED.id(), "Bundle", "", String.valueOf(e.getMessage())));
        }
    }

    private IBaseResource parsed(String json) {
        try {
            return context.newJsonParser().parseResource(json);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static List<Finding> convert(List<SingleValidationMessage> messages, IBaseResource resource) {
        List<Finding> out = new ArrayList<>();
        for (SingleValidationMessage m : messages) {
            Severity s = m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL
                    ? Severity.ERROR
                    : m.getSeverity() == ResultSeverityEnum.WARNING ? Severity.WARNING : Severity.INFORMATION;
            out.add(new Finding(
                    s,
                    Rule.FHIR_PROFILE.id(),
                    m.getLocationString() == null ? "" : m.getLocationString(),
                    "",
                    ProfileLocator.prefix(resource, m.getLocationString()) + m.getMessage()));
        }
        return out;
    }
}
