package org.linkway.model.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Jackson configuration Linkway reads and writes messages with. Use {@link #mapper()}
 * rather than a mapper of your own so that every system writes the same bytes for the same
 * message: ISO-8601 dates, no nulls, properties in schema order.
 */
public final class LinkwayJson {

    /** Deeper than any PRSB message nests (about 12 levels); guards the parser against hostile input. */
    public static final int MAX_NESTING_DEPTH = 64;

    private static final JsonMapper MAPPER = builder().build();

    private LinkwayJson() {}

    /** The shared, immutable mapper. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** A builder preset with Linkway's settings, for callers who need to add modules of their own. */
    public static JsonMapper.Builder builder() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return JsonMapper.builder(factory)
                .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL)
                        .withContentInclusion(JsonInclude.Include.NON_NULL))
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // the validator reports unknown properties as findings; binding must not fail on them too
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // generated types declare their order with @JsonPropertyOrder; alphabetical is only the fallback
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY);
    }
}
