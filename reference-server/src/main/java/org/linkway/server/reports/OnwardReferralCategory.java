package org.linkway.server.reports;

import java.util.Optional;

/**
 * The maintained code list of onward-referral destinations by category of organisation, so
 * commissioners can see where people go without every VCSE being named. A sender codes an
 * onward referral's {@code referral.referralTo.service.coding} with {@link #SYSTEM} and one of
 * these codes; anything else counts as {@code uncategorised}.
 */
public enum OnwardReferralCategory {
    INFORMATION_ADVICE_GUIDANCE("information-advice-guidance", "Information, advice and guidance"),
    DEBT_BENEFITS_HOUSING("debt-benefits-housing", "Debt, benefits and housing advice"),
    PEER_SUPPORT("peer-support", "Peer support and mutual aid"),
    BEFRIENDING_SOCIAL("befriending-social-groups", "Befriending and social groups"),
    PHYSICAL_ACTIVITY("physical-activity", "Physical activity and movement"),
    ARTS_CULTURE("arts-culture", "Arts, creativity and culture"),
    NATURE_GREEN("nature-green", "Nature, gardening and green activities"),
    LEARNING_EMPLOYMENT("learning-employment-volunteering", "Learning, employment and volunteering"),
    CARERS("carers-support", "Support for carers"),
    MENTAL_WELLBEING("mental-wellbeing-services", "Mental wellbeing and talking therapies"),
    HEALTHY_LIFESTYLES("healthy-lifestyles", "Healthy lifestyles (weight, smoking, alcohol)"),
    PRACTICAL_SUPPORT("practical-support", "Practical and home support, transport"),
    STATUTORY("statutory-services", "Statutory services (social care, council)"),
    OTHER("other", "Other"),
    UNCATEGORISED("uncategorised", "Not coded with this list");

    /** The Linkway code system for these categories (see docs/OUTCOMES.md). */
    public static final String SYSTEM = "https://linkway-sp.github.io/linkway/CodeSystem/onward-referral-category";

    private final String code;
    private final String display;

    OnwardReferralCategory(String code, String display) {
        this.code = code;
        this.display = display;
    }

    public String code() {
        return code;
    }

    public String display() {
        return display;
    }

    public static Optional<OnwardReferralCategory> fromCode(String code) {
        for (OnwardReferralCategory c : values()) {
            if (c.code.equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
