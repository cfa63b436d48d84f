package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code Idempotency-Key}s belong to the caller's organisation and role, seen from the side of the
 * organisation that did not choose the key first: the same key from another organisation (or the
 * same organisation in another role) is a new key, answered with that caller's own fresh result,
 * never a 422, never the key echoed, never the other's answer; the same caller's retry still
 * answers the first answer.
 */
class IdempotencyScopeTest {

    @RegisterExtension
    static final LinkwayTestServer server = LinkwayTestServer.sqlite();

    @Test
    void two_organisations_using_one_key_each_get_their_own_result_and_their_own_replay() {
        String key = "order-" + UUID.randomUUID();
        ApiClient a = new ApiClient(server.port(), server.token(Role.REFERRER, "RA001"));
        ApiClient b = new ApiClient(server.port(), server.token(Role.REFERRER, "RB002"));

        ApiClient.Answer first = a.postJson("/v1/referrals", referral("RA001", "8EC41"), "Idempotency-Key", key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);

        ApiClient.Answer other = b.postJson("/v1/referrals", referral("RB002", "8EC41"), "Idempotency-Key", key);
        assertThat(other.status())
                .as("a key another organisation used first is no obstacle: " + other.body())
                .isEqualTo(201);
        assertThat(other.header("Idempotent-Replayed")).isNull();
        assertThat(other.json().path("id").asString())
                .isNotEqualTo(first.json().path("id").asString());
        assertThat(other.body()).doesNotContain("RA001").doesNotContain(key);

        ApiClient.Answer replayA = a.postJson("/v1/referrals", referral("RA001", "8EC41"), "Idempotency-Key", key);
        assertThat(replayA.status()).isEqualTo(201);
        assertThat(replayA.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayA.body()).isEqualTo(first.body());
        ApiClient.Answer replayB = b.postJson("/v1/referrals", referral("RB002", "8EC41"), "Idempotency-Key", key);
        assertThat(replayB.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayB.body()).isEqualTo(other.body());

        // the same caller reusing its key for another request is still refused, without echoing the key
        ApiClient.Answer reused = b.postJson("/v1/referrals", referral("RB002", "8EC42"), "Idempotency-Key", key);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().path("type").asString()).isEqualTo("urn:linkway:problem:idempotency-key-reused");
        assertThat(reused.body())
                .doesNotContain(key)
                .doesNotContain(first.json().path("id").asString());
    }

    @Test
    void one_organisation_in_two_roles_has_two_sets_of_keys() {
        String key = "k-" + UUID.randomUUID();
        ApiClient asReferrer = new ApiClient(server.port(), server.token(Role.REFERRER, "8EC43"));
        ApiClient asLinkWorker = new ApiClient(server.port(), server.token(Role.LINK_WORKER, "8EC43"));
        ApiClient.Answer referred =
                asReferrer.postJson("/v1/referrals", referral("8EC43", "8EC41"), "Idempotency-Key", key);
        assertThat(referred.status()).as(referred.body()).isEqualTo(201);
        ApiClient.Answer recorded =
                asLinkWorker.postJson("/v1/referrals", referral("RC003", "8EC43"), "Idempotency-Key", key);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.header("Idempotent-Replayed")).isNull();
        assertThat(recorded.json().path("id").asString())
                .isNotEqualTo(referred.json().path("id").asString());
    }

    private static String referral(String referrer, String linkWorkerService) {
        ObjectNode doc = Journeys.tree(ReferralApiContract.example(ReferralApiContract.FULL));
        ((ObjectNode) doc.at("/referralDetails/entries/0/referrerDetails/organisation")).put("code", referrer);
        ((ObjectNode) doc.at("/referralDetails/entries/0/referralTo/organisation")).put("code", linkWorkerService);
        return doc.toString();
    }
}
