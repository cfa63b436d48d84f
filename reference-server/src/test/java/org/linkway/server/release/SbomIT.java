package org.linkway.server.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linkway.model.json.LinkwayJson;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/**
 * The SBOM the release profile attaches to the server's jar: run by failsafe after {@code package}
 * in {@code ./mvnw -Prelease -Dgpg.skip verify}. The expected versions come from the root pom's
 * properties, so a dependency upgrade that the SBOM did not see fails here.
 */
class SbomIT {

    private static JsonNode json;
    private static List<String> jsonPurls;

    @BeforeAll
    static void readSbom() throws IOException {
        Path file = Path.of(property("linkway.sbom.json"));
        assertThat(file).as("the JSON SBOM the release profile writes").isRegularFile();
        json = LinkwayJson.mapper().readTree(Files.readAllBytes(file));
        jsonPurls = new ArrayList<>();
        json.path("components").forEach(c -> jsonPurls.add(c.path("purl").asString()));
    }

    @Test
    void isACycloneDxDocumentAboutThisArtifact() {
        assertThat(json.path("bomFormat").asString()).isEqualTo("CycloneDX");
        assertThat(json.path("specVersion").asString()).matches("1\\.[5-9]");
        assertThat(json.path("serialNumber").asString()).startsWith("urn:uuid:");
        assertThat(json.path("metadata").path("component").path("purl").asString())
                .startsWith(property("linkway.sbom.purl"));
    }

    @Test
    void listsTheRuntimeLibrariesAtTheVersionsThePomPins() {
        assertThat(jsonPurls)
                .anyMatch(p -> p.startsWith("pkg:maven/ca.uhn.hapi.fhir/hapi-fhir-structures-r4@"
                        + property("linkway.expect.hapi-fhir") + "?"));
        assertThat(jsonPurls)
                .anyMatch(p -> p.startsWith(
                        "pkg:maven/tools.jackson.core/jackson-databind@" + property("linkway.expect.jackson") + "?"));
        assertThat(jsonPurls)
                .anyMatch(
                        p -> p.startsWith("pkg:maven/io.javalin/javalin@" + property("linkway.expect.javalin") + "?"));
        assertThat(jsonPurls).anyMatch(p -> p.startsWith("pkg:maven/org.linkway/linkway-sdk-model@"));
    }

    @Test
    void leavesOutWhatOnlyTheTestsUse() {
        assertThat(jsonPurls).noneMatch(p -> p.startsWith("pkg:maven/org.junit."));
        assertThat(jsonPurls).noneMatch(p -> p.startsWith("pkg:maven/org.quicktheories/"));
        assertThat(jsonPurls).noneMatch(p -> p.startsWith("pkg:maven/io.zonky.test/"));
        assertThat(jsonPurls).noneMatch(p -> p.startsWith("pkg:maven/ca.uhn.hapi.fhir/hapi-fhir-validation@"));
    }

    @Test
    void everyComponentIsPinnedAndHashed() {
        assertThat(jsonPurls).hasSizeGreaterThan(20);
        json.path("components").forEach(c -> {
            String purl = c.path("purl").asString();
            assertThat(c.path("version").asString()).as(purl).isNotBlank();
            List<String> algorithms = new ArrayList<>();
            c.path("hashes").forEach(h -> algorithms.add(h.path("alg").asString()));
            assertThat(algorithms).as(purl).contains("SHA-256");
        });
    }

    @Test
    void theXmlSbomListsTheSameComponents() throws Exception {
        Path file = Path.of(property("linkway.sbom.xml"));
        assertThat(file).isRegularFile();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document xml = factory.newDocumentBuilder().parse(file.toFile());

        Set<String> xmlPurls = new TreeSet<>();
        Element components = topLevel(xml.getDocumentElement(), "components");
        NodeList purls = components.getElementsByTagNameNS("*", "purl");
        for (int i = 0; i < purls.getLength(); i++) {
            Element purl = (Element) purls.item(i);
            // only a component's own purl, not those nested in pedigree or evidence
            if (((Element) purl.getParentNode()).getParentNode() == components) {
                xmlPurls.add(purl.getTextContent().trim());
            }
        }
        assertThat(xmlPurls).isEqualTo(new TreeSet<>(jsonPurls));
    }

    /** The root's own child: metadata has a components list of its own (the tools). */
    private static Element topLevel(Element root, String name) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new AssertionError("no top-level <" + name + "> in the XML SBOM");
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value)
                .as("system property " + name + " (set by the release profile's failsafe)")
                .isNotBlank();
        return value;
    }
}
