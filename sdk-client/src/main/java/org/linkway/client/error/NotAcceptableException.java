package org.linkway.client.error;

/**
 * The server cannot answer in the representation asked for (406). The reference server answers this for the FHIR form of a message back until its FHIR binding lands; ask for the JSON model instead.
 *
 * <pre>{@code
 * try {
 *     String bundle = client.referral(id).messageBackFhir();
 * } catch (NotAcceptableException e) {
 *     MessageBack model = client.referral(id).messageBack().value();
 * }
 * }</pre>
 */
public class NotAcceptableException extends LinkwayException {

    private static final long serialVersionUID = 1L;

    public NotAcceptableException(Problem problem) {
        super(problem);
    }
}
