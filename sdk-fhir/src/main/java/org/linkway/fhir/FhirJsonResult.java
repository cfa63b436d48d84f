package org.linkway.fhir;

import java.util.List;
import java.util.Optional;
import org.linkway.validation.Finding;

/**
 * A conversion to JSON text (FHIR or Linkway): the text when the input could be converted, and
 * the findings met on the way.
 *
 * @param json     the converted JSON, or null when an error finding stopped the conversion
 * @param findings every finding, errors first or not
 */
public record FhirJsonResult(String json, List<Finding> findings) {

    public FhirJsonResult {
        findings = List.copyOf(findings);
    }

    public Optional<String> output() {
        return Optional.ofNullable(json);
    }

    public boolean isValid() {
        return json != null && findings.stream().noneMatch(Finding::isError);
    }
}
