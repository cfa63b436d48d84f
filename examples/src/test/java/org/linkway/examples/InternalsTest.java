package org.linkway.examples;

import java.util.Map;
import org.linkway.apicheck.MainCodeContract;

/** Main code reaches the SDK only through its public API (docs/COMPATIBILITY.md). */
class InternalsTest extends MainCodeContract {
    InternalsTest() {
        super(Map.of());
    }
}
