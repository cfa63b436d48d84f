package org.linkway.examples;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.linkway.model.CodedNarrative;
import org.linkway.model.CodedText;
import org.linkway.model.Coding;
import org.linkway.model.OdsCodedText;
import org.linkway.model.PartialDateTime;
import org.linkway.model.Party;

/** The few small values every example builds; kept here so each example reads as its journey. */
final class Records {

    static final String SNOMED = "http://snomed.info/sct";

    private Records() {}

    /** Now, to the second: what a practitioner's system stamps on a record it makes. */
    static PartialDateTime now() {
        return PartialDateTime.of(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    }

    static CodedText text(String text) {
        return CodedText.builder().withText(text).build();
    }

    static CodedText snomed(String code, String display, String text) {
        return CodedText.builder()
                .withCoding(Coding.builder()
                        .withSystem(SNOMED)
                        .withCode(code)
                        .withDisplay(display)
                        .build())
                .withText(text)
                .build();
    }

    static CodedNarrative narrative(String text) {
        return CodedNarrative.builder().withText(text).build();
    }

    static OdsCodedText organisation(String code, String name) {
        return OdsCodedText.builder().withCode(code).withText(name).build();
    }

    /** A person acting for an organisation; charities are named by their charity number. */
    static Party person(String name, String organisationName, String charityNumber) {
        return Party.builder()
                .withName(name)
                .withOrganisation(
                        OdsCodedText.builder().withText(organisationName).build())
                .withCharityNumber(charityNumber)
                .build();
    }
}
