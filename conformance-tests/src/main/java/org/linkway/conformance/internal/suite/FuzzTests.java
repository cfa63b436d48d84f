package org.linkway.conformance.internal.suite;

import static org.linkway.conformance.Profile.REFERRAL_RECEIVER;
import static org.linkway.conformance.internal.TestCase.shall;

import java.util.List;
import org.linkway.conformance.internal.Ctx;
import org.linkway.conformance.internal.Http;
import org.linkway.conformance.internal.TestCase;
import org.linkway.validation.MessageValidator;
import org.linkway.validation.ValidationResult;
import tools.jackson.databind.node.ObjectNode;

/**
 * Property-based fuzzing over HTTP: generated valid referrals must be accepted and read back
 * unchanged; single-edit mutations must be answered with 4xx, never 5xx, and never accepted
 * when the standard's validator refuses them. Bounded by {@code --fuzz-tries}.
 */
final class FuzzTests {

    private FuzzTests() {}

    static List<TestCase> tests() {
        return List.of(
                shall(
                        "RR-30",
                        REFERRAL_RECEIVER,
                        "Generated valid referrals are accepted and read back unchanged",
                        List.of("LW-REF-030", "LW-REF-001", "LW-REF-002"),
                        FuzzTests::validAccepted),
                shall(
                        "RR-31",
                        REFERRAL_RECEIVER,
                        "Mutated referrals are answered with 4xx, never 5xx, never accepted when invalid",
                        List.of("LW-REF-031"),
                        FuzzTests::mutatedRefused));
    }

    static void validAccepted(Ctx ctx) {
        sendValid(ctx);
    }

    static void mutatedRefused(Ctx ctx) {
        sendMutated(ctx);
    }

    private static void sendValid(Ctx ctx) {
        GeneratedReferrals gen = new GeneratedReferrals(ctx.config().seed());
        MessageValidator validator = MessageValidator.create();
        int sent = 0;
        for (int attempt = 0;
                sent < ctx.config().fuzzTries() && attempt < ctx.config().fuzzTries() * 4;
                attempt++) {
            ObjectNode referral = gen.nextValidCandidate();
            if (!validator.validate(referral.toString()).isValid()) {
                continue;
            }
            sent++;
            Http.Answer created = ctx.http().postJson("/v1/referrals", referral.toString());
            ctx.check(
                    created.status() == 201,
                    "generated referral #%d (seed %d) refused: %s%n  sent: %s",
                    sent,
                    ctx.config().seed(),
                    created.describeWithBody(),
                    referral);
            int n = sent;
            ctx.requirement("LW-REF-001", () -> {
                String id = created.json().path("id").asString("");
                ctx.check(
                        created.header("Location") != null
                                && created.header("Location").endsWith("/v1/referrals/" + id)
                                && created.header("ETag") != null
                                && "received"
                                        .equals(created.json().path("status").asString("")),
                        "generated referral #%d (seed %d): %s has no Location naming it, no ETag or a status other "
                                + "than received",
                        n,
                        ctx.config().seed(),
                        created.describe());
            });
            Http.Answer read = ctx.about(
                    "LW-REF-002",
                    () -> ctx.expect(
                            ctx.http()
                                    .get("/v1/referrals/"
                                            + created.json().path("id").asString()),
                            200));
            String at = Diff.firstDifference(referral, read.json(), "");
            ctx.check(
                    "LW-REF-002",
                    at == null,
                    "generated referral #%d (seed %d) reads back differently at %s%n  sent: %s",
                    sent,
                    ctx.config().seed(),
                    at,
                    referral);
        }
        ctx.check(
                sent > 0,
                "the generator made no valid referral (seed %d)",
                ctx.config().seed());
    }

    private static void sendMutated(Ctx ctx) {
        GeneratedReferrals gen = new GeneratedReferrals(ctx.config().seed() + 1);
        MessageValidator validator = MessageValidator.create();
        int tries = 0;
        for (int attempt = 0;
                tries < ctx.config().fuzzTries() && attempt < ctx.config().fuzzTries() * 4;
                attempt++) {
            ObjectNode base = gen.nextValidCandidate();
            if (!validator.validate(base.toString()).isValid()) {
                continue;
            }
            tries++;
            String mutated = gen.mutate(base);
            ValidationResult local = validator.validate(mutated);
            Http.Answer a = ctx.http().postJson("/v1/referrals", mutated);
            ctx.check(
                    a.status() < 500,
                    "mutated referral #%d (seed %d): %s%n  sent: %s",
                    tries,
                    ctx.config().seed(),
                    a.describeWithBody(),
                    mutated);
            ctx.check(
                    local.isValid() || (a.status() >= 400 && a.status() < 500),
                    "mutated referral #%d (seed %d) breaks %s but was accepted: %s%n  sent: %s",
                    tries,
                    ctx.config().seed(),
                    local.errors().isEmpty() ? "?" : local.errors().get(0).ruleId(),
                    a.describe(),
                    mutated);
        }
    }
}
