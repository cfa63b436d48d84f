package org.linkway.server.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.linkway.model.ProblemType;
import org.linkway.server.http.ApiProblem;
import org.linkway.validation.Finding;
import org.linkway.validation.Rule;
import org.linkway.validation.Severity;

/**
 * A BaRS message as received at {@code $process-message}: the envelope (MessageHeader event,
 * reason, focus, sender, destination) checked, and the referral it carries arranged for the
 * binding's reader (the focus ServiceRequest first after the header; what a Linkway referral has
 * no place for set aside and reported). Everything wrong with the envelope is refused here as a
 * BaRS error, before anything is converted or written.
 */
final class BarsMessage {

    /** BaRS's message events; older BaRS examples name the second system. */
    static final Set<String> EVENT_SYSTEMS = Set.of(
            "https://fhir.nhs.uk/CodeSystem/message-events-bars",
            "https://fhir.nhs.uk/CodeSystem/message-event-servicerequest");

    static final String NEW_REFERRAL = "servicerequest-request";
    static final String RESPONSE = "servicerequest-response";
    static final String REASON_NEW = "new";
    static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    static final String SNOMED = "http://snomed.info/sct";
    static final String SOCIAL_PRESCRIBING = "871731000000106";

    /** BaRS's endpoint forms naming an organisation: {@code <system>|<ODS>} or {@code <ODS>:<service id>}. */
    private static final Pattern ODS_ENDPOINT = Pattern.compile("(?i)ods-organi[sz]ation-code\\|([A-Z0-9]{3,10})");

    private static final Pattern ODS_COLON_ENDPOINT = Pattern.compile("([A-Z0-9]{3,10}):[^/]*");

    /** Resources a BaRS referral may carry that would make the reader take the Bundle for another message. */
    private static final Set<Class<? extends Resource>> SET_ASIDE =
            Set.of(CarePlan.class, QuestionnaireResponse.class, Composition.class);

    final Bundle bundle;
    final MessageHeader header;
    final String messageId;
    final String eventSystem;
    final ServiceRequest focus;
    final String senderOds;
    final String destinationOds;
    final String destinationName;
    final Bundle forReader;
    private final List<Integer> origin = new ArrayList<>();
    private final Set<Integer> envelopeOnly = new HashSet<>();
    private final List<Finding> notes = new ArrayList<>();
    private final Map<String, Resource> byUrl = new HashMap<>();
    private final Map<Resource, Integer> index = new IdentityHashMap<>();

    private BarsMessage(Bundle bundle) {
        this.bundle = bundle;
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        for (int i = 0; i < entries.size(); i++) {
            Resource r = entries.get(i).getResource();
            if (r == null) {
                continue;
            }
            index.put(r, i);
            if (entries.get(i).hasFullUrl()) {
                byUrl.putIfAbsent(entries.get(i).getFullUrl(), r);
            }
            if (r.getIdElement().hasIdPart()) {
                byUrl.putIfAbsent(r.fhirType() + "/" + r.getIdElement().getIdPart(), r);
            }
        }
        if (entries.isEmpty() || !(entries.get(0).getResource() instanceof MessageHeader h)) {
            throw BarsOutcomes.malformed(
                    "structure",
                    "Bundle.entry[0]",
                    "a message Bundle's first entry is its MessageHeader; this one starts with "
                            + (entries.isEmpty() || entries.get(0).getResource() == null
                                    ? "nothing"
                                    : entries.get(0).getResource().fhirType()));
        }
        this.header = h;
        String id = bundle.getIdElement().getIdPart();
        if (id == null || id.isBlank()) {
            id = h.getIdElement().getIdPart();
        }
        if (id == null || id.isBlank()) {
            throw BarsOutcomes.malformed(
                    "required",
                    "Bundle.id",
                    "the message has no id (Bundle.id, or MessageHeader.id): it is what makes a message sent twice "
                            + "one message");
        }
        this.messageId = id;
        this.eventSystem = checkEvent(h);
        this.focus = checkFocus(h);
        this.senderOds = sender(h);
        this.destinationOds = destination(h);
        this.destinationName = destinationName(h);
        this.forReader = arrange();
    }

    /** Checks a parsed message Bundle; throws an {@link ApiProblem} (rendered as BaRS's OperationOutcome) if it is not one. */
    static BarsMessage of(Bundle b) {
        if (b.getType() != Bundle.BundleType.MESSAGE) {
            throw BarsOutcomes.malformed(
                    "structure",
                    "Bundle.type",
                    "$process-message takes a Bundle of type 'message', not '"
                            + (b.hasType() ? b.getType().toCode() : "(none)") + "'"
                            + (b.getType() == Bundle.BundleType.TRANSACTION
                                    ? "; post a transaction Bundle to " + FhirFacade.BASE + "/Bundle"
                                    : ""));
        }
        return new BarsMessage(b);
    }

