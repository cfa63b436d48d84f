package org.linkway.server;

import java.util.HashSet;
import java.util.Set;
import org.linkway.server.ConsentLedgerContract.Decision;
import org.linkway.server.ConsentLedgerContract.Journey;
import org.linkway.server.ConsentLedgerContract.Named;
import org.linkway.server.ConsentLedgerContract.OnwardNames;
import org.linkway.server.ConsentLedgerContract.Party;

/**
 * What consent should allow, written as plainly as possible: fold the decisions in the order they
 * were recorded, the last one that reaches a party wins. Nothing here is shared with the server.
 */
final class ConsentModel {

    private final Journey journey;
    /** Every identifier the walking group is known by in this referral. */
    private final Set<String> provider = new HashSet<>();

    ConsentModel(Journey journey) {
        this.journey = journey;
        provider.addAll(ids(
                journey.onward() == OnwardNames.BOTH
                        ? Named.BOTH
                        : journey.onward() == OnwardNames.ODS ? Named.ODS : Named.CHARITY));
        // a decision naming both identifiers says they are one organisation
        if (journey.decisions().stream().anyMatch(d -> d.named() == Named.BOTH)) {
            provider.addAll(ids(Named.BOTH));
        }
    }

    /** Whether this party's token is the onward referral's provider. */
    boolean provider(Party p) {
        return switch (p) {
            case PROVIDER_BY_ODS -> provider.contains(ConsentLedgerContract.PROVIDER_ODS);
            case PROVIDER_BY_CHARITY -> provider.contains(ConsentLedgerContract.PROVIDER_CHARITY);
            default -> false;
        };
    }

    boolean providerCovered() {
        boolean covered = false;
        for (Decision d : journey.decisions()) {
            boolean named = d.named() == Named.NONE || ids(d.named()).stream().anyMatch(provider::contains);
            boolean applies = d.scope().isEmpty() ? withdraws(d) : d.scope().contains("onward-provider") && named;
            if (!applies) {
                continue;
            }
            switch (d.decision()) {
                case "withdrawn", "refused" -> covered = false;
                case "given" -> covered = !d.expired();
                default -> covered = covered || !d.expired();
            }
        }
        return covered;
    }

    /** The referrer ({@code referrer}), the GP practice ({@code gp}): shared with until a decision reaching them says otherwise. */
    boolean covered(String scope) {
        boolean covered = true;
        for (Decision d : journey.decisions()) {
            boolean reaches = d.scope().isEmpty() ? withdraws(d) : d.scope().contains(scope);
            if (!reaches) {
                continue;
            }
            switch (d.decision()) {
                case "withdrawn", "refused" -> covered = false;
                case "given" -> covered = !d.expired();
                default -> {}
            }
        }
        return covered;
    }

    /** Whether a party receives an event (feed or webhook) about a resource of this type, now. */
    private static final Set<String> SERVICE_ONLY = Set.of("Assignment", "Episodes");

    boolean receives(Party p, String resourceType) {
        boolean onward = "OnwardReferral".equals(resourceType);
        return switch (p) {
            case LINK_WORKER_SERVICE -> true;
            // who holds the referral and the person's other referrals are the service's own (EventDisclosure)
            case REFERRER_ORG -> !SERVICE_ONLY.contains(resourceType) && covered("referrer");
            case GP_PRACTICE, STRANGER_ORG, OTHER_CHARITY -> false;
            case PROVIDER_BY_ODS, PROVIDER_BY_CHARITY -> onward && provider(p) && providerCovered();
            case UNNAMED ->
                onward ? providerCovered() : journey.decisions().stream().noneMatch(ConsentModel::withdraws);
        };
    }

    private static boolean withdraws(Decision d) {
        return d.scope().isEmpty()
                && (d.decision().equals("withdrawn") || d.decision().equals("refused"));
    }

    private static Set<String> ids(Named named) {
        return switch (named) {
            case ODS -> Set.of(ConsentLedgerContract.PROVIDER_ODS);
            case CHARITY -> Set.of(ConsentLedgerContract.PROVIDER_CHARITY);
            case BOTH -> Set.of(ConsentLedgerContract.PROVIDER_ODS, ConsentLedgerContract.PROVIDER_CHARITY);
            case OTHER -> Set.of(ConsentLedgerContract.OTHER_PROVIDER);
            case NONE -> Set.of();
        };
    }
}
