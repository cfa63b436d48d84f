package org.linkway.examples;

import static org.linkway.examples.Records.now;
import static org.linkway.examples.Records.organisation;
import static org.linkway.examples.Records.snomed;
import static org.linkway.examples.Records.text;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.linkway.client.LinkwayClient;
import org.linkway.client.ReferralResource;
import org.linkway.client.TransitionRequest;
import org.linkway.client.Versioned;
import org.linkway.fhir.BundleForm;
import org.linkway.fhir.FhirBinding;
import org.linkway.model.ConsentSection;
import org.linkway.model.GpPractice;
import org.linkway.model.GpPracticeRecordEntry;
import org.linkway.model.PersonDemographics;
import org.linkway.model.PersonName;
import org.linkway.model.PresentingComplaintsOrIssues;
import org.linkway.model.ReasonForReferral;
import org.linkway.model.Referral;
import org.linkway.model.ReferralDetails;
import org.linkway.model.ReferralDetailsRecordEntry;
import org.linkway.model.ReferralTo;
import org.linkway.model.ReferrerDetails;
import org.linkway.model.Risks;
import org.linkway.model.RisksRecordEntry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A GP system refers a person to social prescribing with the FHIR Bundle it already makes, and
 * later files the message back into the person's record as SNOMED CT coded entries.
 *
 * <p>Which token: the practice's own. The practice refers as itself, with a referrer token for its
 * organisation (ODS code {@value #GP_PRACTICE}, Larkmead Medical Practice), and names itself by
 * that code in the referral; the server checks the two agree, so a practice cannot refer in
 * another's name. It reads the message back with the same token. Against a {@code --dev} server,
 * pass the printed "referrer (GP practice Y03146 ...)" token. In between, someone has to close the
 * referral: {@code --link-worker-token} plays the link worker service (the token printed for
 * 8EC41). The person, Grace Whitfield, is invented.
 */
@Command(
        name = "gp-refers-from-fhir",
        mixinStandardHelpOptions = true,
        description = "A GP system sends a FHIR referral Bundle and files the FHIR message back.")
public final class GpRefersFromFhir implements Callable<Integer> {

    static final String GP_PRACTICE = "Y03146";
    /** SNOMED CT: Referral to social prescribing service. */
    static final String REFERRAL_TO_SOCIAL_PRESCRIBING = "871731000000106";
    /** SNOMED CT: Social prescribing declined. */
    static final String SOCIAL_PRESCRIBING_DECLINED = "871711000000103";

    @Mixin
    ServerOptions server;

    @Option(
            names = "--link-worker-token",
            required = true,
            description =
                    "Plays the link worker service that closes the referral (a --dev server prints one for 8EC41).")
    String linkWorkerToken;

    /** An entry the GP system files: which resource, its SNOMED CT code, and its status or value. */
    public record Filed(String resourceType, String code, String display, String statusOrValue) {}

    /** The referral's id on the server, and what the GP system filed from the message back. */
    public record Result(String referralId, List<Filed> filed) {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new GpRefersFromFhir()).execute(args));
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Result result = run(server, server.clientFor(linkWorkerToken));
        System.out.printf(
                "%nReferral %s: filed %d coded entries from the message back%n",
                result.referralId(), result.filed().size());
        return 0;
    }

    /**
     * Refers Grace as the practice ({@code gp} carries the practice's referrer token), lets the link
     * worker service close the referral, and files the message back the practice reads.
     */
    public static Result run(ServerOptions gp, LinkwayClient linkWorkerService)
            throws IOException, InterruptedException {
        FhirBinding fhir = FhirBinding.create(); // builds once, thread-safe: keep one per application

        // 1. The GP system makes the referral Bundle. Here it comes from the binding; a GP system
        //    with its own FHIR stack would build the same message Bundle (MessageHeader first).
        String bundle = fhir.toFhirJson(referralFromTheGpRecord(), BundleForm.MESSAGE);

        // 2. Send it as FHIR, exactly as it is. The server converts it and receives it like any
        //    referral: validated, given an id, answered with the ServiceRequest's Location.
        HttpResponse<String> answer = postFhir(gp, "/fhir/R4/Bundle", bundle);
        if (answer.statusCode() != 201) {
            // an OperationOutcome naming each problem, or a refusal of this caller
            throw new IllegalStateException(
                    "the server refused the referral Bundle: " + answer.statusCode() + " " + answer.body());
        }
        String location = answer.headers().firstValue("Location").orElseThrow();
        String referralId = location.substring(location.lastIndexOf('/') + 1);
        say("sent referral %s as a FHIR Bundle (%d characters)", referralId, bundle.length());

        // 3. Meanwhile, at the link worker service: accepted, worked with, completed.
        closeAsTheLinkWorker(linkWorkerService.referral(referralId));

        // 4. The GP system asks for the message back as a FHIR document, with the practice's own
        //    token, and files the coded entries into Grace's record.
        String document = gp.client().referral(referralId).messageBackFhir();
        Bundle messageBack = FhirBinding.fhirContext().newJsonParser().parseResource(Bundle.class, document);
        List<Filed> filed = codedEntriesToFile(messageBack);
        filed.forEach(f -> say("file %s %s |%s| %s", f.resourceType(), f.code(), f.display(), f.statusOrValue()));
        return new Result(referralId, filed);
    }

    /**
     * What a GP system files from a message back: the SNOMED CT coded ServiceRequest (the
     * referral, now completed or revoked) and Observations (the outcome, "declined", scores).
     * Entries are found by resource type and code system, never by position, so the
     * document can grow sections without breaking the GP system.
     */
    static List<Filed> codedEntriesToFile(Bundle document) {
        List<Filed> out = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : document.getEntry()) {
            Resource r = entry.getResource();
            if (r instanceof ServiceRequest sr) {
                snomedCodes(sr.getCode())
                        .forEach(c -> out.add(new Filed(
                                "ServiceRequest",
                                c.getCode(),
                                c.getDisplay(),
                                sr.getStatus().toCode())));
            } else if (r instanceof Observation obs) {
                String value = obs.hasValue()
                        ? obs.getValue().primitiveValue()
                        : obs.getStatus().toCode();
                if (value == null && obs.hasValueCodeableConcept()) {
                    value = obs.getValueCodeableConcept().getText();
                }
                String shown = value;
                snomedCodes(obs.getCode())
                        .forEach(c -> out.add(new Filed("Observation", c.getCode(), c.getDisplay(), shown)));
            }
        }
        return out;
    }

    static List<Coding> snomedCodes(CodeableConcept concept) {
        return concept.getCoding().stream()
                .filter(c -> Records.SNOMED.equals(c.getSystem()))
                .toList();
    }

    static void closeAsTheLinkWorker(ReferralResource referral) {
        Versioned<Referral> received = referral.get();
        Versioned<Referral> accepted = referral.transition(Referral.Status.ACCEPTED, received.etag());
        Versioned<Referral> working = referral.transition(Referral.Status.IN_PROGRESS, accepted.etag());
        referral.transition(TransitionRequest.builder()
                .to(Referral.Status.COMPLETED)
                .reason("Joined a community choir and a lunch club")
                .etag(working.etag())
                .build());
        say("the link worker service accepted and later completed it");
    }

    /** FHIR goes over plain HTTP: the typed client speaks Linkway JSON, and reads the FHIR message back. */
    static HttpResponse<String> postFhir(ServerOptions server, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + server.token())
                .header("Content-Type", "application/fhir+json")
                .header("Accept", "application/fhir+json")
                // a resend after a lost answer must not refer the person twice
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** What the GP system holds about Grace, as a Linkway referral (the binding makes the FHIR from it). */
    static Referral referralFromTheGpRecord() {
        return Referral.builder()
                // the GP system's own id for the referral: it matches the message back to it later
                .withReferrerReferralId(
                        "Y03146-SP-" + UUID.randomUUID().toString().substring(0, 8))
                .withPersonDemographics(PersonDemographics.builder()
                        .withName(PersonName.builder()
                                .withTitle("Mrs")
                                .withFirstNames(List.of("Grace"))
                                .withFamilyNames(List.of("Whitfield"))
                                .build())
                        .withDateOfBirth(LocalDate.of(1946, 11, 2))
                        .withNhsNumber("9990523185") // 999 test range, valid check digit
                        .withNhsNumberStatusIndicator("01")
                        .build())
                .withGpPractice(GpPractice.builder()
                        .withEntries(List.of(GpPracticeRecordEntry.builder()
                                .withGpName("Dr Amara Nwosu")
                                .withGpPracticeIdentifier(GP_PRACTICE)
                                .build()))
                        .build())
                .withConsent(ConsentSection.builder()
                        .withConsentForInformationSharing(
                                "Agreed in the consultation to the referral and to the link worker service writing back.")
                        .build())
                .withReferralDetails(ReferralDetails.builder()
                        .withEntries(List.of(ReferralDetailsRecordEntry.builder()
                                .withDate(now())
                                .withReferrerDetails(ReferrerDetails.builder()
                                        .withName("Dr Amara Nwosu")
                                        .withContactDetails("01632 960100")
                                        .withService(text("General practice"))
                                        .withOrganisation(organisation(GP_PRACTICE, "Larkmead Medical Practice"))
                                        .build())
                                .withReferralMethod(ReferralDetailsRecordEntry.ReferralMethod.SECURE_MESSAGING)
                                .withReasonForReferral(ReasonForReferral.builder()
                                        .withText("Lonely since moving to be near her son; low mood.")
                                        .build())
                                .withReferralTo(ReferralTo.builder()
                                        .withService(text("Social prescribing link worker service"))
                                        .withOrganisation(organisation(
                                                LinkWorkersDay.LINK_WORKER_SERVICE, "Eastmere Community Action"))
                                        .build())
                                .build()))
                        .build())
                .withPresentingComplaintsOrIssues(PresentingComplaintsOrIssues.builder()
                        .withPresentingComplaints(
                                List.of(snomed("422650009", "Social isolation", "Lonely since moving house")))
                        .build())
                .withRisks(Risks.builder()
                        .withEntries(List.of(RisksRecordEntry.builder()
                                .withRisk(text("No known risks"))
                                .build()))
                        .build())
                .build();
    }

    static void say(String format, Object... args) {
        System.out.println("  " + String.format(format, args));
    }
}
