package org.linkway.conformance.internal.suite;

import static org.linkway.conformance.Profile.MESSAGE_FORMAT;
import static org.linkway.conformance.internal.TestCase.shall;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.linkway.conformance.internal.Ctx;
import org.linkway.conformance.internal.Journey;
import org.linkway.conformance.internal.TestCase;
import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.MessageValidator;
import org.linkway.validation.ValidationResult;
import tools.jackson.databind.JsonNode;

/**
 * Offline validation: every message the server emitted during the run (and any files given with
 * --messages) is checked with the standard's validator. Runs last, so it sees the whole run.
 */
final class MessageFormatTests {

    private MessageFormatTests() {}

    static List<TestCase> tests() {
        return List.of(
                shall(
                        "MF-01",
                        MESSAGE_FORMAT,
                        "Every message the server emitted validates with no error",
                        List.of("LW-MSG-001"),
                        MessageFormatTests::emittedValid),
                shall(
                        "MF-02",
                        MESSAGE_FORMAT,
                        "Message files given with --messages validate with no error",
                        List.of("LW-MSG-002"),
                        MessageFormatTests::filesValid),
                shall(
                        "MF-03",
                        MESSAGE_FORMAT,
                        "Emitted messages declare schemaVersion 1.x and the PRSB version",
                        List.of("LW-MSG-003"),
                        MessageFormatTests::versions));
    }

    /** What the server emitted in this run; if nothing yet (profile run alone), a small journey to get some. */
    static List<Ctx.Emitted> sample(Ctx ctx) {
        if (ctx.emittedSoFar().isEmpty()) {
            String path = LifecycleTests.reach(ctx, "completed");
            ctx.emitted(
                    "GET /v1/referrals/{id}",
                    ctx.expect(ctx.http().get(path), 200).body());
            ctx.emitted(
                    "GET /v1/referrals/{id}/message-back",
                    ctx.expect(ctx.http().get(path + "/message-back"), 200).body());
            ProviderTests.send(ctx, Journey.referId(ctx));
        }
        return ctx.emittedSoFar();
    }

    static void emittedValid(Ctx ctx) {
        MessageValidator validator = MessageValidator.create();
        List<String> bad = new ArrayList<>();
        List<Ctx.Emitted> sample = sample(ctx);
        for (Ctx.Emitted e : sample) {
            ValidationResult r = validator.validate(e.body());
            if (!r.isValid()) {
                bad.add(e.where() + ": " + r.errors());
            }
        }
        ctx.check(
                bad.isEmpty(),
                "%d of %d emitted messages are invalid; first: %s",
                bad.size(),
                sample.size(),
                bad.isEmpty() ? "" : bad.get(0));
    }

    static void filesValid(Ctx ctx) {
        if (ctx.config().messageFiles().isEmpty()) {
            throw ctx.skip("no message files given (--messages)");
        }
        MessageValidator validator = MessageValidator.create();
        for (Path p : ctx.config().messageFiles()) {
            try {
                ValidationResult r = validator.validate(Files.readAllBytes(p));
                ctx.check(r.isValid(), "%s is invalid: %s", p, r.errors());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p, e);
            }
        }
    }

    static void versions(Ctx ctx) {
        for (Ctx.Emitted e : sample(ctx)) {
            JsonNode m = LinkwayJson.mapper().readTree(e.body());
            ctx.check(
                    m.path("schemaVersion").asString("").startsWith("1."),
                    "%s: schemaVersion is '%s'",
                    e.where(),
                    m.path("schemaVersion").asString(""));
            ctx.check(!m.path("prsbVersion").asString("").isEmpty(), "%s: no prsbVersion", e.where());
        }
    }
}
