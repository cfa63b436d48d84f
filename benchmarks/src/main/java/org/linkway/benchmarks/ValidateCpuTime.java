package org.linkway.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.linkway.validation.MessageValidator;
import org.linkway.validation.ValidationResult;

/**
 * The full referral's validation cost in thread CPU time, for a crowded machine where JMH's wall
 * time mostly measures the wait for a core. Warms up, then times 15 rounds of 5,000 validations
 * and prints the least, median and most CPU microseconds per validation. Usage:
 * {@code java -cp benchmarks.jar org.linkway.benchmarks.ValidateCpuTime}.
 */
public final class ValidateCpuTime {

    private ValidateCpuTime() {}

    public static void main(String[] args) {
        byte[] json = Inputs.fullReferral();
        MessageValidator validator = MessageValidator.create();
        ValidationResult first = validator.validate(json);
        if (!first.findings().isEmpty()) {
            throw new IllegalStateException("the benchmark input has findings: " + first);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int sink = 0;
        for (int i = 0; i < 30_000; i++) {
            sink += validator.validate(json).findings().size();
        }
        double[] perValidation = new double[15];
        for (int round = 0; round < perValidation.length; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < 5_000; i++) {
                sink += validator.validate(json).findings().size();
            }
            perValidation[round] = (threads.getCurrentThreadCpuTime() - start) / 5_000.0 / 1_000.0;
        }
        Arrays.sort(perValidation);
        System.out.printf(
                "CPU µs per validation: least %.1f, median %.1f, most %.1f (findings %d)%n",
                perValidation[0],
                perValidation[perValidation.length / 2],
                perValidation[perValidation.length - 1],
                sink);
    }
}
