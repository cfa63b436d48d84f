package org.linkway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linkway.fhir.internal.UkCoreDefinitions;
import org.linkway.validation.Finding;

/** UK Core 2.0.1 is loaded into HAPI's validator, with snapshots, and a claimed UK Core profile is really checked. */
class UkCoreValidationTest {

    static final String UKCORE = "https://fhir.hl7.org.uk/StructureDefinition/";

    static FhirProfileValidator hapi;

    @BeforeAll
    static void validator() {
        hapi = FhirProfileValidator.create();
    }

    @Test
    void every_vendored_structure_definition_has_a_snapshot() {
        List<IBaseResource> all =
                UkCoreDefinitions.get(FhirBinding.fhirContext()).resources();
        List<StructureDefinition> sds = all.stream()
                .filter(StructureDefinition.class::isInstance)
                .map(StructureDefinition.class::cast)
                .toList();
        assertThat(sds).hasSize(78);
        assertThat(sds)
                .allSatisfy(sd -> assertThat(sd.getSnapshot().getElement())
                        .as(sd.getUrl())
                        .isNotEmpty());
        assertThat(all).hasSize(78 + 49 + 70);
    }

    @Test
    void a_patient_claiming_uk_core_is_held_to_it_and_the_finding_names_the_profile() {
        Patient p = new Patient();
        p.getMeta().addProfile(UKCORE + "UKCore-Patient");
        // UK Core's ethnic category extension takes a CodeableConcept; a string breaks it
        p.addExtension(new Extension(UKCORE + "Extension-UKCore-EthnicCategory", new StringType("A")));
        List<Finding> errors =
                hapi.validate(bundleOf(p)).stream().filter(Finding::isError).toList();
        assertThat(errors).isNotEmpty();
        assertThat(errors).anySatisfy(f -> {
            assertThat(f.message()).startsWith("[profile " + UKCORE + "UKCore-Patient] ");
            assertThat(f.pointer()).startsWith("Bundle.entry[0].resource");
        });
    }

    @Test
    void without_uk_core_the_same_patient_is_not_checked_against_it() {
        Patient p = new Patient();
        p.addExtension(new Extension(UKCORE + "Extension-UKCore-EthnicCategory", new StringType("A")));
        assertThat(FhirProfileValidator.withoutUkCore().checksUkCore()).isFalse();
        assertThat(hapi.checksUkCore()).isTrue();
        // with UK Core loaded, the extension's definition is known even when no profile is claimed
        assertThat(hapi.validate(bundleOf(p)).stream().filter(Finding::isError)).isNotEmpty();
    }

    private static Bundle bundleOf(Resource r) {
        Bundle b = new Bundle();
        b.setType(Bundle.BundleType.COLLECTION);
        b.addEntry().setFullUrl("urn:uuid:2f7c5d1e-8a55-4e8e-9d1b-000000000001").setResource(r);
        return b;
    }
}
