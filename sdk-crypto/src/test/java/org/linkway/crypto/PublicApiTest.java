package org.linkway.crypto;

import org.linkway.apicheck.PublishedApiContract;

/** This artifact's public API contract: docs/COMPATIBILITY.md says what it checks and how to change the API. */
class PublicApiTest extends PublishedApiContract {
    PublicApiTest() {
        super("linkway-sdk-crypto");
    }
}
