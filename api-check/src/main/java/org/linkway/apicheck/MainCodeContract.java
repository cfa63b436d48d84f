package org.linkway.apicheck;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * For modules that are not libraries (the server, the conformance kit, the examples): their main
 * code may use the published artifacts only through their public API. Run it with
 *
 * <pre>
 * class InternalsTest extends MainCodeContract {
 *     InternalsTest() { super(Map.of()); }
 * }
 * </pre>
 */
public abstract class MainCodeContract {

    private final Map<String, String> allowedForeignInternals;

    /**
     * @param allowedForeignInternals other artifacts' internal classes this module may still use
     *        (outermost class name to the reason why it cannot do without)
     */
    protected MainCodeContract(Map<String, String> allowedForeignInternals) {
        this.allowedForeignInternals = Map.copyOf(allowedForeignInternals);
    }

    @Test
    void main_code_uses_no_other_artifacts_internal_classes() {
        var classes = ModuleClasses.current().importMain();
        ApiRules.noForeignInternals(classes, allowedForeignInternals.keySet()).check(classes);
    }
}
