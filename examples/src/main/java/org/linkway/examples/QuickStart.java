package org.linkway.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.linkway.client.Event;
import org.linkway.client.LinkwayClient;
import org.linkway.client.ReferralResource;
import org.linkway.client.TokenProvider;
import org.linkway.client.TransitionRequest;
import org.linkway.model.MessageBack;
import org.linkway.model.Referral;
import org.linkway.model.json.LinkwayJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

/**
 * The README's quick start, kept here so it compiles and runs in CI: the closed loop. A GP
 * practice refers as itself (its own referrer token, its ODS code in the referral), the link
 * worker service takes the referral to its end, and the practice reads the message back with
 * its own token. The lines between the markers are copied into README.md, and a test fails if
 * the two differ.
 */
@Command(
        name = "quick-start",
        mixinStandardHelpOptions = true,
        description = "The README's quick start with the client.")
public final class QuickStart implements Callable<Integer> {

    /** The example GP referral: Larkmead Medical Practice, ODS code Y03146, refers Maureen Ashdown. */
    static final String EXAMPLE_REFERRAL = "schemas/examples/valid/referral--full-gp-loneliness.json";

    @Mixin
    ServerOptions server;

    @Option(
            names = "--link-worker-token",
            required = true,
            description =
                    "The link worker service's token (a --dev server prints one for 8EC41); --token is the GP practice's.")
    String linkWorkerToken;

    @Option(
            names = "--referral",
            defaultValue = EXAMPLE_REFERRAL,
            description = "The referral the practice sends (default: ${DEFAULT-VALUE}).")
    Path referralFile;

    public static void main(String[] args) {
        System.exit(new CommandLine(new QuickStart()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        run(server.url(), server.token(), linkWorkerToken, referralFrom(referralFile));
        return 0;
    }

    /** A referral from a file, without the id and status a server assigns. */
    static Referral referralFrom(Path file) throws IOException {
        ObjectNode doc = (ObjectNode) LinkwayJson.mapper().readTree(Files.readString(file));
        doc.remove(List.of("id", "status"));
        return LinkwayJson.mapper().treeToValue(doc, Referral.class);
    }

    /** Returns the message back, for the test. */
    public static MessageBack run(String url, String practiceToken, String linkWorkerToken, Referral referral) {
        // README quick start begin
        // one client per organisation, each with its own token (a --dev server prints both); immutable, thread-safe
        LinkwayClient practice = LinkwayClient.builder()
                .baseUrl(url) // e.g. http://127.0.0.1:8080
                .tokenProvider(TokenProvider.of(practiceToken))
                .build(); // referrer: GP practice Y03146
        LinkwayClient linkWorker = LinkwayClient.builder()
                .baseUrl(url)
                .tokenProvider(TokenProvider.of(linkWorkerToken))
                .build(); // link worker service 8EC41
        // the practice refers as itself: its ODS code in the referral (Y03146), its own token on the request
        String id = practice.referrals().create(referral).value().getId();
        System.out.println("Referred " + id);
        // the link worker service moves it on, each move guarded by the last ETag (contacts, plans...: examples/)
        ReferralResource atTheService = linkWorker.referral(id);
        var accepted = atTheService.transition(
                Referral.Status.ACCEPTED, atTheService.get().etag());
        var working = atTheService.transition(Referral.Status.IN_PROGRESS, accepted.etag());
        atTheService.transition(TransitionRequest.builder()
                .to(Referral.Status.COMPLETED)
                .etag(working.etag())
                .reason("Joined a walking group")
                .gpActions("Please note her weekly walks at her next review")
                .build());
        // closing issues the PRSB message back; the practice reads it with its own token, to file it
        MessageBack back = practice.referral(id).messageBack().value();
        System.out.println(back.getOutcome() + ": " + back.getClinicalSummary().getClinicalSummary());
        // every change is an event too: read them from where you stopped, no public endpoint needed
        for (Event event : practice.events().list(0, 10).items()) {
            System.out.println(event.sequence() + " " + event.type() + " " + event.referralId());
        }
        // README quick start end
        return back;
    }
}
