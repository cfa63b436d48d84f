package org.linkway.validation.internal;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.linkway.model.MessageType;
import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.Finding;
import org.linkway.validation.Rule;
import org.linkway.validation.TerminologyService;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * Runs one validation: identify the message by its {@code resourceType}, then check it in a
 * single streaming pass ({@link StreamingValidator}). Malformed input stops the run with one
 * finding saying where; findings from before the break would only mislead.
 */
public final class Pipeline {

    /** What a run produced: the message type when known, and every finding. */
    public static final class Outcome {
        private final MessageType type;
        private final List<Finding> findings;

        Outcome(MessageType type, List<Finding> findings) {
            this.type = type;
            this.findings = findings;
        }

        /** The message type, or null when the input never said which message it is. */
        public MessageType type() {
            return type;
        }

        public List<Finding> findings() {
            return findings;
        }
    }

    private static final String TYPES =
            Arrays.stream(MessageType.values()).map(MessageType::resourceType).collect(Collectors.joining(", "));

    /** Linkway's parser limits, without the parser's duplicate check: the validator finds duplicates itself, cheaper. */
    private static final JsonFactory PARSERS = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(LinkwayJson.MAX_NESTING_DEPTH)
                    .build())
            .build();

    private final Clock clock;
    private final int maxFindings;
    private final TerminologyService terminology;
    private final SchemaSet schemas;

    private Pipeline(Clock clock, int maxFindings, TerminologyService terminology, SchemaSet schemas) {
        this.clock = clock;
        this.maxFindings = maxFindings;
        this.terminology = terminology;
        this.schemas = schemas;
    }

    /** For {@code MessageValidator}, which owns the settings. */
    public static Pipeline create(Clock clock, int maxFindings) {
        return new Pipeline(clock, maxFindings, null, SchemaSet.bundled());
    }

    /** As {@link #create(Clock, int)}, asking {@code terminology} (null: nobody) about the value sets Linkway cannot ship. */
    public static Pipeline create(Clock clock, int maxFindings, TerminologyService terminology) {
        return new Pipeline(clock, maxFindings, terminology, SchemaSet.bundled());
    }

    /** As {@link #create(Clock, int, TerminologyService)}, checking against {@code schemas}. */
    public static Pipeline create(Clock clock, int maxFindings, TerminologyService terminology, SchemaSet schemas) {
        return new Pipeline(clock, maxFindings, terminology, schemas);
    }

    public Outcome parseAndCheck(byte[] json) {
        try {
            return run(json);
        } catch (StreamConstraintsException e) {
            return failed(
                    Rule.INPUT_TOO_DEEP,
                    "the message nests deeper than " + LinkwayJson.MAX_NESTING_DEPTH
                            + " levels or holds a value larger than the parser accepts (" + describe(e) + ").");
        } catch (JacksonException e) {
            return failed(Rule.INPUT_MALFORMED_JSON, "not well-formed JSON: " + describe(e));
        } catch (StreamingValidator.DuplicateMember e) {
            return failed(
                    Rule.INPUT_MALFORMED_JSON,
                    "not well-formed JSON: '" + e.name + "' appears twice in one object (line " + e.line + ", column "
                            + e.column + "); a receiver cannot tell which value is meant.");
        }
    }

    private Outcome run(byte[] json) {
        // writers (this SDK's included) put resourceType first, so the message is usually read once
        try (JsonParser p = PARSERS.createParser(ObjectReadContext.empty(), json)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return failed(Rule.INPUT_MALFORMED_JSON, "the input is empty.");
            }
            if (t != JsonToken.START_OBJECT) {
                return failed(Rule.INPUT_NOT_OBJECT, "a message must be a JSON object, not " + kind(t) + ".");
            }
            if (p.nextToken() == JsonToken.PROPERTY_NAME
                    && "resourceType".equals(p.currentName())
                    && p.nextToken() == JsonToken.VALUE_STRING) {
                Optional<MessageType> type = MessageType.fromResourceType(p.getString());
                if (type.isPresent()) {
                    return validate(type.get(), p, true);
                }
            }
        }
        Optional<String> resourceType = findResourceType(json);
        Optional<MessageType> type = resourceType.flatMap(MessageType::fromResourceType);
        if (type.isEmpty()) {
            Findings f = new Findings(maxFindings);
            f.add(
                    Rule.MESSAGE_TYPE,
                    Rule.MESSAGE_TYPE.severity(),
                    "/resourceType",
                    "",
                    (resourceType.isEmpty()
                                    ? "resourceType is missing or not a string"
                                    : "resourceType " + Text.brief(resourceType.get()) + " is not a Linkway message")
                            + "; use one of " + TYPES + ".");
            return new Outcome(null, f.toList());
        }
        try (JsonParser p = PARSERS.createParser(ObjectReadContext.empty(), json)) {
            p.nextToken();
            return validate(type.get(), p, false);
        }
    }

    /** Validates from the parser's position: on the root's resourceType value, or on its opening brace. */
    private Outcome validate(MessageType type, JsonParser p, boolean onResourceType) {
        Findings findings = new Findings(maxFindings);
        StreamingValidator.validate(type, p, onResourceType, schemas.root(type), findings, clock, terminology);
        if (p.nextToken() != null) {
            return failed(
                    Rule.INPUT_MALFORMED_JSON,
                    "not well-formed JSON: there is more after the end of the message (line "
                            + p.currentLocation().getLineNr() + ", column "
                            + p.currentLocation().getColumnNr() + ").");
        }
        return new Outcome(type, findings.toList());
    }

    /** Scans the top level only, skipping nested values, for the message's resourceType. */
    private static Optional<String> findResourceType(byte[] json) {
        try (JsonParser p = PARSERS.createParser(ObjectReadContext.empty(), json)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if ("resourceType".equals(name)) {
                    return v == JsonToken.VALUE_STRING ? Optional.of(p.getString()) : Optional.empty();
                }
                p.skipChildren();
            }
            return Optional.empty();
        }
    }

    public Outcome failed(Rule rule, String message) {
        Findings f = new Findings(maxFindings);
        f.add(rule, rule.severity(), "", "", message);
        return new Outcome(null, f.toList());
    }

    private static String kind(JsonToken t) {
        switch (t) {
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return String.valueOf(t);
        }
    }

    private static String describe(JacksonException e) {
        String m = e.getOriginalMessage();
        String loc = e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
        int nl = m == null ? -1 : m.indexOf('\n');
        return (m == null ? "unreadable" : nl < 0 ? m : m.substring(0, nl)) + loc;
    }
}
