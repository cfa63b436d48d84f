package org.linkway.conformance.broken;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import org.linkway.conformance.ConformanceSuite;
import org.linkway.conformance.DevAdmin;
import org.linkway.conformance.KitConfig;
import org.linkway.conformance.Outcome;
import org.linkway.conformance.Profile;
import org.linkway.conformance.SuiteResult;
import org.linkway.conformance.TestResult;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.LinkwayServer;
import tools.jackson.databind.node.ObjectNode;

/** The kit run for one broken variant: only the named tests, through a proxy breaking the reference server one way. */
final class KitRun {

    private KitRun() {}

    /** Runs {@code ids} of {@code profile} against {@code server} behind {@code breakage}, on the admin's token. */
    static SuiteResult through(LinkwayServer server, BreakingProxy.Breakage breakage, Profile profile, String... ids) {
        try (BreakingProxy proxy =
                new BreakingProxy("http://127.0.0.1:" + server.port(), DevAdmin.token(server), breakage)) {
            return ConformanceSuite.run(KitConfig.builder(proxy.url())
                    .profiles(EnumSet.of(profile))
                    .only(List.of(ids))
                    .build());
        }
    }

    /** As {@link #through(LinkwayServer, BreakingProxy.Breakage, Profile, String...)}, on another token (a link worker's, say). */
    static SuiteResult through(
            LinkwayServer server, String token, BreakingProxy.Breakage breakage, Profile profile, String... ids) {
        try (BreakingProxy proxy = new BreakingProxy("http://127.0.0.1:" + server.port(), token, breakage)) {
            return ConformanceSuite.run(KitConfig.builder(proxy.url())
                    .token(token) // the kit reads its claims (the caseload is its subject's); the proxy sends it on
                    .profiles(EnumSet.of(profile))
                    .only(List.of(ids))
                    .build());
        }
    }

    /** The outcomes of test {@code id} in {@code result}. */
    static List<Outcome> outcomes(SuiteResult result, String id) {
        return result.results().stream()
                .filter(r -> r.id().equals(id))
                .map(TestResult::outcome)
                .toList();
    }

    /** The reply with its JSON object body changed by {@code change}. */
    static BreakingProxy.Reply withJson(BreakingProxy.Reply reply, Consumer<ObjectNode> change) {
        ObjectNode body = (ObjectNode) LinkwayJson.mapper().readTree(reply.body());
        change.accept(body);
        return new BreakingProxy.Reply(
                reply.status(),
                reply.headers(),
                LinkwayJson.mapper().writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    }
}
