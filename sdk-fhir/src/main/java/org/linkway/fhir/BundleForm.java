package org.linkway.fhir;

/**
 * Which FHIR exchange style a Bundle is written for. Both come from the same model and carry the
 * same correlation ids, so either side can match a status or a message back to its referral.
 */
public enum BundleForm {
    /** {@code Bundle.type = transaction}: POSTed to a shared FHIR server (Task polling or subscriptions). */
    TRANSACTION,
    /** {@code Bundle.type = message} with a MessageHeader first: pushed to the receiver (as BaRS and BSeR do). */
    MESSAGE
}
