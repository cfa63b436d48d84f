package org.linkway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.client.error.NotFoundException;
import org.linkway.crypto.TrustedKeys;
import org.linkway.model.MessageBack;
import org.linkway.model.Referral;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.security.DevTokens;
import org.linkway.server.security.Role;
import tools.jackson.databind.node.ObjectNode;

/**
 * A GP practice's system (ODS code Y03146, its own referrer-role token) collects the message backs
 * about its registered patients through the client, against the real reference server: the list
 * pages lazily and holds only the practice's own, each one reads (and verifies) by referral id,
 * and another practice finds none of them.
 */
@Timeout(120)
class GpPracticeMessageBackClientTest {

    static final String PRACTICE = "Y03146";

    @RegisterExtension
    static final TestServer server = TestServer.sqlite();

    static LinkwayClient admin;

    @BeforeAll
    static void start() {
        admin = server.client();
    }

    static LinkwayClient as(String organisation) {
        String token = DevTokens.forPort(server.port()).orElseThrow().mint(Role.REFERRER, organisation);
        return LinkwayClient.builder()
                .baseUrl(server.url())
                .tokenProvider(() -> token)
                .requestTimeout(Duration.ofSeconds(20))
                .build();
    }

    /** A referral for a person registered with {@code gp}, closed by the link worker service so its message back is issued. */
    static String closedFor(String gp, String placerId) {
        ObjectNode doc = Fixtures.example(Fixtures.MINIMAL);
        doc.put("referrerReferralId", placerId);
        ((ObjectNode) doc.at("/gpPractice/entries/0")).put("gpPracticeIdentifier", gp);
        Versioned<Referral> created =
                admin.referrals().create(LinkwayJson.mapper().treeToValue(doc, Referral.class));
        admin.referrals()
                .transition(TransitionRequest.builder()
                        .referralId(created.value().getId())
                        .to(Referral.Status.REJECTED)
                        .reason("outside our area")
                        .etag(created.etag())
                        .build());
        return created.value().getId();
    }

    @Test
    void a_practice_lists_and_reads_the_message_backs_about_its_patients() {
        Instant before = Instant.now().minusSeconds(5);
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ours.add(closedFor(PRACTICE, "gp-" + i));
            closedFor("A81001", "other-" + i);
        }
        LinkwayClient practice = as(PRACTICE);

        PagedIterable<MessageBack> list = practice.messageBacks()
                .list(MessageBackQuery.builder().since(before).pageSize(1).build());
        List<String> seen = list.stream().map(MessageBack::getReferralId).toList();
        // other tests' message backs for this practice may be in the list too; ours are there, in the order they were
        // issued
        assertThat(seen).doesNotHaveDuplicates().containsSubsequence(ours);
        int pages = 0;
        for (Page<MessageBack> page : list.pages()) {
            assertThat(page.items()).hasSize(1);
            pages++;
        }
        assertThat(pages)
                .as("one request per page of one, fetched as iteration reached it")
                .isEqualTo(seen.size());
        assertThat(practice.messageBacks().list().stream()
                        .allMatch(m -> m.getGpPractice().getEntries().stream()
                                .anyMatch(e -> PRACTICE.equals(e.getGpPracticeIdentifier()))))
                .isTrue();

        Versioned<MessageBack> back = practice.referral(ours.get(0))
                .messageBack(SignatureVerifier.using(TrustedKeys.fromJwks(practice.serverKeys())));
        assertThat(back.value().getReferralId()).isEqualTo(ours.get(0));
        assertThat(back.value())
                .isEqualTo(admin.referral(ours.get(0)).messageBack().value());
        assertThat(practice.referral(ours.get(0)).messageBackFhir()).contains("\"document\"");
        // the message back, and nothing else of the referral
        assertThatThrownBy(() -> practice.referrals().get(ours.get(0))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void another_practice_finds_none_of_them() {
        String id = closedFor(PRACTICE, "not-yours");
        LinkwayClient other = as("B82005");
        assertThatThrownBy(() -> other.referral(id).messageBack()).isInstanceOf(NotFoundException.class);
        assertThat(other.messageBacks().list().stream().map(MessageBack::getReferralId))
                .doesNotContain(id);
        assertThat(other.messageBacks().list().firstPage().items()).isEmpty();
    }
}
