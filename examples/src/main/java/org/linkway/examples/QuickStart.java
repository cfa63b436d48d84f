package org.linkway.examples;

import java.util.concurrent.Callable;

import org.linkway.client.Event;
import org.linkway.client.LinkwayClient;
import org.linkway.client.ReferralQuery;
import org.linkway.client.ReferralResource;
import org.linkway.client.TokenProvider;
import org.linkway.client.Versioned;
import org.linkway.model.MessageBack;
import org.linkway.model.Referral;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The README's quick start, kept here so it compiles and runs in CI: a link worker takes the
 * first waiting referral through to its message back. The lines between the markers are
 * copied into README.md, and a test fails if the two differ.
 */
@Command(name = "quick-start", mixinStandardHelpOptions = true, description = "The README's quick start with the client.")
public final class QuickStart implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    public static void main(String[] args) {
        System.exit(new CommandLine(new QuickStart()).execute(args));
    }

    @Override
    public Integer call() {
        run(server.url(), server.token());
        return 0;
    }

    /** Returns the message back, for the test. */
    public static MessageBack run(String url, String token) {
        // README quick start begin
        LinkwayClient client = LinkwayClient.builder()
                .baseUrl(url)                                // e.g. http://127.0.0.1:8080
                .tokenProvider(TokenProvider.of(token))      // the link-worker token a --dev server prints
                .build();                                    // immutable and thread-safe: one per server

        // the referrals waiting for this link worker service (pages are fetched as you iterate)
        Referral waiting = client.referrals().list(ReferralQuery.builder().status(Referral.Status.RECEIVED).build())
                .stream().findFirst().orElseThrow(() -> new IllegalStateException("no referral is waiting"));
        ReferralResource referral = client.referral(waiting.getId());
        System.out.println("Referral for " + waiting.getPersonDemographics().getName().getFirstNames());

        // each move is a transition guarded by the ETag you last read (If-Match): no lost updates
        Versioned<Referral> read = referral.get();
        Versioned<Referral> accepted = referral.transition(Referral.Status.ACCEPTED, null, read.etag());
        Versioned<Referral> working = referral.transition(Referral.Status.IN_PROGRESS, null, accepted.etag());

        // contacts, consents, the care plan, assessments, onward referrals: see examples/
        referral.transition(Referral.Status.COMPLETED, "Joined a walking group", working.etag());

        // closing issues the PRSB message back to the GP practice and the referrer
        MessageBack back = referral.messageBack().value();
        System.out.println(back.getOutcome() + ": " + back.getClinicalSummary().getClinicalSummary());

        // every change is an event too: read them from where you stopped, no public endpoint needed
        for (Event event : client.events().list(0, 10).items()) {
            System.out.println(event.sequence() + " " + event.type() + " " + event.referralId());
        }
        // README quick start end
        return back;
    }
}
