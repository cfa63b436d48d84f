package org.linkway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.client.error.ConflictException;
import org.linkway.client.error.IllegalTransitionException;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.client.error.LinkwayException;
import org.linkway.client.error.NotFoundException;
import org.linkway.client.error.StaleVersionException;
import org.linkway.client.error.ValidationException;
import org.linkway.model.MessageBack;
import org.linkway.model.Referral;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Referrals through the typed client against the real reference server. */
class ReferralClientTest {

    @RegisterExtension
    static final TestServer server = TestServer.sqlite();

    static LinkwayClient client;

    @BeforeAll
    static void start() {
        client = server.client();
    }

    @Test
    void create_answers_the_stored_referral_with_its_etag_and_request_id() {
        Versioned<Referral> created = client.referrals().create(Fixtures.referral("placer-create"));

        assertThat(created.value().getId()).isNotBlank();
        assertThat(created.value().getStatus()).isEqualTo(Referral.Status.RECEIVED);
        assertThat(created.value().getReferrerReferralId()).isEqualTo("placer-create");
        assertThat(created.etag()).isEqualTo("\"1\"");
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.requestId()).isNotBlank();
        assertThat(created.replayed()).isFalse();

        Versioned<Referral> read = client.referrals().get(created.value().getId());
        assertThat(read.value()).isEqualTo(created.value());
        assertThat(read.etag()).isEqualTo(created.etag());
    }

    @Test
    void the_same_idempotency_key_and_body_replays_the_first_answer_instead_of_creating_again() {
        String key = "order-" + UUID.randomUUID();
        Referral referral = Fixtures.referral("placer-" + key);

        Versioned<Referral> first = client.referrals().create(referral, key);
        Versioned<Referral> again = client.referrals().create(referral, key);

        assertThat(again.replayed()).isTrue();
        assertThat(again.value().getId()).isEqualTo(first.value().getId());
        assertThat(placed("placer-" + key)).hasSize(1);
    }

    @Test
    void the_same_key_with_another_body_is_a_validation_failure_with_a_stable_code() {
        String key = "reused-" + UUID.randomUUID();
        client.referrals().create(Fixtures.referral("placer-a"), key);

        assertThatThrownBy(() -> client.referrals().create(Fixtures.referral("placer-b"), key))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.code()).isEqualTo("idempotency-key-reused");
                    assertThat(e.status()).isEqualTo(422);
                });
    }

    @Test
    void an_invalid_referral_fails_with_every_finding_and_the_request_id() {
        ObjectNode doc = Fixtures.example(Fixtures.MINIMAL);
        ((ObjectNode) doc.path("personDemographics")).put("nhsNumber", "9990000019"); // wrong check digit
        Referral bad = LinkwayJson.mapper().treeToValue(doc, Referral.class);

        assertThatThrownBy(() -> client.referrals().create(bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid-referral");
                    assertThat(e.requestId()).isNotBlank();
                    assertThat(e.findings()).extracting(f -> f.ruleId()).contains("LW-NHS-NUMBER");
                    assertThat(e.findings()).extracting(f -> f.pointer()).contains("/personDemographics/nhsNumber");
                    assertThat(e.getMessage()).contains("invalid-referral").contains(e.requestId());
                });
    }

    @Test
    void an_unknown_referral_is_not_found() {
        assertThatThrownBy(() -> client.referrals().get("no-such-referral"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.code()).isEqualTo("not-found");
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.problem())
                            .hasValueSatisfying(
                                    p -> assertThat(p.instance()).isEqualTo("/v1/referrals/no-such-referral"));
                });
    }

    @Test
    void ids_are_sent_as_one_path_segment() {
        // an id that tries to climb out of its path stays one (unknown) referral
        assertThatThrownBy(() -> client.referrals().get("../events")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.referrals().get(" ")).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void transitions_carry_the_etag_and_a_stale_one_is_a_typed_conflict_naming_the_current_version() {
        Versioned<Referral> created = client.referrals().create(Fixtures.referral("placer-journey"));
        String id = created.value().getId();

        Versioned<Referral> accepted = client.referrals()
                .transition(TransitionRequest.builder()
                        .referralId(id)
                        .to(Referral.Status.ACCEPTED)
                        .etag(created.etag())
                        .build());
        assertThat(accepted.value().getStatus()).isEqualTo(Referral.Status.ACCEPTED);
        assertThat(accepted.version()).isEqualTo(2);

        assertThatThrownBy(() -> client.referrals()
                        .transition(TransitionRequest.builder()
                                .referralId(id)
                                .to(Referral.Status.IN_PROGRESS)
                                .etag(created.etag())
                                .build()))
                .isInstanceOfSatisfying(StaleVersionException.class, e -> {
                    assertThat(e.code()).isEqualTo("stale-version");
                    assertThat(e.status()).isEqualTo(412);
                    assertThat(e.currentVersion()).contains(2L);
                })
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void an_illegal_transition_names_the_current_state_and_the_allowed_ones() {
        Versioned<Referral> created = client.referrals().create(Fixtures.referral("placer-illegal"));

        assertThatThrownBy(() ->
                        client.referral(created.value().getId()).transition(Referral.Status.COMPLETED, created.etag()))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.code()).isEqualTo("illegal-transition");
                    assertThat(e.currentState()).contains("received");
                    assertThat(e.requestedState()).contains("completed");
                    assertThat(e.allowed()).containsExactly("accepted", "rejected", "cancelled");
                });
    }

    @Test
    void a_closed_referral_has_a_message_back_as_a_model_and_as_a_fhir_document() {
        Versioned<Referral> v = client.referrals().create(Fixtures.referral("placer-closed"));
        String id = v.value().getId();
        ReferralResource referral = client.referral(id);

        assertThatThrownBy(referral::messageBack)
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("referral-open"));

        v = referral.transition(Referral.Status.ACCEPTED, v.etag());
        v = referral.transition(TransitionRequest.builder()
                .to(Referral.Status.DECLINED)
                .reason("Prefers to join a group on her own")
                .gpActions("Please ask about the walking group at her next review")
                .etag(v.etag())
                .build());

        Versioned<MessageBack> back = referral.messageBack();
        assertThat(LinkwayJson.mapper().writeValueAsString(back.value()))
                .contains("Please ask about the walking group at her next review");
        assertThat(back.value().getReferralId()).isEqualTo(id);
        assertThat(back.value().getOutcome()).isEqualTo(MessageBack.Outcome.DECLINED);
        assertThat(back.value().getReferrerReferralId()).isEqualTo("placer-closed");

        JsonNode document = LinkwayJson.mapper().readTree(referral.messageBackFhir());
        assertThat(document.path("resourceType").asString()).isEqualTo("Bundle");
        assertThat(document.path("type").asString()).isEqualTo("document");
        assertThat(document.toString()).contains("871711000000103"); // social prescribing declined

        assertThat(referral.events())
                .extracting(Event::type)
                .containsExactly(
                        "referral.received",
                        "referral.status-changed",
                        "referral.status-changed",
                        "message-back.issued");
        assertThat(referral.events().get(2).data().path("reason").asString())
                .isEqualTo("Prefers to join a group on her own");
    }

    @Test
    void a_reason_is_needed_to_decline_and_the_refusal_is_a_validation_failure() {
        Versioned<Referral> v = client.referrals().create(Fixtures.referral("placer-reason"));
        Versioned<Referral> accepted = client.referrals().transition(v, Referral.Status.ACCEPTED);

        assertThatThrownBy(() -> client.referrals()
                        .transition(TransitionRequest.builder()
                                .referralId(v.value().getId())
                                .to(Referral.Status.DECLINED)
                                .etag(accepted.etag())
                                .build()))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.code()).isEqualTo("reason-required"));
        assertThatThrownBy(() -> client.referrals()
                        .transition(TransitionRequest.builder()
                                .referralId(v.value().getId())
                                .to(Referral.Status.DECLINED)
                                .reason("x".repeat(501))
                                .etag(accepted.etag())
                                .build()))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> client.referrals()
                        .transition(TransitionRequest.builder()
                                .referralId(v.value().getId())
                                .to(Referral.Status.DECLINED)
                                .reason("why")
                                .etag(null)
                                .build()))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("etag");
    }

    @Test
    void list_filters_on_the_server_and_pages_lazily() {
        String org = Fixtures.freshOrg();
        for (int i = 0; i < 5; i++) {
            client.referrals().create(Fixtures.referral("placer-list-" + i, org));
        }
        ReferralQuery query =
                ReferralQuery.builder().referrerOrg(org).pageSize(2).build();

        PagedIterable<Referral> all = client.referrals().list(query);

        assertThat(all.firstPage().items()).hasSize(2);
        assertThat(all.firstPage().hasNext()).isTrue();
        assertThat(all.stream().map(Referral::getReferrerReferralId).toList())
                .containsExactlyInAnyOrder(
                        "placer-list-0", "placer-list-1", "placer-list-2", "placer-list-3", "placer-list-4");
        assertThat(all.pages()).hasSize(3);
        assertThat(client.referrals()
                        .list(query.toBuilder().status(Referral.Status.ACCEPTED).build()))
                .isEmpty();
    }

    @Test
    void async_calls_complete_with_the_same_values_and_fail_with_the_same_exceptions() {
        CompletableFuture<Versioned<Referral>> created =
                client.referrals().createAsync(Fixtures.referral("placer-async"));
        Versioned<Referral> v = created.join();
        CompletableFuture<Versioned<Referral>> read =
                client.referrals().getAsync(v.value().getId());
        assertThat(read.join().value()).isEqualTo(v.value());

        CompletableFuture<Versioned<Referral>> missing = client.referrals().getAsync("no-such-referral");
        assertThatThrownBy(missing::join)
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void many_threads_can_share_one_client() {
        List<CompletableFuture<Versioned<Referral>>> all = IntStream.range(0, 16)
                .mapToObj(i -> CompletableFuture.supplyAsync(
                        () -> client.referrals().create(Fixtures.referral("placer-par-" + i))))
                .toList();
        assertThat(all.stream()
                        .map(CompletableFuture::join)
                        .map(v -> v.value().getId())
                        .distinct())
                .hasSize(16);
    }

    @Test
    void every_failure_is_a_linkway_exception() {
        LinkwayClient unreachable = LinkwayClient.builder()
                .baseUrl("http://127.0.0.1:1")
                .retryPolicy(RetryPolicy.none())
                .build();
        assertThatThrownBy(() -> unreachable.referrals().get("x")).isInstanceOfSatisfying(LinkwayException.class, e -> {
            assertThat(e.code()).isEqualTo("transport");
            assertThat(e.status()).isZero();
            assertThat(e.requestId()).isNotBlank();
        });
        assertThatThrownBy(() ->
                        LinkwayClient.builder().baseUrl("ftp://example.org").build())
                .isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> LinkwayClient.builder().build())
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("baseUrl");
    }

    static List<Referral> placed(String placerId) {
        return placedBy(client, placerId);
    }

    /** Every stored referral with this sender's id: counts what the server really holds. */
    static List<Referral> placedBy(LinkwayClient client, String placerId) {
        return client.referrals().list(ReferralQuery.builder().pageSize(500).build()).stream()
                .filter(r -> placerId.equals(r.getReferrerReferralId()))
                .toList();
    }
}
