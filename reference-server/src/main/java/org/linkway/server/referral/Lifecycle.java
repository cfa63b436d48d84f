package org.linkway.server.referral;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The referral journey: received → accepted → in-progress → completed, with rejected,
 * declined and unable-to-contact as the other endings and cancelled from any open state.
 */
public enum Lifecycle {
    RECEIVED("received"),
    ACCEPTED("accepted"),
    REJECTED("rejected"),
    IN_PROGRESS("in-progress"),
    DECLINED("declined"),
    UNABLE_TO_CONTACT("unable-to-contact"),
    COMPLETED("completed"),
    CANCELLED("cancelled");

    private static final Map<Lifecycle, EnumSet<Lifecycle>> NEXT = new EnumMap<>(Lifecycle.class);

    static {
        NEXT.put(RECEIVED, EnumSet.of(ACCEPTED, REJECTED, CANCELLED));
        NEXT.put(ACCEPTED, EnumSet.of(IN_PROGRESS, DECLINED, UNABLE_TO_CONTACT, CANCELLED));
        NEXT.put(IN_PROGRESS, EnumSet.of(COMPLETED, CANCELLED));
        for (Lifecycle closed : EnumSet.of(REJECTED, DECLINED, UNABLE_TO_CONTACT, COMPLETED, CANCELLED)) {
            NEXT.put(closed, EnumSet.noneOf(Lifecycle.class));
        }
    }

    private final String code;

    Lifecycle(String code) {
        this.code = code;
    }

    /** The state as JSON writes it. */
    public String code() {
        return code;
    }

    public Set<Lifecycle> next() {
        return EnumSet.copyOf(NEXT.get(this));
    }

    public boolean canMoveTo(Lifecycle to) {
        return NEXT.get(this).contains(to);
    }

    /** Open states can still change; closed ones are endings and produce the message back. */
    public boolean isOpen() {
        return !NEXT.get(this).isEmpty();
    }

    /** Endings that need a reason recorded: the referrer and GP will want to know why. */
    public boolean needsReason() {
        return this == REJECTED || this == DECLINED || this == UNABLE_TO_CONTACT || this == CANCELLED;
    }

    /** Endings the referrer and GP are told about; a cancelled referral was withdrawn by its referrer or entered in error. */
    public boolean sendsMessageBack() {
        return this == COMPLETED || this == DECLINED || this == UNABLE_TO_CONTACT || this == REJECTED;
    }

    public static Optional<Lifecycle> fromCode(String code) {
        for (Lifecycle l : values()) {
            if (l.code.equals(code)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
