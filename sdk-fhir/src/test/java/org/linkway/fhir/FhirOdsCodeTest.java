package org.linkway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.model.Referral;

/**
 * A GP practice's six-character ODS code survives the FHIR binding both ways, as the NHS
 * identifier system, next to the practice's name: nothing in the binding cuts it to PRSB's five.
 */
@Timeout(60)
class FhirOdsCodeTest {

    private static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";
    private static final Path FULL = Path.of("../schemas/examples/valid/referral--full-gp-loneliness.json");

    @Test
    void theReferringPracticeIsWrittenAndReadByItsSixCharacterOdsCode() {
        Referral referral = (Referral) FhirExamples.message(FULL);
        assertThat(referral.getReferralDetails()
                        .getEntries()
                        .get(0)
                        .getReferrerDetails()
                        .getOrganisation()
                        .getCode())
                .isEqualTo("Y03146");

        for (BundleForm form : BundleForm.values()) {
            Bundle bundle = FhirExamples.BINDING.toFhir(referral, form);
            List<Organization> practices = bundle.getEntry().stream()
                    .map(Bundle.BundleEntryComponent::getResource)
                    .filter(Organization.class::isInstance)
                    .map(Organization.class::cast)
                    .filter(o -> o.getIdentifier().stream()
                            .anyMatch(i -> ODS.equals(i.getSystem()) && "Y03146".equals(i.getValue())))
                    .toList();
            assertThat(practices).as(form.name()).isNotEmpty();
            assertThat(practices).extracting(Organization::getName).contains("Larkmead Medical Practice");
            assertThat(practices.stream()
                            .flatMap(o -> o.getIdentifier().stream())
                            .map(Identifier::getValue))
                    .doesNotContain("Y0314");

            FhirReadResult<Referral> back = FhirExamples.BINDING.fromFhir(bundle, Referral.class);
            assertThat(back.findings()).as(form + ": " + back).isEmpty();
            assertThat(back.message())
                    .hasValueSatisfying(r -> assertThat(r.getReferralDetails()
                                    .getEntries()
                                    .get(0)
                                    .getReferrerDetails()
                                    .getOrganisation()
                                    .getCode())
                            .isEqualTo("Y03146"));
        }
    }
}
