package org.linkway.validation.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.linkway.model.MessageType;
import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.Finding;
import org.linkway.validation.Rule;
import org.linkway.validation.Severity;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;

/**
 * The validation stages in order: parse, identify the message, check its version, the schema,
 * then the PRSB rules. Each stage adds findings; a stage that cannot run says why.
 */
public final class Pipeline {

    /** What a run produced: the message type when known, the tree when parsed, and every finding. */
    public record Outcome(MessageType type, JsonNode tree, List<Finding> findings) { }

    private final Clock clock;
    private final int maxFindings;

    public Pipeline(Clock clock, int maxFindings) {
        this.clock = clock;
        this.maxFindings = maxFindings;
    }

    public Outcome parseAndCheck(byte[] json) {
        JsonNode tree;
        try {
            tree = LinkwayJson.mapper().readTree(json);
        } catch (StreamConstraintsException e) {
            return failed(Rule.INPUT_TOO_DEEP, "the message nests deeper than " + LinkwayJson.MAX_NESTING_DEPTH
                    + " levels or holds a value larger than the parser accepts (" + firstLine(e) + ").");
        } catch (JacksonException e) {
            return failed(Rule.INPUT_MALFORMED_JSON, "not well-formed JSON: " + firstLine(e));
        }
        if (tree == null || tree.isMissingNode()) {
            return failed(Rule.INPUT_MALFORMED_JSON, "the input is empty.");
        }
        return check(tree);
    }

    public Outcome check(JsonNode tree) {
        if (!tree.isObject()) {
            return failed(Rule.INPUT_NOT_OBJECT, "a message must be a JSON object, not " + SchemaFindings.brief(tree) + ".");
        }
        String resourceType = tree.path("resourceType").asString(null);
        Optional<MessageType> type = resourceType == null ? Optional.empty() : MessageType.fromResourceType(resourceType);
        if (type.isEmpty()) {
            Findings f = new Findings(null, maxFindings);
            f.add(Rule.MESSAGE_TYPE, "/resourceType", (resourceType == null ? "resourceType is missing" : "resourceType '"
                    + SchemaFindings.brief(tree.get("resourceType")) + "' is not a Linkway message") + "; use one of "
                    + String.join(", ", java.util.Arrays.stream(MessageType.values()).map(MessageType::resourceType).toList()) + ".");
            return new Outcome(null, tree, f.toList());
        }
        Findings findings = new Findings(type.get(), maxFindings);
        newerMinorVersion(tree, findings);
        SchemaStage.get().check(type.get(), tree, findings);
        BusinessRules.check(type.get(), tree, findings, clock);
        return new Outcome(type.get(), tree, findings.toList());
    }

    /** Readers accept older minor versions silently; a newer minor may carry elements this reader drops. */
    private static void newerMinorVersion(JsonNode tree, Findings findings) {
        String version = tree.path("schemaVersion").asString("");
        String[] ours = MessageType.SCHEMA_VERSION.split("\\.");
        String[] theirs = version.split("\\.");
        if (theirs.length == 3 && theirs[0].equals(ours[0]) && theirs[1].matches("[0-9]{1,9}")
                && Integer.parseInt(theirs[1]) > Integer.parseInt(ours[1])) {
            findings.add(Rule.SCHEMA_VERSION, Severity.WARNING, "/schemaVersion", "the message is schemaVersion " + version
                    + ", newer than this reader's " + MessageType.SCHEMA_VERSION + ": elements added since are reported as unknown and ignored.");
        }
    }

    public Outcome failed(Rule rule, String message) {
        Findings f = new Findings(null, maxFindings);
        f.add(rule, "", message);
        return new Outcome(null, null, f.toList());
    }

    private static String firstLine(JacksonException e) {
        String m = e.getOriginalMessage();
        String loc = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        int nl = m == null ? -1 : m.indexOf('\n');
        return (m == null ? "unreadable" : nl < 0 ? m : m.substring(0, nl)) + loc;
    }
}
