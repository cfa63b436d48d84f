package org.linkway.apicheck;

import java.util.List;
import java.util.Map;

/**
 * What counts as public in Linkway's published artifacts, by package name only, so that a
 * package keeps its rules when it moves to another artifact.
 *
 * <ul>
 *   <li>A package with a segment named {@code internal} is internal: its classes may change in
 *       any release and no other artifact may use them.</li>
 *   <li>Every other {@code org.linkway} package of a published artifact is public API.</li>
 *   <li>A public signature (member types, supertypes, thrown types) may name only the JDK, public
 *       Linkway types, and the third-party types listed in {@link #ALLOWED_EXPOSED}; each entry
 *       says why.</li>
 * </ul>
 */
public final class PublicApi {

    private PublicApi() {}

    /** Third-party types a public signature may name anywhere. The value says why. */
    public static final Map<String, String> ALLOWED_EXPOSED = Map.of(
            "tools.jackson.databind.JsonNode",
            "the model's JSON entry points take and give a parsed tree; Jackson 3 is the SDK's one JSON library",
            "tools.jackson.databind.json.JsonMapper",
            "LinkwayJson.mapper() hands out the one configured mapper so every system writes the same bytes",
            "tools.jackson.databind.json.JsonMapper$Builder",
            "LinkwayJson.builder() lets a caller add modules to Linkway's settings");

    /**
     * Third-party packages that only the named Linkway packages may expose: a binding to a
     * library's model has that model in its signatures by definition.
     */
    public static final List<PackageAllowance> ALLOWED_EXPOSED_BY_PACKAGE = List.of(
            new PackageAllowance(
                    "org.linkway.fhir",
                    "org.hl7.fhir.r4.model",
                    "the FHIR binding converts to and from HAPI's R4 resources; that is its purpose"),
            new PackageAllowance(
                    "org.linkway.fhir",
                    "org.hl7.fhir.instance.model.api",
                    "HAPI's resource interfaces, the supertypes of the R4 resources the binding returns"),
            new PackageAllowance(
                    "org.linkway.fhir",
                    "ca.uhn.fhir.context",
                    "FhirContext: HAPI's costly shared context, passed in so a caller can reuse its own"),
            new PackageAllowance(
                    "org.linkway.crypto.nimbus",
                    "com.nimbusds",
                    "the adapter for code already on Nimbus JOSE (the server's bearer tokens); nowhere else"));

    /**
     * Known breaches in code that another change of issue #16 is rewriting (the JOSE/crypto
     * artifact takes Nimbus out of public signatures). Listed so the build stays green meanwhile;
     * each entry goes when that change lands, and none may be added for new code.
     */
    public static final List<PackageAllowance> PENDING_EXPOSED = List.of();

    /**
     * Internal classes whose public constructor is known and left to the change rewriting them
     * (the FHIR binding split). Outermost-or-nested binary name to the reason; same rules as
     * {@link #PENDING_EXPOSED}.
     */
    public static final Map<String, String> PENDING_INTERNAL_CONSTRUCTORS = Map.of();

    /** A Linkway package ({@code from}, with its subpackages) may expose a third-party package. */
    public record PackageAllowance(String from, String exposes, String why) {
        boolean allows(String ownerPackage, String exposedType) {
            return isSameOrSub(ownerPackage, from) && isSameOrSub(packageOf(exposedType), exposes);
        }
    }

    /** True for {@code a.internal} and {@code a.internal.b}, false for {@code a.internals}. */
    public static boolean isInternalPackage(String packageName) {
        return ("." + packageName + ".").contains(".internal.");
    }

    /** May a public member of a class in {@code ownerPackage} name {@code typeName} (a binary name)? */
    public static boolean mayExpose(String ownerPackage, String typeName) {
        String base = typeName.replaceAll("(\\[\\])+$", "");
        if (!base.contains(".")) {
            return true; // a primitive or void
        }
        if (base.startsWith("java.") || base.startsWith("javax.")) {
            return true;
        }
        if (base.startsWith("org.linkway.")) {
            return !isInternalPackage(packageOf(base));
        }
        if (ALLOWED_EXPOSED.containsKey(base)) {
            return true;
        }
        return ALLOWED_EXPOSED_BY_PACKAGE.stream().anyMatch(a -> a.allows(ownerPackage, base))
                || PENDING_EXPOSED.stream().anyMatch(a -> a.allows(ownerPackage, base));
    }

    static boolean isSameOrSub(String packageName, String prefix) {
        return packageName.equals(prefix) || packageName.startsWith(prefix + ".");
    }

    static String packageOf(String className) {
        return ApiSignature.packageOf(className);
    }
}
