package org.linkway.fhir.internal;

import java.math.BigDecimal;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Outcome assessment -> QuestionnaireResponse (the item answers) + Observation (total and subscales). */
final class AssessmentMapper {

    private AssessmentMapper() {}

    static Bundle write(ObjectNode message) {
        FhirBundleWriter out = new FhirBundleWriter(Bundles.seed(message));
        LinkwayJsonSource root = LinkwayJsonSource.of(message);
        Bundles.versions(root);
        QuestionnaireResponse qr = out.add(new QuestionnaireResponse());
        qr.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        qr.setSubject(ReferralDetailsSection.personOfReferral());
        String id = root.str("id");
        if (id != null) {
            qr.setIdentifier(new Identifier().setSystem(Urls.ID_RECORD).setValue(id));
        }
        String referralId = root.str("referralId");
        if (referralId != null) {
            qr.addBasedOn(ReferralDetailsSection.referral(referralId));
        }
        String at = root.str("administeredAt");
        if (at != null) {
            qr.setAuthoredElement(Dates.dateTime(at));
        }
        for (LinkwayJsonSource item : root.items("itemResponses")) {
            String linkId = item.str("item");
            QuestionnaireResponse.QuestionnaireResponseItemComponent qi =
                    qr.addItem().setLinkId(linkId);
            BigDecimal value = item.number("value");
            if (value != null) {
                qi.addAnswer().setValue(new DecimalType(value));
            }
        }
        LinkwayJsonSource entry = root.detach("assessment");
        if (entry != null) {
            Observation o = AssessmentSection.assessment(out, entry, ReferralDetailsSection.personOfReferral());
            o.addDerivedFrom(out.ref(qr));
            if (at != null) {
                o.setEffective(Dates.dateTime(at));
            }
        }
        FhirBundleWriter.remainder(qr, root);
        return Bundles.transaction(out);
    }

    static ObjectNode read(FhirBundleReader in) {
        QuestionnaireResponse qr = in.all(QuestionnaireResponse.class).get(0);
        in.use(qr);
        ObjectNode msg = Bundles.start("Assessment");
        if (qr.hasIdentifier() && Urls.ID_RECORD.equals(qr.getIdentifier().getSystem())) {
            LinkwayJsonBuilder.put(msg, "id", qr.getIdentifier().getValue());
        }
        LinkwayJsonBuilder.put(msg, "referralId", ReferralDetailsSection.referralId(qr.getBasedOn()));
        if (qr.hasAuthoredElement()) {
            msg.put("administeredAt", qr.getAuthoredElement().getValueAsString());
        }
        ArrayNode items = LinkwayJsonBuilder.arr();
        for (int i = 0; i < qr.getItem().size(); i++) {
            var qi = qr.getItem().get(i);
            ObjectNode o = LinkwayJsonBuilder.obj();
            LinkwayJsonBuilder.put(o, "item", qi.getLinkId());
            if (qi.hasAnswer() && qi.getAnswerFirstRep().hasValueDecimalType()) {
                o.put("value", qi.getAnswerFirstRep().getValueDecimalType().getValue());
            } else if (qi.hasAnswer() && qi.getAnswerFirstRep().hasValueIntegerType()) {
                o.put("value", qi.getAnswerFirstRep().getValueIntegerType().getValue());
            } else if (qi.hasAnswer()) {
                in.unmapped(in.path(qr) + ".item[" + i + "].answer[0]", "Only numeric answers are carried.");
            }
            items.add(o);
        }
        LinkwayJsonBuilder.put(msg, "itemResponses", items);
        for (Observation o : in.all(Observation.class)) {
            in.use(o);
            msg.set("assessment", AssessmentSection.assessment(o, in));
            break;
        }
        return Bundles.finish(LinkwayJsonBuilder.merge(msg, in.remainder(qr)));
    }
}
