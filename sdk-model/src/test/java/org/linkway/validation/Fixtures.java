package org.linkway.validation;

import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.node.ObjectNode;

/** Small messages the tests start from and then break one way at a time. */
final class Fixtures {

    private Fixtures() {}

    /** The least a valid referral can carry (invented person; NHS number from the 999 test range). */
    static final String MINIMAL_REFERRAL = """
            {
              "resourceType": "Referral",
              "schemaVersion": "1.0.0",
              "prsbVersion": "1.1",
              "personDemographics": {
                "name": {"firstNames": ["Ada"], "familyNames": ["Thornbury"]},
                "dateOfBirth": "1958-04-17",
                "nhsNumber": "9990000018"
              },
              "gpPractice": {"entries": [{"gpPracticeIdentifier": "Y12345"}]},
              "consent": {"consentForInformationSharing": "Agreed verbally to share with the link worker service and GP."},
              "referralDetails": {"entries": [{
                "date": "2026-10-02",
                "referrerDetails": {
                  "name": "Dr Priya Okafor",
                  "service": {"text": "General practice"},
                  "organisation": {"code": "Y1234", "text": "Riverside Surgery"},
                  "contactDetails": "01632 960123"
                },
                "referralTo": {"service": {"text": "Social prescribing link worker service"}}
              }]},
              "risks": {"entries": [{"risk": {"text": "No known risks"}}]}
            }
            """;

    static ObjectNode minimalReferral() {
        return (ObjectNode) LinkwayJson.mapper().readTree(MINIMAL_REFERRAL);
    }
}
