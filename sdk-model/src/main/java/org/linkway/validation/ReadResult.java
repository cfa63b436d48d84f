package org.linkway.validation;

import java.util.Optional;

/**
 * A message read from JSON: the validation result, and the typed message when it had no errors.
 *
 * @param <T> the message's Java type
 */
public final class ReadResult<T> {

    private final ValidationResult validation;
    private final T message;

    ReadResult(ValidationResult validation, T message) {
        this.validation = validation;
        this.message = message;
    }

    public ValidationResult validation() {
        return validation;
    }

    /** The message, present only when validation found no errors. */
    public Optional<T> message() {
        return Optional.ofNullable(message);
    }
}
