package org.linkway.validation;

import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.linkway.model.CodedText;
import org.linkway.model.Coding;
import org.linkway.model.ConsentSection;
import org.linkway.model.EmailAddress;
import org.linkway.model.GpPractice;
import org.linkway.model.GpPracticeRecordEntry;
import org.linkway.model.OdsCodedText;
import org.linkway.model.PartialDateTime;
import org.linkway.model.PersonAddress;
import org.linkway.model.PersonContactDetails;
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
import org.linkway.model.TelephoneNumber;
import org.linkway.testing.Gens;
import org.linkway.validation.checks.NhsNumber;
import org.linkway.validation.internal.vocab.CodeList;
import org.linkway.validation.internal.vocab.Vocabulary;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generates referrals that are valid by construction, built with the SDK's own builders. Shared by
 * the validator's properties and (through the test jar) the server's.
 */
public final class ReferralGens {

    private ReferralGens() {}

    /** Real SNOMED CT concepts used in social prescribing, so check digits and partitions are right. */
    private static final List<String[]> CONCEPTS = List.of(
            new String[] {"871731000000106", "Referral to social prescribing service"},
            new String[] {"281694009", "Finding of at risk"},
            new String[] {"224484003", "Patient themselves providing care"},
            new String[] {"160625004", "Date ceased smoking"});

    private static final List<String> POSTCODES =
            List.of("LS6 2AB", "M14 5TQ", "B33 8TH", "CR2 6XH", "EH12 9DQ", "GIR 0AA");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    /**
     * Names and free text: letters, spaces, apostrophes, hyphens and accented letters. Blank text
     * gets a letter in front rather than being drawn again (QuickTheories counts every redraw
     * against the property, and a referral draws dozens of these).
     */
    static Gen<String> text(int max) {
        return Gens.text(Gens.range('a', 'z') + " '-\u00e9\u00c5", 1, max)
                .map(s -> s.isBlank() ? "a" + s.substring(1) : s);
    }

    static Gen<PartialDateTime> pastDate() {
        Gen<LocalDate> day = longs().between(0, 30_000).map(TODAY::minusDays);
        Gen<PartialDateTime> dateOnly = day.map(PartialDateTime::of);
        Gen<PartialDateTime> withTime = day.zip(
                integers().between(0, 23),
                integers().between(0, 59),
                (d, h, m) -> PartialDateTime.of(OffsetDateTime.of(d.minusDays(1).atTime(h, m), ZoneOffset.UTC)));
        return Gens.oneOf(dateOnly, withTime);
    }

    /** A coding, a text or both: each is left out independently (40% and 30%), but never both. */
    static Gen<CodedText> codedText() {
        Gen<Coding> coding = Generate.pick(CONCEPTS)
                .map(c -> Coding.builder()
                        .withSystem("http://snomed.info/sct")
                        .withCode(c[0])
                        .withDisplay(c[1])
                        .build());
        return coding.zip(
                text(150), integers().between(0, 9), integers().between(0, 9), (c, t, codingDraw, textDraw) -> {
                    boolean withCoding = codingDraw >= 4;
                    boolean withText = textDraw >= 3;
                    if (!withCoding && !withText) {
                        withCoding = true; // an empty coded text is not valid: keep the coding
                    }
                    return CodedText.builder()
                            .withCoding(withCoding ? c : null)
                            .withText(withText ? t : null)
                            .build();
                });
    }

    /**
     * A code from one of the lists in schemas/vocabulary (e.g. {@code nhs-dd-ethnic-category}), read
     * from the file the validator enforces, so generated messages follow a list when it changes.
     */
    public static Gen<String> code(String listId) {
        CodeList list = Vocabulary.standard().list(listId);
        if (list == null) {
            throw new IllegalArgumentException("no code list " + listId + " in schemas/vocabulary");
        }
        return Generate.pick(list.codes());
    }

    /** The demographics coded from NHS Data Dictionary lists, each left out now and then. */
    private static Gen<String[]> demographicCodes() {
        return Gens.each(List.of(
                        Gens.orNull(code("nhs-dd-person-stated-gender-code"), 20),
                        Gens.orNull(code("nhs-dd-person-phenotypic-sex"), 40),
                        Gens.orNull(code("nhs-dd-ethnic-category"), 30),
                        Gens.orNull(code("nhs-dd-person-marital-status"), 50),
                        Gens.orNull(code("iso-3166-1-alpha-3"), 60),
                        Gens.orNull(code("nhs-dd-nhs-number-status-indicator-code"), 50)))
                .map(codes -> codes.toArray(new String[0]));
    }