    private static String checkEvent(MessageHeader h) {
        if (!h.hasEventCoding()) {
            throw BarsOutcomes.malformed(
                    "not-supported",
                    "Bundle.entry[0].resource.event",
                    "the MessageHeader's event must be the BaRS coding " + NEW_REFERRAL
                            + "; an event URI is not supported");
        }
        Coding event = h.getEventCoding();
        if (!event.hasSystem() || !EVENT_SYSTEMS.contains(event.getSystem()) || !NEW_REFERRAL.equals(event.getCode())) {
            throw BarsOutcomes.malformed(
                    "not-supported",
                    "Bundle.entry[0].resource.eventCoding",
                    "this service receives BaRS new referrals only (event " + NEW_REFERRAL
                            + "); the message's event is " + event.getSystem() + "|" + event.getCode());
        }
        for (Coding reason : h.getReason().getCoding()) {
            if (reason.hasCode() && !REASON_NEW.equals(reason.getCode())) {
                throw BarsOutcomes.malformed(
                        "not-supported",
                        "Bundle.entry[0].resource.reason",
                        "only new referrals (reason '" + REASON_NEW + "') are received here; reason '"
                                + reason.getCode() + "' (an update or cancellation) is not supported");
            }
        }
        return event.getSystem();
    }

    private ServiceRequest checkFocus(MessageHeader h) {
        if (!h.hasFocus()) {
            throw BarsOutcomes.malformed(
                    "required",
                    "Bundle.entry[0].resource.focus",
                    "the MessageHeader names no focus; BaRS's is the ServiceRequest");
        }
        Resource r = lookup(h.getFocusFirstRep());
        if (r == null) {
            throw BarsOutcomes.malformed(
                    "invalid",
                    "Bundle.entry[0].resource.focus[0]",
                    "the focus '" + h.getFocusFirstRep().getReference() + "' is not an entry of the Bundle");
        }
        if (!(r instanceof ServiceRequest sr)) {
            throw BarsOutcomes.malformed(
                    "invalid",
                    "Bundle.entry[0].resource.focus[0]",
                    "the focus of a new referral is a ServiceRequest, not a " + r.fhirType());
        }
        boolean socialPrescribing = sr.getCode().getCoding().stream()
                .anyMatch(c -> SNOMED.equals(c.getSystem()) && SOCIAL_PRESCRIBING.equals(c.getCode()));
        if (!socialPrescribing) {
            throw new ApiProblem(
                            ProblemType.INVALID_FHIR_REFERRAL,
                            "this service receives referrals to social prescribing only: the focus ServiceRequest's code "
                                    + "must include " + SNOMED + "|" + SOCIAL_PRESCRIBING,
                            List.of(BarsOutcomes.finding(
                                    path(sr) + ".code",
                                    "not coded " + SNOMED + "|" + SOCIAL_PRESCRIBING
                                            + " (Referral to social prescribing service)")))
                    .with(BarsOutcomes.ISSUE_CODE, "not-supported");
        }
        return sr;
    }

    private String sender(MessageHeader h) {
        String ods = h.hasSender() ? odsOf(h.getSender(), true) : null;
        if (ods == null) {
            throw BarsOutcomes.malformed(
                    "required",
                    "Bundle.entry[0].resource.sender",
                    "the MessageHeader's sender must name the sending organisation by its ODS code (an Organization, "
                            + "or a PractitionerRole of one, with an identifier " + ODS + ")");
        }
        return ods;
    }

    private String destination(MessageHeader h) {
        for (MessageHeader.MessageDestinationComponent d : h.getDestination()) {
            String ods = d.hasReceiver() ? odsOf(d.getReceiver(), true) : null;
            if (ods == null && d.hasEndpoint()) {
                Matcher m = ODS_ENDPOINT.matcher(d.getEndpoint());
                Matcher c = ODS_COLON_ENDPOINT.matcher(d.getEndpoint());
                ods = m.find() ? m.group(1) : c.matches() ? c.group(1) : null;
            }
            if (ods != null) {
                return ods;
            }
        }
        throw new ApiProblem(
                        ProblemType.INVALID_FHIR_REFERRAL,
                        "unknown destination: the MessageHeader's destination must name the link worker service by its "
                                + "ODS code (a receiver Organization or HealthcareService with an identifier " + ODS
                                + ", or an endpoint '<ODS code>:<service id>')",
                        List.of(BarsOutcomes.finding(
                                "Bundle.entry[0].resource.destination", "names no link worker service")))
                .with(BarsOutcomes.ISSUE_CODE, "not-found");
    }

