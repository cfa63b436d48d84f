package org.linkway.model;

import java.util.Optional;

/**
 * The messages and resources Linkway defines, by their {@code resourceType}: the two PRSB
 * messages (Referral, Message back) and the records a social prescribing journey keeps.
 */
public enum MessageType {
    REFERRAL("Referral", "referral.schema.json", Referral.class),
    MESSAGE_BACK("MessageBack", "message-back.schema.json", MessageBack.class),
    CONSENT("Consent", "consent.schema.json", Consent.class),
    CARE_PLAN("CarePlan", "care-plan.schema.json", CarePlan.class),
    ASSESSMENT("Assessment", "assessment.schema.json", Assessment.class),
    ONWARD_REFERRAL("OnwardReferral", "onward-referral.schema.json", OnwardReferral.class),
    SIGNPOST("Signpost", "signpost.schema.json", Signpost.class),
    CONTACT_RECORD("ContactRecord", "contact-record.schema.json", ContactRecord.class),
    /** A Linkway extension, not a PRSB section: the hospital stay a secondary-care referral is about. */
    HOSPITAL_DISCHARGE("HospitalDischarge", "hospital-discharge.schema.json", HospitalDischarge.class);

    /** The schema version this library writes and fully understands. */
    public static final String SCHEMA_VERSION = "1.0.0";
    /** The PRSB standard release the schemas follow. */
    public static final String PRSB_VERSION = "1.1";

    private final String resourceType;
    private final String schemaFile;
    private final Class<? extends PrsbMessage> javaType;

    MessageType(String resourceType, String schemaFile, Class<? extends PrsbMessage> javaType) {
        this.resourceType = resourceType;
        this.schemaFile = schemaFile;
        this.javaType = javaType;
    }

    /** The value of {@code resourceType} in JSON. */
    public String resourceType() {
        return resourceType;
    }

    /** The schema's file name in the schemas module ({@code org/linkway/schemas/json/} on the classpath). */
    public String schemaFile() {
        return schemaFile;
    }

    /** The generated Java type. */
    public Class<? extends PrsbMessage> javaType() {
        return javaType;
    }

    public static Optional<MessageType> fromResourceType(String resourceType) {
        for (MessageType t : values()) {
            if (t.resourceType.equals(resourceType)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public static Optional<MessageType> of(Class<?> javaType) {
        for (MessageType t : values()) {
            if (t.javaType == javaType) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
