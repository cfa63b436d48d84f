package org.linkway.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The parties the kit plays, and how it learns their ODS codes: given, or read from their tokens. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class KitConfigTest {

    static String jwt(String claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    static KitConfig.Builder base() {
        return KitConfig.builder("http://127.0.0.1:8080")
                .profile(Profile.FEEDBACK)
                .token("default-token");
    }

    @Test
    void the_gp_practice_code_is_read_from_the_org_claim_of_its_token() {
        KitConfig c = base().token(KitConfig.GP_PRACTICE_ROLE, jwt("{\"org\":\"Y03146\",\"role\":\"referrer\"}"))
                .build();
        assertThat(c.gpPracticeCode()).contains("Y03146");
    }

    @Test
    void a_given_code_wins_and_a_token_that_is_no_jwt_gives_none() {
        assertThat(base().token(KitConfig.GP_PRACTICE_ROLE, jwt("{\"org\":\"Y03146\"}"))
                        .gpPracticeCode("A81001")
                        .build()
                        .gpPracticeCode())
                .contains("A81001");
        assertThat(base().token(KitConfig.GP_PRACTICE_ROLE, "opaque-token")
                        .build()
                        .gpPracticeCode())
                .isEmpty();
        assertThat(base().token(KitConfig.GP_PRACTICE_ROLE, jwt("{\"sub\":\"no org\"}"))
                        .build()
                        .gpPracticeCode())
                .isEmpty();
        assertThat(base().token(KitConfig.GP_PRACTICE_ROLE, "a.%%%.c").build().gpPracticeCode())
                .isEmpty();
        assertThat(base().referrerCode("RX9E2").build().referrerCode()).contains("RX9E2");
    }

    @Test
    void the_gp_practice_and_another_organisation_never_borrow_the_default_token_but_the_referrer_does() {
        KitConfig c = base().build();
        assertThat(c.token(KitConfig.GP_PRACTICE_ROLE)).isEmpty();
        assertThat(c.token(KitConfig.OTHER_ORG_ROLE)).isEmpty();
        assertThat(c.token(KitConfig.REFERRER_ROLE)).contains("default-token");
        assertThat(c.ownToken(KitConfig.REFERRER_ROLE)).isEmpty();
        assertThat(c.gpPracticeCode()).isEmpty();
        assertThat(c.referrerCode())
                .as("the default token is not the referrer's")
                .isEmpty();
    }

    @Test
    void a_code_that_is_no_ods_code_is_a_set_up_error_naming_the_option() {
        assertThatThrownBy(() -> base().gpPracticeCode("y03146"))
                .isInstanceOf(KitSetupException.class)
                .hasMessageContaining("--gp-practice-code");
        assertThatThrownBy(() -> base().referrerCode(""))
                .isInstanceOf(KitSetupException.class)
                .hasMessageContaining("--referrer-code");
    }
}
