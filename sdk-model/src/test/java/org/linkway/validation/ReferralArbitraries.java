package org.linkway.validation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.linkway.model.CodedText;
import org.linkway.model.Coding;
import org.linkway.model.ConsentSection;
import org.linkway.model.GpPractice;
import org.linkway.model.GpPracticeRecordEntry;
import org.linkway.model.OdsCodedText;
import org.linkway.model.PartialDateTime;
import org.linkway.model.PersonAddress;
import org.linkway.model.PersonDemographics;
import org.linkway.model.PersonName;
import org.linkway.model.ProblemList;
import org.linkway.model.ProblemListRecordEntry;
import org.linkway.model.Referral;
import org.linkway.model.ReferralDetails;
import org.linkway.model.ReferralDetailsRecordEntry;
import org.linkway.model.ReferralTo;
import org.linkway.model.ReferrerDetails;
import org.linkway.model.Risks;
import org.linkway.model.RisksRecordEntry;
import org.linkway.validation.checks.NhsNumber;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generates referrals that are valid by construction, built with the SDK's own builders. */
final class ReferralArbitraries {

    private ReferralArbitraries() { }

    /** Real SNOMED CT concepts used in social prescribing, so check digits and partitions are right. */
    private static final List<String[]> CONCEPTS = List.of(
            new String[] {"871731000000106", "Referral to social prescribing service"},
            new String[] {"281694009", "Finding of at risk"},
            new String[] {"224484003", "Patient themselves providing care"},
            new String[] {"160625004", "Date ceased smoking"});
    private static final List<String> POSTCODES = List.of("LS6 2AB", "M14 5TQ", "B33 8TH", "CR2 6XH", "EH12 9DQ", "GIR 0AA");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    static Arbitrary<String> text(int max) {
        return Arbitraries.strings().withCharRange('a', 'z').withChars(" '-éÅ").ofMinLength(1).ofMaxLength(max)
                .filter(s -> !s.isBlank());
    }

    static Arbitrary<PartialDateTime> pastDate() {
        Arbitrary<LocalDate> day = Arbitraries.longs().between(0, 30_000).map(TODAY::minusDays);
        Arbitrary<PartialDateTime> dateOnly = day.map(PartialDateTime::of);
        Arbitrary<PartialDateTime> withTime = Combinators.combine(day, Arbitraries.integers().between(0, 23),
                Arbitraries.integers().between(0, 59))
                .as((d, h, m) -> PartialDateTime.of(OffsetDateTime.of(d.minusDays(1).atTime(h, m), ZoneOffset.UTC)));
        return Arbitraries.oneOf(dateOnly, withTime);
    }

    static Arbitrary<CodedText> codedText() {
        Arbitrary<Coding> coding = Arbitraries.of(CONCEPTS).map(c -> Coding.builder()
                .withSystem("http://snomed.info/sct").withCode(c[0]).withDisplay(c[1]).build());
        return Combinators.combine(coding.injectNull(0.4), text(150).injectNull(0.3))
                .filter((c, t) -> c != null || t != null)
                .as((c, t) -> CodedText.builder().withCoding(c).withText(t).build());
    }

    static Arbitrary<String> nhsNumber() {
        return Arbitraries.strings().numeric().ofLength(6).map(s -> "999" + s)
                .filter(s -> { try { NhsNumber.withCheckDigit(s); return true; } catch (IllegalArgumentException e) { return false; } })
                .map(NhsNumber::withCheckDigit);
    }

