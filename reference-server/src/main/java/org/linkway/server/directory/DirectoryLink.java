package org.linkway.server.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.linkway.model.ProblemType;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Json;
import org.linkway.server.storage.SqlAccess;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.StoredResource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An onward referral to a listed service: the sender names {@code directoryService.id}; this copies
 * the entry as it is now into the onward referral (name, contact route, eligibility, the whole ORUK
 * service), names the provider from the entry's organisation when the sender did not, and warns
 * (never refuses) when the person's age, from the referral's date of birth, is outside the
 * service's range or the service is not active. Being a copy, what was sent does not change when
 * the directory does.
 */
public final class DirectoryLink {

    private static final int PARTY_NAME_MAX = 70;
    private static final int ORGANISATION_TEXT_MAX = 150;

    private final Store store;
    private final Clock clock;

    public DirectoryLink(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * The posted onward referral with its directory service resolved; the body as it came when it
     * names none (or is not JSON: the intake says what is wrong with it).
     *
     * @throws ApiProblem 422 when it names a service the directory does not hold
     */
    public byte[] resolve(byte[] body, String referralId) {
        ObjectNode doc;
        try {
            JsonNode parsed = Json.MAPPER.readTree(body);
            if (parsed == null
                    || !parsed.isObject()
                    || !parsed.path("directoryService").isObject()) {
                return body;
            }
            doc = (ObjectNode) parsed;
        } catch (JacksonException e) {
            return body;
        }
        JsonNode named = doc.path("directoryService").path("id");
        if (!named.isString()) {
            return body; // the schema's finding names it
        }
        String id = named.asString();
        record Found(StoredService service, Optional<StoredResource> referral) {}
        Found found = store.read(tx -> new Found(
                new DirectoryStore(SqlAccess.connection(tx)).current(id).orElse(null), tx.get("Referral", referralId)));
        if (found.service() == null) {
            throw new ApiProblem(
                    ProblemType.INVALID_ONWARD_REFERRAL,
                    "directoryService.id '" + id + "': there is no such service in the directory");
        }
        JsonNode entry = Json.MAPPER.readTree(found.service().body());
        ObjectNode link = Json.MAPPER.createObjectNode();
        link.put("id", id);
        link.put("version", found.service().version());
        link.put("name", entry.path("name").asString());
        contact(entry).ifPresent(c -> link.set("contact", c));
        eligibility(entry).ifPresent(e -> link.set("eligibility", e));
        link.set("entry", entry);
        ArrayNode findings = Json.MAPPER.createArrayNode();
        found.referral().ifPresent(r -> checkAge(Json.MAPPER.readTree(r.body()), entry, findings));
        if (found.service().retired() || !"active".equals(entry.path("status").asString())) {
            warn(
                    findings,
                    "directory-not-active",
                    entry.path("name").asString() + " is '"
                            + entry.path("status").asString() + "' in the directory");
        }
        if (!findings.isEmpty()) {
            link.set("findings", findings);
        }
        doc.set("directoryService", link);
        if (!doc.has("provider")) {
            provider(entry).ifPresent(p -> doc.set("provider", p));
        }
        return Json.MAPPER.writeValueAsBytes(doc);
    }

    private void checkAge(JsonNode referral, JsonNode entry, ArrayNode findings) {
        JsonNode min = entry.path("minimum_age");
        JsonNode max = entry.path("maximum_age");
        if (!min.isNumber() && !max.isNumber()) {
            return;
        }
        String range =
                (min.isNumber() ? min.asString() : "any age") + " to " + (max.isNumber() ? max.asString() : "any age");
        LocalDate born;
        try {
            born = LocalDate.parse(
                    referral.at("/personDemographics/dateOfBirth").asString(""));
        } catch (DateTimeParseException e) {
            warn(
                    findings,
                    "directory-age-unknown",
                    "the referral gives no date of birth; the service is for ages " + range);
            return;
        }
        int age = Period.between(born, LocalDate.now(clock.withZone(ZoneOffset.UTC)))
                .getYears();
        if ((min.isNumber() && age < min.doubleValue()) || (max.isNumber() && age > max.doubleValue())) {
            warn(
                    findings,
                    "directory-age",
                    "the person is " + age + "; " + entry.path("name").asString() + " is for ages " + range);
        }
    }

    private static void warn(ArrayNode findings, String rule, String message) {
        findings.addObject().put("rule", rule).put("severity", "warning").put("message", message);
    }

    private static Optional<ObjectNode> contact(JsonNode entry) {
        JsonNode firstContact = entry.path("contacts").path(0);
        ObjectNode c = Json.MAPPER.createObjectNode();
        String email = text(entry.path("email"))
                .orElse(text(firstContact.path("email")).orElse(null));
        String phone = text(entry.path("phones").path(0).path("number"))
                .orElse(text(firstContact.path("phones").path(0).path("number")).orElse(null));
        if (email != null) {
            c.put("email", email);
        }
        if (phone != null) {
            c.put("phone", phone);
        }
        text(entry.path("url")).ifPresent(u -> c.put("url", u));
        return c.isEmpty() ? Optional.empty() : Optional.of(c);
    }

    private static Optional<ObjectNode> eligibility(JsonNode entry) {
        ObjectNode e = Json.MAPPER.createObjectNode();
        if (entry.path("minimum_age").isNumber()) {
            e.set("minimumAge", entry.path("minimum_age"));
        }
        if (entry.path("maximum_age").isNumber()) {
            e.set("maximumAge", entry.path("maximum_age"));
        }
        text(entry.path("eligibility_description")).ifPresent(d -> e.put("description", d));
        return e.isEmpty() ? Optional.empty() : Optional.of(e);
    }

    /** The provider as the onward referral names it: the entry's contact (or organisation) and its charity number. */
    private static Optional<ObjectNode> provider(JsonNode entry) {
        JsonNode org = entry.path("organization");
        Optional<String> orgName = text(org.path("name"));
        Optional<String> name =
                text(entry.path("contacts").path(0).path("name")).or(() -> orgName);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode p = Json.MAPPER.createObjectNode();
        p.put("name", cut(name.get(), PARTY_NAME_MAX));
        orgName.ifPresent(n -> p.putObject("organisation").put("text", cut(n, ORGANISATION_TEXT_MAX)));
        for (JsonNode identifier : org.path("organization_identifiers")) {
            String number = identifier.path("identifier").asString("");
            if ("GB-CHC".equals(identifier.path("identifier_scheme").asString(""))
                    && number.matches("[0-9A-Z]{4,8}(-[0-9]{1,2})?")) {
                p.put("charityNumber", number);
                break;
            }
        }
        return Optional.of(p);
    }

    private static Optional<String> text(JsonNode value) {
        return value.isString() && !value.asString().isBlank() ? Optional.of(value.asString()) : Optional.empty();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
