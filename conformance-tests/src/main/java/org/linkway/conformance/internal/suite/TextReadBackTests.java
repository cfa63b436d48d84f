package org.linkway.conformance.internal.suite;

import static org.linkway.conformance.Profile.REFERRAL_RECEIVER;
import static org.linkway.conformance.internal.TestCase.shall;

import java.util.List;
import java.util.Map;
import org.linkway.conformance.internal.Ctx;
import org.linkway.conformance.internal.Examples;
import org.linkway.conformance.internal.Http;
import org.linkway.conformance.internal.TestCase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Names and free text as people in England and Wales write them: Welsh and Polish letters outside
 * Latin-1, characters outside the Basic Multilingual Plane (emoji, sent as surrogate pairs) and
 * right-to-left scripts. A store or a driver set to a single-byte encoding mangles them only
 * on the way back, which is why the test reads them back.
 */
final class TextReadBackTests {

    /** JSON pointer in the referral → the text put there. */
    static final Map<String, String> TEXT = Map.of(
            "/personDemographics/name/firstNames/0", "Siân",
            "/personDemographics/name/firstNames/1", "Gwenllïan",
            "/personDemographics/name/familyNames/0", "Wójcik-Żółć",
            "/personDemographics/name/preferredName", "Siân",
            "/personDemographics/name/fullName", "Mrs Siân Gwenllïan Wójcik-Żółć",
            "/aboutMe/whatIsMostImportantToMe", "Cerdded bob bore 🌿🚶‍♀️ gyda fy ŵyr; שלום; مرحبا بكم",
            "/aboutMe/peopleWhoAreImportantToMe", "Łucja (córka) i wnuczęta 👨‍👩‍👧 w Łodzi");

    private TextReadBackTests() {}

    static List<TestCase> tests() {
        return List.of(shall(
                "RR-38",
                REFERRAL_RECEIVER,
                "Names and text outside Latin-1 (Welsh, Polish, emoji, right-to-left) read back exactly",
                List.of("LW-REF-045"),
                TextReadBackTests::nonLatinText));
    }

    static void nonLatinText(Ctx ctx) {
        ObjectNode referral = Examples.toSend(Examples.FULL_REFERRAL);
        TEXT.forEach((pointer, text) -> put(referral, pointer, text));
        Http.Answer created = ctx.expect(ctx.http().postJson("/v1/referrals", referral.toString()), 201);
        ctx.emitted("POST /v1/referrals", created.body());
        Http.Answer read = ctx.expect(
                ctx.http().get("/v1/referrals/" + created.json().path("id").asString()), 200);
        TEXT.forEach((pointer, text) -> {
            ctx.check(
                    text.equals(created.json().at(pointer).asString(null)),
                    "the 201 answer has %s at %s, sent %s",
                    created.json().at(pointer),
                    pointer,
                    text);
            ctx.check(
                    text.equals(read.json().at(pointer).asString(null)),
                    "read back %s at %s, sent %s",
                    read.json().at(pointer),
                    pointer,
                    text);
        });
    }

    private static void put(ObjectNode root, String pointer, String text) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent.isArray()) {
            ((tools.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last), text);
        } else {
            ((ObjectNode) parent).put(last, text);
        }
    }
}
