package org.linkway.benchmarks;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.linkway.model.json.LinkwayJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Baselines for the same full referral: Jackson's streaming read and tree parse alone, and parse plus a general JSON
 * Schema validator (networknt, draft 2020-12) on the same schema files, structure only, no
 * PRSB rules. They show what the Linkway validator's single streaming pass saves.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class SchemaLibraryBaselineBenchmark {

    private byte[] fullReferral;
    private Schema schema;

    @Setup(Level.Trial)
    public void setUp() {
        fullReferral = Inputs.fullReferral();
        SchemaRegistryConfig config =
                SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        schema = SchemaRegistry.withDefaultDialect(
                        SpecificationVersion.DRAFT_2020_12, b -> b.schemaRegistryConfig(config))
                .getSchema(SchemaLocation.of("classpath:org/linkway/schemas/json/referral.schema.json"));
        schema.initializeValidators();
        if (!schema.validate(LinkwayJson.mapper().readTree(fullReferral)).isEmpty()) {
            throw new IllegalStateException("the baseline input must be valid");
        }
    }

    /** The floor: Jackson's streaming parser reading every token and every string value, checking nothing. */
    @Benchmark
    public long jacksonStreamOnly() {
        long n = 0;
        try (JsonParser p = LinkwayJson.mapper().createParser(fullReferral)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                n += t == JsonToken.VALUE_STRING ? p.getString().length() : 1;
            }
        }
        return n;
    }

    /** Jackson building a tree of the message, nothing else. */
    @Benchmark
    public Object jacksonParseOnly() {
        return LinkwayJson.mapper().readTree(fullReferral);
    }

    /** Jackson tree plus networknt's JSON Schema validation: the general-purpose way. */
    @Benchmark
    public List<Error> jacksonParsePlusNetworkntSchema() {
        return schema.validate(LinkwayJson.mapper().readTree(fullReferral));
    }
}
