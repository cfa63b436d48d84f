package org.linkway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.linkway.client.ReferralQuery;
import org.linkway.client.ReferralResource;
import org.linkway.client.TransitionRequest;
import org.linkway.client.Versioned;
import org.linkway.fhir.BundleForm;
import org.linkway.fhir.FhirBinding;
import org.linkway.model.Referral;
import org.linkway.server.security.Role;
import picocli.CommandLine;

/** Run as the GP practice itself: its own referrer token for organisation Y03146, never an admin's. */
@Timeout(180)
class GpRefersFromFhirTest {

    @Test
    void the_gp_system_refers_from_fhir_and_files_the_completed_referral_from_the_message_back() throws Exception {
        try (ExampleServer server = ExampleServer.start()) {
            ServerOptions practice =
                    ServerOptions.of(server.url(), server.token(Role.REFERRER, GpRefersFromFhir.GP_PRACTICE));
            GpRefersFromFhir.Result result = GpRefersFromFhir.run(
                    practice, server.as(Role.LINK_WORKER, "8EC41").client());

            assertThat(result.referralId()).isNotBlank();
            Referral held =
                    practice.client().referral(result.referralId()).get().value();
            assertThat(held.getReferralDetails()
                            .getEntries()
                            .get(0)
                            .getReferrerDetails()
                            .getOrganisation()
                            .getCode())
                    .as("the practice names itself by its ODS code, not in free text")
                    .isEqualTo(GpRefersFromFhir.GP_PRACTICE);
            assertThat(held.getReferralDetails()
                            .getEntries()
                            .get(0)
                            .getReferrerDetails()
                            .getOrganisation()
                            .getText())
                    .isEqualTo("Larkmead Medical Practice");
            assertThat(result.filed())
                    .as("the referral comes back as a completed ServiceRequest coded for social prescribing")
                    .anySatisfy(f -> {
                        assertThat(f.resourceType()).isEqualTo("ServiceRequest");
                        assertThat(f.code()).isEqualTo(GpRefersFromFhir.REFERRAL_TO_SOCIAL_PRESCRIBING);
                        assertThat(f.statusOrValue()).isEqualTo("completed");
                    });
            assertThat(result.filed())
                    .as("a completed referral is not filed as declined")
                    .noneMatch(f -> f.code().equals(GpRefersFromFhir.SOCIAL_PRESCRIBING_DECLINED));
        }
    }

    @Test
    void a_declined_referral_is_filed_with_the_declined_code_and_a_revoked_service_request() throws Exception {
        try (ExampleServer server = ExampleServer.start()) {
            ServerOptions gp =
                    ServerOptions.of(server.url(), server.token(Role.REFERRER, GpRefersFromFhir.GP_PRACTICE));
            String bundle =
                    FhirBinding.create().toFhirJson(GpRefersFromFhir.referralFromTheGpRecord(), BundleForm.TRANSACTION);
            HttpResponse<String> sent = GpRefersFromFhir.postFhir(gp, "/fhir/R4/Bundle", bundle);
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
            String location = sent.headers().firstValue("Location").orElseThrow();
            ReferralResource referral = server.as(Role.LINK_WORKER, "8EC41")
                    .client()
                    .referral(location.substring(location.lastIndexOf('/') + 1));
            Versioned<Referral> accepted =
                    referral.transition(Referral.Status.ACCEPTED, referral.get().etag());
            referral.transition(TransitionRequest.builder()
                    .to(Referral.Status.DECLINED)
                    .reason("Would rather wait until her son is back from abroad")
                    .etag(accepted.etag())
                    .build());

            Bundle document = FhirBinding.fhirContext()
                    .newJsonParser()
                    .parseResource(
                            Bundle.class, gp.client().referral(referral.id()).messageBackFhir());
            List<GpRefersFromFhir.Filed> filed = GpRefersFromFhir.codedEntriesToFile(document);

            assertThat(filed)
                    .extracting(GpRefersFromFhir.Filed::code)
                    .contains(GpRefersFromFhir.SOCIAL_PRESCRIBING_DECLINED);
            assertThat(filed)
                    .filteredOn(f -> f.code().equals(GpRefersFromFhir.REFERRAL_TO_SOCIAL_PRESCRIBING))
                    .extracting(GpRefersFromFhir.Filed::statusOrValue)
                    .containsExactly("revoked");
        }
    }

    @Test
    void the_practices_dev_token_sees_the_demo_gp_referral_that_names_it_by_code() {
        try (ExampleServer server = ExampleServer.start()) {
            List<Referral> mine = server
                    .as(Role.REFERRER, GpRefersFromFhir.GP_PRACTICE)
                    .client()
                    .referrals()
                    .list(ReferralQuery.builder().build())
                    .stream()
                    .toList();
            assertThat(mine)
                    .as("of the three demo referrals, the one Larkmead Medical Practice sent")
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(r.getReferralDetails()
                                        .getEntries()
                                        .get(0)
                                        .getReferrerDetails()
                                        .getOrganisation()
                                        .getCode())
                                .isEqualTo("Y03146");
                        assertThat(r.getPersonDemographics().getName().getFirstNames())
                                .startsWith("Maureen");
                    });
        }
    }

    @Test
    void another_practice_cannot_refer_in_this_practices_name() throws Exception {
        try (ExampleServer server = ExampleServer.start()) {
            ServerOptions other = ServerOptions.of(server.url(), server.token(Role.REFERRER, "A81001"));
            String bundle =
                    FhirBinding.create().toFhirJson(GpRefersFromFhir.referralFromTheGpRecord(), BundleForm.TRANSACTION);
            HttpResponse<String> refused = GpRefersFromFhir.postFhir(other, "/fhir/R4/Bundle", bundle);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.body()).contains("organisation/code", "A81001").doesNotContain("Grace");
        }
    }

    @Test
    void the_command_line_runs_against_a_url_and_tokens() {
        try (ExampleServer server = ExampleServer.start()) {
            int exit = new CommandLine(new GpRefersFromFhir())
                    .execute(
                            "--url",
                            server.url(),
                            "--token",
                            server.token(Role.REFERRER, GpRefersFromFhir.GP_PRACTICE),
                            "--link-worker-token",
                            server.token(Role.LINK_WORKER, "8EC41"));
            assertThat(exit).isZero();
        }
    }
}
