package org.linkway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.client.error.IllegalTransitionException;
import org.linkway.client.error.NotFoundException;
import org.linkway.client.error.StaleVersionException;
import org.linkway.client.error.ValidationException;
import org.linkway.model.Assessment;
import org.linkway.model.CarePlan;
import org.linkway.model.Consent;
import org.linkway.model.ContactRecord;
import org.linkway.model.Feedback;
import org.linkway.model.OnwardReferral;
import org.linkway.model.Signpost;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.node.ObjectNode;

/** The records of a person's journey under a referral, through the typed client against the real server. */
class JourneyClientTest {

    @RegisterExtension
    static final TestServer server = TestServer.sqlite();

    static LinkwayClient client;

    @BeforeAll
    static void start() {
        client = server.client();
    }

    static ReferralResource newReferral(String placer) {
        return client.referral(
                client.referrals().create(Fixtures.referral(placer)).value().getId());
    }

    @Test
    void a_care_plan_is_created_then_replaced_under_its_etag_from_a_copy_read_back() {
        CarePlans plans = newReferral("plan").carePlan();

        Versioned<CarePlan> v1 = plans.create(Fixtures.record("care-plan--goals-and-actions.json", CarePlan.class));
        assertThat(v1.etag()).isEqualTo("\"1\"");
        assertThat(v1.value().getVersion()).isEqualTo(1);

        // a plan read back carries id, referralId and version; update leaves them to the server
        Versioned<CarePlan> read = plans.get();
        Versioned<CarePlan> v2 = plans.update(read.value(), read.etag());
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.value().getVersion()).isEqualTo(2);

        assertThatThrownBy(() -> plans.update(read.value(), read.etag()))
                .isInstanceOfSatisfying(
                        StaleVersionException.class,
                        e -> assertThat(e.currentVersion()).contains(2L));
        assertThatThrownBy(() -> plans.create(read.value())).isInstanceOf(StaleVersionException.class);
        assertThat(plans.versions()).extracting(CarePlan::getVersion).containsExactly(1, 2);
    }

    @Test
    void a_referral_without_a_plan_has_none_to_read() {
        assertThatThrownBy(() -> newReferral("no-plan").carePlan().get()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void contacts_consents_assessments_and_signposts_are_recorded_listed_and_read() {
        ReferralResource referral = newReferral("records");

        Versioned<ContactRecord> contact =
                referral.contacts().create(Fixtures.record("contact-record--first-call.json", ContactRecord.class));
        Versioned<Consent> consent =
                referral.consents().create(Fixtures.record("consent--given-gp-and-provider.json", Consent.class));
        Versioned<Assessment> assessment =
                referral.assessments().create(Fixtures.record("assessment--ons4-baseline.json", Assessment.class));
        Versioned<Signpost> signpost =
                referral.signposts().create(Fixtures.record("signpost--debt-advice.json", Signpost.class));

        assertThat(contact.value().getReferralId()).isEqualTo(referral.id());
        assertThat(consent.value().getDecision()).isEqualTo(Consent.Decision.GIVEN);
        assertThat(referral.contacts().get(contact.value().getId()).value()).isEqualTo(contact.value());
        assertThat(referral.consents().list()).containsExactly(consent.value());
        assertThat(referral.assessments().list()).containsExactly(assessment.value());
        assertThat(referral.signposts().list().stream().map(Signpost::getId))
                .containsExactly(signpost.value().getId());
        assertThat(referral.events())
                .extracting(Event::type)
                .containsExactly(
                        "referral.received",
                        "contact.recorded",
                        "consent.recorded",
                        "assessment.recorded",
                        "signpost.recorded");
    }

    @Test
    void a_record_of_another_kind_is_refused_with_a_stable_code() {
        ReferralResource referral = newReferral("wrong-kind");
        ContactRecord contact = Fixtures.record("contact-record--first-call.json", ContactRecord.class);

        @SuppressWarnings({"unchecked", "rawtypes"})
        JourneyRecords<Object> signposts = (JourneyRecords) referral.signposts();
        assertThatThrownBy(() -> signposts.create(contact))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.code()).isEqualTo("wrong-message-type"));
    }

    @Test
    void an_onward_referral_moves_through_its_journey_and_collects_feedback() {
        ReferralResource referral = newReferral("onward");
        OnwardReferrals onward = client.onwardReferrals();
        ObjectNode doc = Fixtures.example("onward-referral--walking-group-with-feedback.json");
        Feedback firstWalk =
                LinkwayJson.mapper().treeToValue(doc.path("feedback").get(0), Feedback.class);
        doc.remove(List.of("feedback", "consentId"));
        OnwardReferral walkingGroup = LinkwayJson.mapper().treeToValue(doc, OnwardReferral.class);

        Versioned<OnwardReferral> sent = onward.create(referral.id(), walkingGroup);
        String id = sent.value().getId();
        assertThat(sent.value().getStatus()).isEqualTo(OnwardReferral.Status.SENT);

        Versioned<OnwardReferral> accepted = onward.transition(OnwardTransitionRequest.builder()
                .onwardReferralId(id)
                .to(OnwardReferral.Status.ACCEPTED)
                .etag(sent.etag())
                .build());
        assertThatThrownBy(() -> onward.transition(OnwardTransitionRequest.builder()
                        .onwardReferralId(id)
                        .to(OnwardReferral.Status.COMPLETED)
                        .etag(accepted.etag())
                        .build()))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.currentState()).contains("accepted");
                    assertThat(e.allowed()).containsExactly("attended", "did-not-attend");
                });

        Versioned<OnwardReferral> withFeedback = onward.addFeedback(id, firstWalk);
        assertThat(withFeedback.value().getFeedback()).containsExactly(firstWalk);
        assertThat(withFeedback.version())
                .as("feedback is kept beside the onward referral; its version is the lifecycle's")
                .isEqualTo(2);
        assertThat(onward.get(id).value()).isEqualTo(withFeedback.value());
        assertThat(onward.list(referral.id())).extracting(OnwardReferral::getId).containsExactly(id);
    }
}
