package org.linkway.signature;

import java.util.List;
import org.linkway.validation.Finding;
import org.linkway.validation.Severity;

/** Whether a signature holds, which key made it and with which algorithm, and findings when it does not. */
public record SignatureVerification(boolean valid, String keyId, String algorithm, List<Finding> findings) {

    /** Rule id of the findings when a signature does not hold. */
    public static final String RULE = "LW-SIGNATURE-INVALID";

    public SignatureVerification {
        findings = List.copyOf(findings);
    }

    /** Not valid, for the one reason given. */
    public static SignatureVerification invalid(String message) {
        return new SignatureVerification(
                false, null, null, List.of(new Finding(Severity.ERROR, RULE, "", "", message)));
    }
}
