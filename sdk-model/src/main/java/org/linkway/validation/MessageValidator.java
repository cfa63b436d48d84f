package org.linkway.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.linkway.model.MessageType;
import org.linkway.model.PrsbMessage;
import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.internal.Pipeline;
import org.linkway.validation.internal.SchemaSet;

/**
 * Validates Linkway messages: the two PRSB messages (Referral, Message back) and the journey's
 * records. One call returns <em>every</em> finding, each with a severity, a stable rule id, a
 * JSON pointer, the PRSB element and a plain-English message. It never throws for bad input:
 * malformed, oversized, deeply nested or wrongly typed messages produce findings.
 *
 * <pre>{@code
 * ValidationResult result = MessageValidator.create().validate(json);
 * if (!result.isValid()) result.errors().forEach(System.out::println);
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class MessageValidator {

    /** Default largest message accepted: a full referral is tens of kilobytes; 4 MiB leaves room for attachments by reference. */
    public static final int DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

    public static final int DEFAULT_MAX_FINDINGS = 1000;

    /**
     * How far ahead of this validator's clock a date may be and still not count as in the future:
     * the sender's clock may run a little fast, and a message is checked moments after it is written.
     */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);

    private final int maxBytes;
    private final Pipeline pipeline;

    private MessageValidator(Builder b) {
        this.maxBytes = b.maxBytes;
        // "not in the future" means "not after now plus the skew allowed": the rules see that instant as now
        this.pipeline = Pipeline.create(Clock.offset(b.clock, b.clockSkew), b.maxFindings, b.terminology, b.schemas);
    }

    /** A validator with the default limits and the system clock. */
    public static MessageValidator create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public ValidationResult validate(String json) {
        if (json == null) {
            return result(pipeline.failed(Rule.INPUT_MALFORMED_JSON, "no input (null)."));
        }
        // a char is at least one UTF-8 byte, so this rejects oversized text before encoding it
        if (json.length() > maxBytes) {
            return tooLarge(json.length());
        }
        return validate(json.getBytes(StandardCharsets.UTF_8));
    }

    public ValidationResult validate(byte[] json) {
        if (json == null) {
            return result(pipeline.failed(Rule.INPUT_MALFORMED_JSON, "no input (null)."));
        }
        if (json.length > maxBytes) {
            return tooLarge(json.length);
        }
        return guarded(() -> pipeline.parseAndCheck(json));
    }

    /** Reads the stream to its end (or until the size limit) and validates it; the stream is not closed. */
    public ValidationResult validate(InputStream json) {
        if (json == null) {
            return result(pipeline.failed(Rule.INPUT_MALFORMED_JSON, "no input (null)."));
        }
        byte[] bytes;
        try {
            bytes = json.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            return result(pipeline.failed(Rule.INPUT_UNREADABLE, "reading the input failed: " + e.getMessage()));
        }
        if (bytes.length > maxBytes) {
            return tooLarge(bytes.length);
        }
        return validate(bytes);
    }

    /**
     * Validates a message built in code, e.g. a {@link org.linkway.model.Referral} from its builder,
     * or one read from JSON and changed with {@code toBuilder()}.
     */
    public ValidationResult validate(PrsbMessage message) {
        if (message == null) {
            return result(pipeline.failed(Rule.INPUT_MALFORMED_JSON, "no message (null)."));
        }
        return guarded(() -> pipeline.parseAndCheck(LinkwayJson.mapper().writeValueAsBytes(message)));
    }

    /**
     * Validates and, when there are no errors, reads the message into its Java type.
     * The returned result says which: {@link ReadResult#message()} is empty when the message was invalid.
     */
    public <T extends PrsbMessage> ReadResult<T> read(String json, Class<T> type) {
        Objects.requireNonNull(type, "type");
        if (json == null || json.length() > maxBytes) {
            return new ReadResult<>(validate(json), null);
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Pipeline.Outcome outcome;
        try {
            outcome = pipeline.parseAndCheck(bytes);
        } catch (RuntimeException | StackOverflowError e) {
            return new ReadResult<>(internalError(e), null);
        }
        ValidationResult result = result(outcome);
        if (!result.isValid()) {
            return new ReadResult<>(result, null);
        }
        if (outcome.type().javaType() != type) {
            return new ReadResult<>(
                    with(
                            result,
                            new Finding(
                                    Severity.ERROR,
                                    Rule.MESSAGE_TYPE.id(),
                                    "/resourceType",
                                    "",
                                    "expected a "
                                            + MessageType.of(type)
                                                    .map(MessageType::resourceType)
                                                    .orElse(type.getSimpleName())
                                            + " but the message is a "
                                            + outcome.type().resourceType() + ".")),
                    null);
        }
        try {
            return new ReadResult<>(result, LinkwayJson.mapper().readValue(bytes, type));
        } catch (RuntimeException e) {
            return new ReadResult<>(
                    with(
                            result,
                            new Finding(
                                    Severity.ERROR,
                                    Rule.INTERNAL_ERROR.id(),
                                    "",
                                    "",
                                    "the message passed validation but could not be read: "
                                            + e.getClass().getSimpleName() + ": " + e.getMessage())),
                    null);
        }
    }

    private static ValidationResult with(ValidationResult result, Finding extra) {
        List<Finding> all = new ArrayList<>(result.findings());
        all.add(extra);
        return new ValidationResult(result.messageType().orElse(null), all);
    }

    private ValidationResult tooLarge(long size) {
        return result(pipeline.failed(
                Rule.INPUT_TOO_LARGE,
                "the message is " + size + " bytes; this validator accepts at most " + maxBytes
                        + ". Send attachments by reference, not inline."));
    }

    /** The promise that nothing throws: an unexpected failure becomes a finding that asks to be reported. */
    private ValidationResult guarded(Supplier<Pipeline.Outcome> stage) {
        try {
            return result(stage.get());
        } catch (RuntimeException | StackOverflowError e) {
            return internalError(e);
        }
    }

    private ValidationResult internalError(Throwable e) {
        return result(pipeline.failed(
                Rule.INTERNAL_ERROR,
                "the validator failed on this input (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")."));
    }

    private static ValidationResult result(Pipeline.Outcome o) {
        return new ValidationResult(o.type() == null ? null : o.type().resourceType(), o.findings());
    }

    /** Limits and the clock "today" is read from (tests pin it). */
    public static final class Builder {
        private int maxBytes = DEFAULT_MAX_BYTES;
        private int maxFindings = DEFAULT_MAX_FINDINGS;
        private Clock clock = Clock.systemUTC();
        private TerminologyService terminology;
        private Duration clockSkew = DEFAULT_CLOCK_SKEW;
        private SchemaSet schemas = SchemaSet.bundled();

        private Builder() {}

        /**
         * Checks messages against the JSON schemas in {@code directory} instead of the ones this
         * library carries: a folder laid out like the project's {@code schemas/}, whose {@code json/}
         * holds {@code referral.schema.json} and the other schema files (a draft of the standard, say).
         * The PRSB rules, code lists and rule ids stay this library's. The schemas are read and
         * compiled here, once.
         *
         * @throws IllegalArgumentException naming the folder or file, when {@code json/} or a schema
         *     file is missing, a file is not well-formed JSON, or a schema uses a keyword this
         *     validator does not understand
         */
        public Builder schemas(Path directory) {
            this.schemas = SchemaSet.fromDirectory(Objects.requireNonNull(directory, "directory"));
            return this;
        }

        /** Largest message, in bytes of UTF-8, that is parsed; larger ones get {@code LW-INPUT-TOO-LARGE}. */
        public Builder maxBytes(int maxBytes) {
            if (maxBytes < 1) {
                throw new IllegalArgumentException("maxBytes must be positive");
            }
            this.maxBytes = maxBytes;
            return this;
        }

        /** Most findings listed for one message; the rest are counted in one {@code LW-TOO-MANY-FINDINGS} finding. */
        public Builder maxFindings(int maxFindings) {
            if (maxFindings < 1) {
                throw new IllegalArgumentException("maxFindings must be positive");
            }
            this.maxFindings = maxFindings;
            return this;
        }

        /** The clock that decides what "in the future" means. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The terminology server to ask about the value sets Linkway cannot ship (SNOMED CT reference
         * sets and hierarchies, SDS job roles, some NHS Data Dictionary lists). Its answer becomes the
         * finding: not a member is an error ({@code LW-CODE-LIST}), unknown is information
         * ({@code LW-CODE-UNCHECKED}). Without one, those codes get their form checked only.
         */
        public Builder terminology(TerminologyService terminology) {
            this.terminology = Objects.requireNonNull(terminology, "terminology");
            return this;
        }

        /**
         * How far after the clock's now a date-time may be before it counts as in the future (a date
         * counts from the next day in the UK, after the same allowance). Zero to one hour.
         */
        public Builder clockSkew(Duration clockSkew) {
            Objects.requireNonNull(clockSkew, "clockSkew");
            if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("clockSkew must be between zero and one hour");
            }
            this.clockSkew = clockSkew;
            return this;
        }

        public MessageValidator build() {
            return new MessageValidator(this);
        }
    }
}
