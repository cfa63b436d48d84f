package org.linkway.benchmarks;

import ca.uhn.fhir.parser.IParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import org.hl7.fhir.r4.model.Bundle;
import org.linkway.fhir.BundleForm;
import org.linkway.fhir.FhirBinding;
import org.linkway.model.Referral;
import org.linkway.model.json.LinkwayJson;
import org.linkway.validation.MessageValidator;

/**
 * The FHIR binding's cost per full referral in thread CPU time, next to HAPI's own parse of the
 * same Bundle and the native door's validate-and-read of the same referral as Linkway JSON. For a
 * machine shared with other work, where JMH's wall time mostly measures the wait for a core.
 * Thread CPU time leaves out the garbage collector's threads, so allocation-heavy work looks a
 * little cheaper than it is; all four are measured the same way. Usage:
 * {@code java -cp benchmarks.jar org.linkway.benchmarks.FhirCpuTime [rounds]}.
 */
public final class FhirCpuTime {

    private static final int PER_ROUND = 1_000;

    private FhirCpuTime() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        FhirBinding binding = FhirBinding.create();
        String linkwayJson = new String(Inputs.fullReferral(), StandardCharsets.UTF_8);
        Referral referral = LinkwayJson.mapper().readValue(linkwayJson, Referral.class);
        String fhirJson = binding.toFhirJson(referral, BundleForm.TRANSACTION);
        if (!binding.fromFhir(fhirJson, Referral.class)
                .message()
                .map(referral::equals)
                .orElse(false)) {
            throw new IllegalStateException("the benchmark input must round-trip");
        }
        IParser hapi = FhirBinding.fhirContext().newJsonParser();
        MessageValidator validator = MessageValidator.create();
        Map<String, IntSupplier> work = new LinkedHashMap<>();
        work.put(
                "FHIR JSON -> Referral (binding)",
                () -> binding.fromFhir(fhirJson, Referral.class).findings().size());
        work.put(
                "Referral -> FHIR JSON (binding)",
                () -> binding.toFhirJson(referral, BundleForm.TRANSACTION).length());
        work.put(
                "HAPI parse of the same Bundle",
                () -> hapi.parseResource(Bundle.class, fhirJson).getEntry().size());
        work.put(
                "native: validate + read Linkway JSON",
                () -> validator
                        .read(linkwayJson, Referral.class)
                        .validation()
                        .findings()
                        .size());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (IntSupplier w : work.values()) {
            for (int i = 0; i < 5 * PER_ROUND; i++) {
                sink += w.getAsInt();
            }
        }
        Map<String, double[]> micros = new LinkedHashMap<>();
        work.keySet().forEach(k -> micros.put(k, new double[rounds]));
        for (int round = 0; round < rounds; round++) {
            // interleaved, so a busy spell on the machine falls on every kind of work alike
            for (Map.Entry<String, IntSupplier> w : work.entrySet()) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < PER_ROUND; i++) {
                    sink += w.getValue().getAsInt();
                }
                micros.get(w.getKey())[round] = (threads.getCurrentThreadCpuTime() - start) / (PER_ROUND * 1_000.0);
            }
        }
        double hapiMedian = median(micros.get("HAPI parse of the same Bundle"));
        System.out.printf(
                "CPU µs per operation, %d rounds of %d (least / median / most; median against HAPI's parse)%n",
                rounds, PER_ROUND);
        micros.forEach((name, m) -> {
            Arrays.sort(m);
            System.out.printf(
                    "  %-40s %8.1f %8.1f %8.1f   %.2fx%n",
                    name, m[0], median(m), m[m.length - 1], median(m) / hapiMedian);
        });
        System.out.println("(sink " + sink + ")");
    }

    private static double median(double[] values) {
        double[] m = values.clone();
        Arrays.sort(m);
        return m[m.length / 2];
    }
}
