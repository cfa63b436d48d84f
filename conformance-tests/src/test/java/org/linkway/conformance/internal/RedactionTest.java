package org.linkway.conformance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The redaction rule of the reports, on the example referral's kind of data. */
class RedactionTest {

    private final Redaction redaction = new Redaction(Set.of("sekret-token-123"));

    @Test
    void personal_fields_free_text_and_patterns_are_redacted_codes_and_ids_are_kept() {
        String body = "{\"id\":\"7f1c\",\"status\":\"received\",\"personDemographics\":{\"nhsNumber\":\"9992174439\","
                + "\"dateOfBirth\":\"1948-07-19\",\"name\":{\"fullName\":\"Mrs Maureen Ashdown\"},"
                + "\"address\":{\"postcode\":\"NR7 4QX\"},\"sex\":\"2\"},"
                + "\"reason\":\"Lives alone at NR7 4QX since her husband died\",\"code\":\"RX9E2\","
                + "\"note\":\"call 07700 900318 or maureen@example.com, NHS 999 217 4439\"}";
        String kept = redaction.body(body);
        assertThat(kept)
                .doesNotContain("9992174439", "1948-07-19", "Maureen", "Ashdown", "NR7 4QX", "07700", "example.com")
                .doesNotContain("since her husband")
                .contains("\"id\":\"7f1c\"", "\"status\":\"received\"", "\"code\":\"RX9E2\"", "\"sex\":\"2\"");
    }

    @Test
    void problem_documents_keep_what_was_wrong_but_not_the_numbers_in_it() {
        String kept = redaction.body(
                "{\"type\":\"https://linkway.org/problems/invalid\",\"title\":\"The message breaks the standard\","
                        + "\"detail\":\"NHS number 9992174430 has a wrong check digit\"}");
        assertThat(kept)
                .contains("The message breaks the standard", "has a wrong check digit")
                .doesNotContain("9992174430");
    }

    @Test
    void tokens_never_show_in_headers_bodies_or_text() {
        Map<String, List<String>> headers = redaction.headers(
                Map.of("Authorization", List.of("Bearer sekret-token-123"), "X-Echo", List.of("sekret-token-123")));
        assertThat(headers.toString()).doesNotContain("sekret-token-123");
        assertThat(redaction.text("sent sekret-token-123")).doesNotContain("sekret-token-123");
        assertThat(redaction.body("echo sekret-token-123")).doesNotContain("sekret-token-123");
    }

    @Test
    void failure_messages_quoting_json_lose_personal_members() {
        String kept =
                redaction.text("referral #1 reads back differently at /x\n  sent: {\"familyNames\":[\"Kowalczyk\"],"
                        + "\"preferredName\":\"Paul\",\"text\":\"Met at the library\"}");
        assertThat(kept).doesNotContain("Paul", "Met at the library").contains("reads back differently at /x");
    }

    @Test
    void long_bodies_are_clipped_saying_so() {
        String kept = redaction.body("x".repeat(Redaction.CLIP + 10));
        assertThat(kept).startsWith("x".repeat(100)).contains("clipped: the first 8192 of 8202 characters shown");
    }
}