    static Arbitrary<PersonDemographics> person() {
        Arbitrary<PersonName> name = Combinators.combine(text(35).list().ofMinSize(1).ofMaxSize(3), text(35).list().ofMinSize(1).ofMaxSize(2),
                text(70).injectNull(0.5))
                .as((first, family, preferred) -> PersonName.builder().withFirstNames(first).withFamilyNames(family)
                        .withPreferredName(preferred).build());
        Arbitrary<PersonAddress> address = Combinators.combine(text(35), Arbitraries.of(POSTCODES))
                .as((line, postcode) -> PersonAddress.builder().withAddressLine1(line).withPostcode(postcode).build());
        Arbitrary<LocalDate> dob = Arbitraries.longs().between(0, 36_000).map(TODAY::minusDays);
        return Combinators.combine(name, dob, nhsNumber().injectNull(0.2), address.injectNull(0.3))
                .as((n, d, nhs, a) -> PersonDemographics.builder().withName(n).withDateOfBirth(d).withNhsNumber(nhs)
                        .withAddress(a).build());
    }

    static Arbitrary<ReferralDetailsRecordEntry> referralEntry() {
        Arbitrary<ReferrerDetails> referrer = Combinators.combine(text(70), codedText(), text(70))
                .as((name, service, contact) -> ReferrerDetails.builder().withName(name).withService(service)
                        .withOrganisation(OdsCodedText.builder().withCode("Y1234").withText("Riverside Surgery").build())
                        .withContactDetails(contact).build());
        return Combinators.combine(pastDate(), referrer)
                .as((date, r) -> ReferralDetailsRecordEntry.builder().withDate(date).withReferrerDetails(r)
                        .withReferralTo(ReferralTo.builder().withService(CodedText.builder()
                                .withCoding(Coding.builder().withSystem("http://snomed.info/sct").withCode("871731000000106").build())
                                .build()).build())
                        .build());
    }

    static Arbitrary<RisksRecordEntry> risk() {
        return Combinators.combine(codedText(), pastDate().injectNull(0.5), text(150).injectNull(0.6))
                .as((risk, start, comment) -> RisksRecordEntry.builder().withRisk(risk).withStartDateOfRisk(start)
                        .withComment(comment).build());
    }

    static Arbitrary<ProblemListRecordEntry> problem() {
        return Combinators.combine(codedText(), Arbitraries.longs().between(1, 10_000), Arbitraries.longs().between(0, 5_000).injectNull(0.5))
                .as((p, onsetDaysAgo, lasted) -> ProblemListRecordEntry.builder().withProblem(p)
                        .withOnsetDate(PartialDateTime.of(TODAY.minusDays(onsetDaysAgo)))
                        .withEndDate(lasted == null ? null : PartialDateTime.of(TODAY.minusDays(onsetDaysAgo).plusDays(Math.min(lasted, onsetDaysAgo))))
                        .build());
    }

    static Arbitrary<Referral> referrals() {
        Arbitrary<String> practice = Combinators.combine(Arbitraries.chars().range('A', 'Z'), Arbitraries.strings().numeric().ofLength(5))
                .as((c, digits) -> c + digits);
        return Combinators.combine(person(), practice.list().ofMinSize(1).ofMaxSize(2), text(500),
                        referralEntry().list().ofMinSize(1).ofMaxSize(2), risk().list().ofMinSize(1).ofMaxSize(3),
                        problem().list().ofMaxSize(3).injectNull(0.5), Arbitraries.of(Referral.Status.class).injectNull(0.5))
                .as((person, practices, consent, entries, risks, problems, status) -> Referral.builder()
                        .withResourceType("Referral").withSchemaVersion("1.0.0").withPrsbVersion("1.1")
                        .withStatus(status)
                        .withPersonDemographics(person)
                        .withGpPractice(GpPractice.builder().withEntries(practices.stream()
                                .map(p -> GpPracticeRecordEntry.builder().withGpPracticeIdentifier(p).build()).toList()).build())
                        .withConsent(ConsentSection.builder().withConsentForInformationSharing(consent).build())
                        .withReferralDetails(ReferralDetails.builder().withEntries(entries).build())
                        .withRisks(Risks.builder().withEntries(risks).build())
                        .withProblemList(problems == null || problems.isEmpty() ? null : ProblemList.builder().withEntries(problems).build())
                        .build());
    }
}