    private String destinationName(MessageHeader h) {
        Resource r = h.getDestination().isEmpty()
                ? null
                : lookup(h.getDestinationFirstRep().getReceiver());
        if (r instanceof HealthcareService s && s.hasProvidedBy()) {
            r = lookup(s.getProvidedBy());
        } else if (r instanceof PractitionerRole pr && pr.hasOrganization()) {
            r = lookup(pr.getOrganization());
        }
        return r instanceof Organization o && o.hasName() ? o.getName() : null;
    }

    /** The ODS code a reference names: the Organization's own, or that of the organisation behind a role or service. */
    private String odsOf(Reference ref, boolean envelope) {
        String logical = ods(List.of(ref.getIdentifier()));
        if (logical != null) {
            return logical;
        }
        Resource r = lookup(ref);
        if (r == null) {
            return null;
        }
        if (envelope) {
            envelopeOnly.add(index.get(r));
        }
        if (r instanceof Organization o) {
            return ods(o.getIdentifier());
        }
        if (r instanceof PractitionerRole pr && pr.hasOrganization()) {
            return odsOf(pr.getOrganization(), envelope);
        }
        if (r instanceof HealthcareService s) {
            String own = ods(s.getIdentifier());
            return own != null || !s.hasProvidedBy() ? own : odsOf(s.getProvidedBy(), envelope);
        }
        return null;
    }

    private static String ods(List<Identifier> ids) {
        for (Identifier id : ids) {
            if (id.hasSystem()
                    && id.getSystem().equalsIgnoreCase(ODS)
                    && id.hasValue()
                    && !id.getValue().isBlank()) {
                return id.getValue().trim().toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    Resource lookup(Reference ref) {
        if (ref == null || !ref.hasReference()) {
            return null;
        }
        String s = ref.getReference();
        Resource r = byUrl.get(s);
        if (r == null) {
            String[] parts = s.split("/");
            if (parts.length >= 2) {
                r = byUrl.get(parts[parts.length - 2] + "/" + parts[parts.length - 1]);
            }
        }
        return r;
    }

    /**
     * The Bundle the binding reads: the header, then the focus (the reader takes the first
     * ServiceRequest as the referral), then the rest in their order, less what would make it read
     * as another kind of message. The ODS identifier system spelled with a lower-case {@code id}
     * (as in some BaRS examples) is read as the one system it is.
     */
    private Bundle arrange() {
        Bundle out = new Bundle().setType(Bundle.BundleType.MESSAGE);
        out.setId(bundle.getIdElement().getIdPart());
        add(out, 0);
        add(out, index.get(focus));
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        for (int i = 1; i < entries.size(); i++) {
            Resource r = entries.get(i).getResource();
            if (r == focus || r == null) {
                continue;
            }
            if (SET_ASIDE.contains(r.getClass())) {
                notes.add(new Finding(
                        Severity.WARNING,
                        Rule.FHIR_UNMAPPED.id(),
                        "Bundle.entry[" + i + "].resource",
                        "",
                        "This " + r.fhirType() + " has no place in a Linkway referral; it was not carried over."));
                continue;
            }
            if (r instanceof Organization o) {
                o.getIdentifier().forEach(id -> {
                    if (id.hasSystem() && id.getSystem().equalsIgnoreCase(ODS)) {
                        id.setSystem(ODS);
                    }
                });
            }
            add(out, i);
        }
        return out;
    }

    private void add(Bundle out, int i) {
        Bundle.BundleEntryComponent e = bundle.getEntry().get(i);
        out.addEntry().setFullUrl(e.getFullUrl()).setResource(e.getResource());
        origin.add(i);
    }

    /**
     * The reader's findings in the message's own terms: entry numbers of the message as sent, and
     * no "not carried over" for the organisations the envelope itself named (they were read here),
     * with what was set aside before reading.
     */
    List<Finding> inMessageTerms(List<Finding> fromReader) {
        Pattern entry = Pattern.compile("^Bundle\\.entry\\[(\\d+)](.*)$", Pattern.DOTALL);
        List<Finding> out = new ArrayList<>(notes);
        for (Finding f : fromReader) {
            Matcher m = entry.matcher(f.pointer());
            if (!m.matches()) {
                out.add(f);
                continue;
            }
            int at = Integer.parseInt(m.group(1));
            int original = at < origin.size() ? origin.get(at) : at;
            boolean unusedEnvelopeParty = envelopeOnly.contains(original)
                    && Rule.FHIR_UNMAPPED.id().equals(f.ruleId())
                    && m.group(2).equals(".resource");
            if (!unusedEnvelopeParty) {
                out.add(new Finding(
                        f.severity(),
                        f.ruleId(),
                        "Bundle.entry[" + original + "]" + m.group(2),
                        f.prsbPath(),
                        f.message()));
            }
        }
        return out;
    }

    private String path(Resource r) {
        Integer i = index.get(r);
        return i == null ? r.fhirType() : "Bundle.entry[" + i + "].resource";
    }
}
