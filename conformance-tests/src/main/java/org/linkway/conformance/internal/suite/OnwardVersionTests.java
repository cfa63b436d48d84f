package org.linkway.conformance.internal.suite;

import static org.linkway.conformance.Profile.PROVIDER;
import static org.linkway.conformance.internal.TestCase.shall;

import java.util.List;
import org.linkway.conformance.internal.Ctx;
import org.linkway.conformance.internal.Http;
import org.linkway.conformance.internal.Journey;
import org.linkway.conformance.internal.TestCase;

/**
 * An onward referral is versioned like a referral: a provider's system that read it, while the
 * link worker's side moved it on, must not overwrite that move with its stale copy.
 */
final class OnwardVersionTests {

    private OnwardVersionTests() {}

    static List<TestCase> tests() {
        return List.of(shall(
                "PR-08",
                PROVIDER,
                "An onward-referral transition with a stale If-Match is refused with 412 and changes nothing",
                List.of("LW-PRV-008"),
                OnwardVersionTests::staleIfMatch));
    }

    static void staleIfMatch(Ctx ctx) {
        String path = ProviderTests.reach(ctx, "sent");
        String stale = Journey.etag(ctx, path);
        Journey.move(ctx, path, "accepted", null);
        // a move the lifecycle allows from the current state, so only the version is wrong
        Http.Answer a =
                ctx.http("provider").postJson(path + "/transitions", "{\"to\":\"attended\"}", "If-Match", stale);
        ctx.check(a.status() == 412, "a stale If-Match on %s was not refused with 412: %s", path, a.describeWithBody());
        String status = ctx.http().get(path).json().path("status").asString("");
        ctx.check("accepted".equals(status), "after the refused move %s is '%s', not accepted", path, status);
    }
}