    /** NHS numbers in the 999 range; a prefix with no possible check digit moves on to the next one. */
    static Gen<String> nhsNumber() {
        return integers().between(0, 999_999).map(n -> {
            for (int k = n; ; k = (k + 1) % 1_000_000) {
                try {
                    return NhsNumber.withCheckDigit("999" + String.format("%06d", k));
                } catch (IllegalArgumentException noCheckDigit) {
                    // about 1 in 11 prefixes: try the next
                }
            }
        });
    }

    static Gen<PersonDemographics> person() {
        Gen<PersonName> name = lists().of(text(35))
                .ofSizeBetween(1, 3)
                .zip(
                        lists().of(text(35)).ofSizeBetween(1, 2),
                        Gens.orNull(text(70), 50),
                        (first, family, preferred) -> PersonName.builder()
                                .withFirstNames(first)
                                .withFamilyNames(family)
                                .withPreferredName(preferred)
                                .build());
        Gen<PersonAddress> address = text(35).zip(
                        Generate.pick(POSTCODES),
                        (line, postcode) -> PersonAddress.builder()
                                .withAddressLine1(line)
                                .withPostcode(postcode)
                                .build());
        Gen<LocalDate> dob = longs().between(0, 36_000).map(TODAY::minusDays);
        Gen<PersonContactDetails> contact = lists().of(Gens.telephoneNumbers())
                .ofSizeBetween(0, 2)
                .zip(
                        lists().of(Gens.emailAddresses()).ofSizeBetween(0, 2),
                        (phones, emails) -> PersonContactDetails.builder()
                                .withTelephoneNumbers(
                                        phones.isEmpty()
                                                ? null
                                                : phones.stream()
                                                        .map(n -> TelephoneNumber.builder()
                                                                .withNumber(n)
                                                                .build())
                                                        .toList())
                                .withEmailAddresses(
                                        emails.isEmpty()
                                                ? null
                                                : emails.stream()
                                                        .map(e -> EmailAddress.builder()
                                                                .withAddress(e)
                                                                .build())
                                                        .toList())
                                .withOtherContactInformation(
                                        phones.isEmpty() && emails.isEmpty() ? "By letter only" : null)
                                .build());
        return name.zip(
                        dob,
                        Gens.orNull(nhsNumber(), 20),
                        Gens.orNull(address, 30),
                        demographicCodes(),
                        (n, d, nhs, a, codes) -> PersonDemographics.builder()
                                .withName(n)
                                .withDateOfBirth(d)
                                .withNhsNumber(nhs)
                                .withAddress(a)
                                .withGender(codes[0])
                                .withSex(codes[1])
                                .withEthnicity(codes[2])
                                .withMaritalStatus(codes[3])
                                .withPlaceOfBirth(codes[4])
                                .withNhsNumberStatusIndicator(codes[5])
                                .build())
                .zip(
                        Gens.orNull(contact, 50),
                        (p, c) -> p.toBuilder().withContactDetails(c).build());
    }

    static Gen<ReferralDetailsRecordEntry> referralEntry() {
        Gen<ReferrerDetails> referrer = text(70).zip(
                        codedText(),
                        text(70),
                        (name, service, contact) -> ReferrerDetails.builder()
                                .withName(name)
                                .withService(service)
                                .withOrganisation(OdsCodedText.builder()
                                        .withCode("Y1234")
                                        .withText("Riverside Surgery")
                                        .build())
                                .withContactDetails(contact)
                                .build());
        return pastDate()
                .zip(
                        referrer,
                        (date, r) -> ReferralDetailsRecordEntry.builder()
                                .withDate(date)
                                .withReferrerDetails(r)
                                .withReferralTo(ReferralTo.builder()
                                        .withService(CodedText.builder()
                                                .withCoding(Coding.builder()
                                                        .withSystem("http://snomed.info/sct")
                                                        .withCode("871731000000106")
                                                        .build())
                                                .build())
                                        .build())
                                .build());
    }

