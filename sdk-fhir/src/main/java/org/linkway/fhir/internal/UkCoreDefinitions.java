package org.linkway.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * UK Core 2.0.1 (HL7 UK, Apache-2.0; schemas/fhir/ukcore-2.0.1/SOURCE.md) as the profile validator
 * uses it: the published StructureDefinitions are differentials, so each gets its snapshot from
 * HAPI's snapshot generator the first time any validator needs them, once per JVM. Needs
 * hapi-fhir-validation on the class path (the binding itself never loads this class).
 */
public final class UkCoreDefinitions {

    private static final String ROOT = "/org/linkway/schemas/fhir/ukcore-2.0.1/";

    /** The loaded definitions, snapshots generated, and what loading cost. */
    public static final class Loaded {
        private final List<IBaseResource> resources;
        private final long parseNanos;
        private final long snapshotNanos;
        private final long cpuNanos;

        Loaded(List<IBaseResource> resources, long parseNanos, long snapshotNanos, long cpuNanos) {
            this.resources = List.copyOf(resources);
            this.parseNanos = parseNanos;
            this.snapshotNanos = snapshotNanos;
            this.cpuNanos = cpuNanos;
        }

        /** StructureDefinitions (with snapshots), CodeSystems and ValueSets. */
        public List<IBaseResource> resources() {
            return resources;
        }

        /** Time spent parsing the XML files. */
        public long parseNanos() {
            return parseNanos;
        }

        /** Time spent generating the snapshots. */
        public long snapshotNanos() {
            return snapshotNanos;
        }

        /** CPU time the loading thread spent on both (-1 where the JVM cannot tell). */
        public long cpuNanos() {
            return cpuNanos;
        }
    }

    private static Loaded loaded;

    private UkCoreDefinitions() {}

    /** The definitions, loaded and snapshotted on the first call (a few seconds), then shared. */
    public static synchronized Loaded get(FhirContext context) {
        if (loaded == null) {
            loaded = load(context);
        }
        return loaded;
    }

    /** Adds every definition to a validation support. */
    public static void addTo(PrePopulatedValidationSupport support, FhirContext context) {
        for (IBaseResource r : get(context).resources()) {
            if (r instanceof StructureDefinition sd) {
                support.addStructureDefinition(sd);
            } else if (r instanceof CodeSystem cs) {
                support.addCodeSystem(cs);
            } else if (r instanceof ValueSet vs) {
                support.addValueSet(vs);
            }
        }
    }

    private static Loaded load(FhirContext context) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported();
        long c0 = cpu ? threads.getCurrentThreadCpuTime() : 0;
        long t0 = System.nanoTime();
        List<IBaseResource> resources = new ArrayList<>();
        for (String name : index()) {
            resources.add(parse(context, name));
        }
        long t1 = System.nanoTime();
        PrePopulatedValidationSupport raw = new PrePopulatedValidationSupport(context);
        resources.forEach(raw::addResource);
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                raw,
                new SnapshotGeneratingValidationSupport(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context));
        ValidationSupportContext ctx = new ValidationSupportContext(chain);
        List<IBaseResource> out = new ArrayList<>();
        for (IBaseResource r : resources) {
            if (r instanceof StructureDefinition sd && !sd.hasSnapshot()) {
                IBaseResource snap =
                        chain.generateSnapshot(ctx, sd, sd.getUrl(), "https://fhir.hl7.org.uk", sd.getName());
                if (!(snap instanceof StructureDefinition s) || !s.hasSnapshot()) {
                    throw new IllegalStateException("No snapshot could be generated for " + sd.getUrl());
                }
                out.add(snap);
            } else {
                out.add(r);
            }
        }
        long t2 = System.nanoTime();
        return new Loaded(out, t1 - t0, t2 - t1, cpu ? threads.getCurrentThreadCpuTime() - c0 : -1);
    }

    private static List<String> index() {
        List<String> names = new ArrayList<>();
        try (InputStream in = resource("index.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    names.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + ROOT + "index.txt", e);
        }
        return names;
    }

    private static IBaseResource parse(FhirContext context, String name) {
        try (InputStream in = resource(name)) {
            return context.newXmlParser().parseResource(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + ROOT + name, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = UkCoreDefinitions.class.getResourceAsStream(ROOT + name);
        if (in == null) {
            throw new IllegalStateException(
                    "Missing " + ROOT + name + " (the linkway-schemas jar is on the class path?)");
        }
        return in;
    }
}
