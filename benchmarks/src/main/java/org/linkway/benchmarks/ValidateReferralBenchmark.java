package org.linkway.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.linkway.model.Referral;
import org.linkway.validation.MessageValidator;
import org.linkway.validation.ReadResult;
import org.linkway.validation.ValidationResult;
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
 * Parse + validate of a realistic full referral (the richest valid example in
 * {@code schemas/examples}): every schema check and every PRSB rule, on one thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ValidateReferralBenchmark {

    private MessageValidator validator;
    private byte[] fullReferral;
    private String fullReferralText;

    @Setup(Level.Trial)
    public void setUp() {
        validator = MessageValidator.create();
        fullReferral = Inputs.fullReferral();
        fullReferralText = new String(fullReferral, StandardCharsets.UTF_8);
        ValidationResult check = validator.validate(fullReferral);
        if (!check.findings().isEmpty()) {
            throw new IllegalStateException("the benchmark input must be a clean, valid referral: " + check);
        }
    }

    /** Bytes in, every finding out: what a receiver does with each incoming referral. */
    @Benchmark
    public ValidationResult parseAndValidate() {
        return validator.validate(fullReferral);
    }

    /** The same plus binding to the generated Java types: what the SDK's {@code read} costs. */
    @Benchmark
    public ReadResult<Referral> parseValidateAndRead() {
        return validator.read(fullReferralText, Referral.class);
    }
}
