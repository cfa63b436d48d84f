package org.linkway.benchmarks;

import ca.uhn.fhir.parser.IParser;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.linkway.fhir.BundleForm;
import org.linkway.fhir.FhirBinding;
import org.linkway.fhir.FhirReadResult;
import org.linkway.model.Referral;
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

/**
 * The FHIR binding on the full example referral: Linkway -> FHIR JSON, FHIR JSON -> Linkway
 * (parse, map, validate the result), and, as the yardstick, HAPI's own parse of the same Bundle
 * JSON into its model, in the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class FhirReferralBenchmark {

    private FhirBinding binding;
    private Referral referral;
    private String fhirJson;
    private IParser hapiParser;

    @Setup(Level.Trial)
    public void setUp() {
        binding = FhirBinding.create();
        referral = LinkwayJson.mapper()
                .readValue(new String(Inputs.fullReferral(), StandardCharsets.UTF_8), Referral.class);
        fhirJson = binding.toFhirJson(referral, BundleForm.TRANSACTION);
        hapiParser = FhirBinding.fhirContext().newJsonParser();
        FhirReadResult<Referral> back = binding.fromFhir(fhirJson, Referral.class);
        if (!back.message().map(referral::equals).orElse(false)) {
            throw new IllegalStateException("the benchmark input must round-trip: " + back);
        }
    }

    /** Referral object -> FHIR transaction Bundle as JSON text. */
    @Benchmark
    public String referralToFhirJson() {
        return binding.toFhirJson(referral, BundleForm.TRANSACTION);
    }

    /** FHIR JSON text -> validated Referral (HAPI parse, mapping, Linkway validation). */
    @Benchmark
    public FhirReadResult<Referral> fhirJsonToReferral() {
        return binding.fromFhir(fhirJson, Referral.class);
    }

    /** HAPI alone: the same JSON parsed into HAPI's Bundle, nothing else. */
    @Benchmark
    public Bundle hapiParseOnly() {
        return hapiParser.parseResource(Bundle.class, fhirJson);
    }
}
