package org.linkway.signature;

import java.util.List;
import org.linkway.validation.Finding;

/**
 * A detached JWS made over a message ({@code header..signature}, the message itself left out),
 * or findings saying why none was made.
 */
public record DetachedSignature(String jws, List<Finding> findings) {

    /** Rule id of the findings when a message cannot be signed. */
    public static final String RULE = "LW-SIGNATURE-SIGN";

    public DetachedSignature {
        findings = List.copyOf(findings);
    }

    public boolean isOk() {
        return jws != null && findings.isEmpty();
    }
}
