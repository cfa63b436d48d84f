package org.linkway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.model.OnwardReferral;
import org.linkway.model.Referral;

/** The transition requests check what they can before anything is sent, and write the body the server reads. */
class TransitionRequestTest {

    @Test
    void a_closing_move_carries_reason_and_gp_actions_in_its_body() {
        TransitionRequest request = TransitionRequest.builder()
                .referralId("r1")
                .to(Referral.Status.COMPLETED)
                .reason("Joined a walking group")
                .gpActions("Review at the next appointment")
                .etag("\"4\"")
                .build();
        assertThat(new String(request.body(), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"to\":\"completed\",\"reason\":\"Joined a walking group\",\"gpActions\":\"Review at the next appointment\"}");
        assertThat(request.toBuilder().build()).isEqualTo(request).hasSameHashCodeAs(request);
        assertThat(new String(
                        TransitionRequest.builder()
                                .to(Referral.Status.ACCEPTED)
                                .etag("\"1\"")
                                .build()
                                .body(),
                        StandardCharsets.UTF_8))
                .isEqualTo("{\"to\":\"accepted\"}");
    }

    @Test
    void missing_or_oversized_parts_are_refused_by_name() {
        assertThatThrownBy(() -> TransitionRequest.builder().etag("\"1\"").build())
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("to");
        assertThatThrownBy(() ->
                        TransitionRequest.builder().to(Referral.Status.ACCEPTED).build())
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("etag");
        assertThatThrownBy(() -> TransitionRequest.builder()
                        .to(Referral.Status.COMPLETED)
                        .etag("\"1\"")
                        .gpActions("x".repeat(2001))
                        .build())
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("gpActions");
        assertThatThrownBy(() -> TransitionRequest.builder()
                        .to(Referral.Status.COMPLETED)
                        .etag("\"1\"")
                        .gpActions(" ")
                        .build())
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("gpActions");
        assertThatThrownBy(() -> OnwardTransitionRequest.builder()
                        .to(OnwardReferral.Status.ACCEPTED)
                        .etag("\"1\"")
                        .build())
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("onwardReferralId");
    }

    @Test
    void a_builder_can_be_reused() {
        TransitionRequest.Builder b = TransitionRequest.builder()
                .referralId("r1")
                .to(Referral.Status.ACCEPTED)
                .etag("\"1\"");
        TransitionRequest first = b.build();
        TransitionRequest second = b.etag("\"2\"").build();
        assertThat(first.etag()).isEqualTo("\"1\"");
        assertThat(second.etag()).isEqualTo("\"2\"");
    }
}
