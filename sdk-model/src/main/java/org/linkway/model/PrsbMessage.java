package org.linkway.model;

/**
 * What every Linkway message has in common: the two PRSB messages (Referral, Message back) and
 * the journey's records. {@code MessageValidator} takes this type rather than {@code Object},
 * so the compiler checks that a message built in code is one of ours.
 *
 * <p>A new builder fills in {@code resourceType}, {@code schemaVersion} and {@code prsbVersion};
 * a message read from JSON carries whatever was sent, which the validator checks.
 */
public sealed interface PrsbMessage
        permits Referral,
                MessageBack,
                Consent,
                CarePlan,
                Assessment,
                OnwardReferral,
                Signpost,
                ContactRecord,
                HospitalDischarge {

    /**
     * The kind of message as written in JSON, e.g. {@code Referral}.
     *
     * @return the value, or null when a message read from JSON had none
     */
    String getResourceType();

    /**
     * The version of the Linkway schemas the message follows, e.g. {@code 1.0.0}.
     *
     * @return the value, or null when a message read from JSON had none
     */
    String getSchemaVersion();

    /**
     * The PRSB standard release the content follows ({@code 1.1}).
     *
     * @return the value, or null when a message read from JSON had none
     */
    String getPrsbVersion();

    /**
     * Which message this is, by its Java type (not by the {@code resourceType} member, which a
     * message read from JSON may lack).
     *
     * @return the message type
     */
    default MessageType messageType() {
        return MessageType.of(getClass()).orElseThrow();
    }
}
