package org.linkway.fhir;

import java.util.List;
import java.util.Optional;
import org.linkway.model.MessageType;
import org.linkway.validation.Finding;
import org.linkway.validation.Severity;

/**
 * The outcome of reading a FHIR Bundle as a Linkway message: the message when nothing stood in
 * the way, and every finding. Findings about the FHIR input carry a FHIR path (for example
 * {@code Bundle.entry[2].resource.identifier[0].value}) in {@link Finding#pointer()}; findings
 * from validating the converted Linkway message carry its JSON pointer, as the validator gives them.
 *
 * @param <T> the Linkway type asked for ({@code Object} when any message type is accepted)
 */
public final class FhirReadResult<T> {

    private final MessageType messageType;
    private final T message;
    private final List<Finding> findings;

    FhirReadResult(MessageType messageType, T message, List<Finding> findings) {
        this.messageType = messageType;
        this.message = message;
        this.findings = List.copyOf(findings);
    }

    /** The Linkway message type the Bundle was recognised as, if any. */
    public Optional<MessageType> messageType() {
        return Optional.ofNullable(messageType);
    }

    /** The converted message: present only when there were no error findings (never half-converted). */
    public Optional<T> message() {
        return Optional.ofNullable(message);
    }

    public List<Finding> findings() {
        return findings;
    }

    public boolean isValid() {
        return findings.stream().noneMatch(Finding::isError);
    }

    public List<Finding> bySeverity(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    @Override
    public String toString() {
        return (isValid() ? "converted" : "not converted")
                + (messageType == null ? "" : " " + messageType.resourceType())
                + (findings.isEmpty()
                        ? ""
                        : ":\n  "
                                + String.join(
                                        "\n  ",
                                        findings.stream().map(Finding::toString).toList()));
    }
}
