package org.linkway.server.fhir;

import java.util.Date;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations;

/** What the facade really serves, no more: a client can plan its calls from {@code GET metadata}. */
final class CapabilityStatements {

    private static final Date PUBLISHED = new Date(0);

    private CapabilityStatements() {}

    static CapabilityStatement linkway() {
        CapabilityStatement cs = new CapabilityStatement();
        cs.setStatus(Enumerations.PublicationStatus.ACTIVE)
                .setDate(PUBLISHED)
                .setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE)
                .setFhirVersion(Enumerations.FHIRVersion._4_0_1)
                .setName("LinkwayReferenceServer")
                .setTitle("Linkway reference server: FHIR R4 facade")
                .setDescription(
                        "Social prescribing referrals, their status and the message back (PRSB Social Prescribing "
                                + "Information Standard v1.1) through the Linkway FHIR binding.");
        cs.getSoftware().setName("Linkway reference server");
        cs.getImplementation().setDescription("Linkway reference server").setUrl(FhirFacade.BASE);
        cs.addFormat("application/fhir+json").addFormat("json");
        CapabilityStatementRestComponent rest = cs.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.setDocumentation(
                "Resources are views of the Linkway records; ServiceRequest, Task and Composition take the "
                        + "referral's id. Errors are OperationOutcome.");
        resource(
                rest,
                "Bundle",
                "POST a referral Bundle (transaction or message form) to refer a person; GET Bundle/{id} is the "
                        + "message back document of referral {id}.",
                TypeRestfulInteraction.CREATE,
                TypeRestfulInteraction.READ);
        resource(rest, "ServiceRequest", "The referral.", TypeRestfulInteraction.READ);
        resource(
                        rest,
                        "Task",
                        "The referral's status (status and businessStatus follow the Linkway lifecycle).",
                        TypeRestfulInteraction.READ,
                        TypeRestfulInteraction.SEARCHTYPE)
                .addSearchParam()
                .setName("focus")
                .setType(Enumerations.SearchParamType.REFERENCE)
                .setDocumentation("ServiceRequest/{id}: the Task tracking that referral");
        resource(
                rest,
                "Composition",
                "The message back's Composition (the first entry of the document Bundle).",
                TypeRestfulInteraction.READ);
        // BaRS's way of referring: a message to $process-message, answered with the response message
        rest.addOperation()
                .setName("process-message")
                .setDefinition("http://hl7.org/fhir/OperationDefinition/MessageHeader-process-message")
                .setDocumentation("A new referral sent the BaRS way (event servicerequest-request, reason new, focus a "
                        + "ServiceRequest coded SNOMED CT 871731000000106); answered with the servicerequest-response "
                        + "message, refusals as OperationOutcome with BaRS's error codes. See docs/FHIR.md, BaRS.");
        CapabilityStatement.CapabilityStatementMessagingComponent messaging = cs.addMessaging();
        messaging
                .setDocumentation("Receives new referrals to social prescribing as BaRS messages at " + FhirFacade.BASE
                        + "/$process-message; the sender must be the token's organisation.")
                .addEndpoint()
                .setAddress(FhirFacade.BASE + "/$process-message")
                .getProtocol()
                .setSystem("http://terminology.hl7.org/CodeSystem/message-transport")
                .setCode("http");
        messaging
                .addSupportedMessage()
                .setMode(CapabilityStatement.EventCapabilityMode.RECEIVER)
                .setDefinition("https://fhir.nhs.uk/MessageDefinition/bars-message-servicerequest-request-referral");
        return cs;
    }

    private static CapabilityStatementRestResourceComponent resource(
            CapabilityStatementRestComponent rest, String type, String doc, TypeRestfulInteraction... interactions) {
        CapabilityStatementRestResourceComponent r =
                rest.addResource().setType(type).setDocumentation(doc);
        for (TypeRestfulInteraction i : interactions) {
            r.addInteraction().setCode(i);
        }
        return r;
    }
}
