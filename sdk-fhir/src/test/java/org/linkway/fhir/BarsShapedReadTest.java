package org.linkway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.model.MessageType;
import org.linkway.model.PrsbMessage;
import org.linkway.model.Referral;
import org.linkway.validation.Finding;
import org.linkway.validation.Rule;

/**
 * A BaRS-shaped message (MessageHeader focus on the social prescribing ServiceRequest, with a
 * CarePlan and an Encounter beside it, as a hospital system sends it) read by the SDK alone, as a
 * vendor's tool or the kit's validate would: it is the referral, not the CarePlan riding along.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BarsShapedReadTest {

    private static final Path MESSAGE = Path.of("../docs/examples/fhir/bars-new-referral.json");

    @Test
    void the_message_focus_decides_what_the_bundle_holds() throws IOException {
        String json = Files.readString(MESSAGE, StandardCharsets.UTF_8);

        FhirReadResult<PrsbMessage> read = FhirExamples.BINDING.fromFhir(json);

        assertThat(read.messageType()).contains(MessageType.REFERRAL);
        assertThat(read.message()).get().isInstanceOf(Referral.class);
        Referral referral = (Referral) read.message().orElseThrow();
        assertThat(referral.getPersonDemographics().getNhsNumber()).isNotBlank();
        // what the referral does not hold is reported by path, not dropped
        assertThat(read.findings())
                .filteredOn(f -> f.ruleId().equals(Rule.FHIR_NOT_CARRIED.id())
                        || f.ruleId().startsWith("LW-FHIR"))
                .extracting(Finding::pointer)
                .anyMatch(p -> p.startsWith("Bundle.entry[11]"));
    }
}