    static Gen<RisksRecordEntry> risk() {
        return codedText()
                .zip(
                        Gens.orNull(pastDate(), 50),
                        Gens.orNull(text(150), 60),
                        (risk, start, comment) -> RisksRecordEntry.builder()
                                .withRisk(risk)
                                .withStartDateOfRisk(start)
                                .withComment(comment)
                                .build());
    }

    static Gen<ProblemListRecordEntry> problem() {
        return codedText()
                .zip(
                        longs().between(1, 10_000),
                        Gens.orNull(longs().between(0, 5_000), 50),
                        (p, onsetDaysAgo, lasted) -> ProblemListRecordEntry.builder()
                                .withProblem(p)
                                .withOnsetDate(PartialDateTime.of(TODAY.minusDays(onsetDaysAgo)))
                                .withEndDate(
                                        lasted == null
                                                ? null
                                                : PartialDateTime.of(TODAY.minusDays(onsetDaysAgo)
                                                        .plusDays(Math.min(lasted, onsetDaysAgo))))
                                .build());
    }

    /** Valid referrals: a person, one or two practices, consent, one or two referral entries, risks, maybe problems. */
    public static Gen<Referral> referrals() {
        Gen<String> practice = Gens.text(Gens.range('A', 'Z'), 1, 1).zip(Gens.digits(5, 5), (c, digits) -> c + digits);
        Gen<Object[]> people = person().zip(
                        lists().of(practice).ofSizeBetween(1, 2), text(500), (person, practices, consent) ->
                                new Object[] {person, practices, consent});
        Gen<Object[]> records = lists().of(referralEntry())
                .ofSizeBetween(1, 2)
                .zip(
                        lists().of(risk()).ofSizeBetween(1, 3),
                        Gens.orNull(lists().of(problem()).ofSizeBetween(0, 3), 50),
                        Gens.orNull(arbitrary().enumValues(Referral.Status.class), 50),
                        (entries, risks, problems, status) -> new Object[] {entries, risks, problems, status});
        return people.zip(records, ReferralGens::referral);
    }

    /**
     * The day itself, or the date of birth if it is earlier: a person is born before anything is
     * recorded about them. Dates are drawn independently of the birth and then moved up to it
     * (rather than drawn again), so the generators still shrink.
     */
    static PartialDateTime notBefore(PartialDateTime d, LocalDate born) {
        return d == null || !d.toLocalDate().isBefore(born) ? d : PartialDateTime.of(born);
    }

    @SuppressWarnings("unchecked")
    private static Referral referral(Object[] p, Object[] r) {
        PersonDemographics person = (PersonDemographics) p[0];
        LocalDate born = person.getDateOfBirth();
        List<String> practices = (List<String>) p[1];
        String consent = (String) p[2];
        List<ReferralDetailsRecordEntry> entries = ((List<ReferralDetailsRecordEntry>) r[0])
                .stream()
                        .map(e -> e.toBuilder()
                                .withDate(notBefore(e.getDate(), born))
                                .build())
                        .toList();
        List<RisksRecordEntry> risks = ((List<RisksRecordEntry>) r[1])
                .stream()
                        .map(e -> e.toBuilder()
                                .withStartDateOfRisk(notBefore(e.getStartDateOfRisk(), born))
                                .build())
                        .toList();
        List<ProblemListRecordEntry> problems = r[2] == null
                ? null
                : ((List<ProblemListRecordEntry>) r[2])
                        .stream()
                                .map(e -> e.toBuilder()
                                        .withOnsetDate(notBefore(e.getOnsetDate(), born))
                                        .withEndDate(notBefore(e.getEndDate(), born))
                                        .build())
                                .toList();
        return Referral.builder()
                .withStatus((Referral.Status) r[3])
                .withPersonDemographics(person)
                .withGpPractice(GpPractice.builder()
                        .withEntries(practices.stream()
                                .map(x -> GpPracticeRecordEntry.builder()
                                        .withGpPracticeIdentifier(x)
                                        .build())
                                .toList())
                        .build())
                .withConsent(ConsentSection.builder()
                        .withConsentForInformationSharing(consent)
                        .build())
                .withReferralDetails(
                        ReferralDetails.builder().withEntries(entries).build())
                .withRisks(Risks.builder().withEntries(risks).build())
                .withProblemList(
                        problems == null || problems.isEmpty()
                                ? null
                                : ProblemList.builder().withEntries(problems).build())
                .build();
    }
}
