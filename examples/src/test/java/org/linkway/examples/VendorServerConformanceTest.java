package org.linkway.examples;

import java.util.EnumSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.linkway.conformance.KitConfig;
import org.linkway.conformance.Profile;
import org.linkway.conformance.junit.LinkwayConformanceTests;

/**
 * The JUnit 5 way for a vendor: extend the kit's base class in your own test tree, start your
 * server on a free port, and every kit test becomes a JUnit test in your build, named by its id
 * and requirement ids. Here "your server" is the reference server.
 */
class VendorServerConformanceTest extends LinkwayConformanceTests {

    static ExampleServer server;

    @BeforeAll
    static void start() {
        server = ExampleServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    protected KitConfig config() {
        return KitConfig.builder(server.url())
                .token(server.admin())
                .profiles(EnumSet.of(Profile.REFERRAL_RECEIVER, Profile.FEEDBACK, Profile.MESSAGE_FORMAT))
                .fuzzTries(5)
                .build();
    }
}
