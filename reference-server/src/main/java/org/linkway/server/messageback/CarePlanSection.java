package org.linkway.server.messageback;

import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * PRSB "Care and support plan": the latest version agreed with the person or their legitimate
 * representative. A later draft the person has not agreed is not what was decided with them,
 * so it is not sent; with no agreed version the section is left out.
 */
final class CarePlanSection {

    private CarePlanSection() {}

    static Optional<ObjectNode> of(JourneyRecords records) {
        return records.latestAgreedCarePlan()
                .map(v -> (ObjectNode) v.path("careAndSupportPlan").deepCopy());
    }
}
