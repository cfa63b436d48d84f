package org.linkway.validation.checks;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared assertion that a problem message is fit to show to a developer as one sentence. */
final class Sentences {

    private Sentences() {}

    static void assertIsOneSentence(String message) {
        assertThat(message).isNotBlank().doesNotContain("\n", "\r", ". ").doesNotEndWith(".");
        assertThat(message.trim()).isEqualTo(message);
    }
}
