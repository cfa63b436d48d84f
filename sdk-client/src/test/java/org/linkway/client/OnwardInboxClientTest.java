package org.linkway.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.client.error.NotFoundException;
import org.linkway.model.Consent;
import org.linkway.model.OnwardReferral;
import org.linkway.model.Referral;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.security.DevTokens;
import org.linkway.server.security.Role;
import tools.jackson.databind.node.ObjectNode;

/**
 * A charity's system with only its provider token works its inbox through the client against the
 * real reference server: the list pages lazily and holds only the onward referrals addressed to
 * it, filtered by state; each item carries the person's details the consent lets it read; another
 * charity finds none of them.
 */
@Timeout(120)
class OnwardInboxClientTest {

    static final String CHARITY = "1187601";
    static final String OTHER_CHARITY = "1187602";

    @RegisterExtension
    static final TestServer server = TestServer.sqlite();

    static LinkwayClient linkWorker;

    @BeforeAll
    static void start() {
        linkWorker = as(Role.LINK_WORKER, "8EC41");
    }

    static LinkwayClient as(Role role, String organisation) {
        String token = DevTokens.forPort(server.port()).orElseThrow().mint(role, organisation);
        return LinkwayClient.builder()
                .baseUrl(server.url())
                .tokenProvider(() -> token)
                .requestTimeout(Duration.ofSeconds(20))
                .build();
    }

    static OnwardReferral onwardTo(String charity) {
        ObjectNode doc = Fixtures.example("onward-referral--walking-group-with-feedback.json");
        doc.remove("feedback");
        doc.remove("consentId");
        ((ObjectNode) doc.get("referral")).put("date", "2026-03-19T14:00:00Z");
        ((ObjectNode) doc.get("provider")).put("charityNumber", charity);
        return LinkwayJson.mapper().treeToValue(doc, OnwardReferral.class);
    }

    @Test
    void a_charity_pages_through_its_inbox_and_reads_what_consent_lets_it() {
        String referral = linkWorker
                .referrals()
                .create(Fixtures.record(Fixtures.FULL, Referral.class))
                .value()
                .getId();
        ObjectNode consent = Fixtures.example("consent--given-gp-and-provider.json");
        ((ObjectNode) consent.get("onwardProvider")).put("charityNumber", CHARITY);
        consent.putArray("shareWithProvider").add("name-and-contact");
        linkWorker.referral(referral).consents().create(LinkwayJson.mapper().treeToValue(consent, Consent.class));
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(linkWorker
                    .onwardReferrals()
                    .create(referral, onwardTo(CHARITY))
                    .value()
                    .getId());
            linkWorker.onwardReferrals().create(referral, onwardTo(OTHER_CHARITY));
        }
        LinkwayClient charity = as(Role.PROVIDER, CHARITY);
        Versioned<OnwardReferral> first = charity.onwardReferrals().get(sent.get(0));
        charity.onwardReferrals().transition(first, OnwardReferral.Status.ACCEPTED);

        List<String> listed = new ArrayList<>();
        for (OnwardReferral o : charity.onwardReferrals()
                .list(OnwardReferralQuery.builder().pageSize(1).build())) {
            listed.add(o.getId());
            assertThat(o.getPersonName().getFamilyNames()).containsExactly("Ashdown");
            assertThat(o.getContactDetails().getPreferredContactMethod()).isEqualTo("3");
            assertThat(o.getRisks()).as("not consented").isNull();
        }
        assertThat(listed).containsExactly(sent.get(1), sent.get(2), sent.get(0));
        assertThat(charity
                        .onwardReferrals()
                        .list(OnwardReferralQuery.builder()
                                .status(OnwardReferral.Status.SENT)
                                .build())
                        .stream()
                        .map(OnwardReferral::getId))
                .containsExactly(sent.get(1), sent.get(2));

        LinkwayClient other = as(Role.PROVIDER, OTHER_CHARITY);
        assertThat(other.onwardReferrals().inbox().stream().map(OnwardReferral::getId))
                .as("the other charity is not covered by the consent: nothing")
                .isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> other.onwardReferrals().get(sent.get(0)))
                .isInstanceOf(NotFoundException.class);
    }
}
