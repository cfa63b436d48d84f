package org.linkway.schemas.prsb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PRSB Social Prescribing Information Standard as data: every element of
 * {@code elements.tsv}, with its description from the published JSON model.
 * Loaded from the classpath copy shipped in this module.
 */
final class PrsbStandard {

    public static final String VERSION = "1.1";
    private static final String BASE = "/org/linkway/schemas/prsb/";

    private final Map<String, PrsbElement> byPath;
    private final List<PrsbElement> sections;

    private PrsbStandard(Map<String, PrsbElement> byPath, List<PrsbElement> sections) {
        this.byPath = byPath;
        this.sections = sections;
    }

    private static volatile PrsbStandard shared;

    /** The v1.1 standard bundled with this module (loaded once). */
    public static PrsbStandard v1_1() {
        PrsbStandard s = shared;
        if (s == null) {
            synchronized (PrsbStandard.class) {
                if (shared == null) {
                    shared = load(resource("elements.tsv"), resource("social-prescribing-standard-v1.1.json"));
                }
                s = shared;
            }
        }
        return s;
    }

    private static InputStream resource(String name) {
        InputStream in = PrsbStandard.class.getResourceAsStream(BASE + name);
        if (in == null) {
            throw new IllegalStateException("PRSB resource missing from the classpath: " + name);
        }
        return in;
    }

    static PrsbStandard load(InputStream tsv, InputStream model) {
        Map<String, JsonNode> concepts = concepts(model);
        Map<String, PrsbElement> byPath = new LinkedHashMap<>();
        List<PrsbElement> sections = new ArrayList<>();
        String text;
        try (tsv) {
            text = new String(tsv.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] lines = text.split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].split("\t", -1);
            String path = f[0].strip();
            int cut = path.lastIndexOf(PrsbElement.PATH_SEPARATOR);
            PrsbElement parent = cut < 0 ? null : byPath.get(path.substring(0, cut));
            if (cut >= 0 && parent == null) {
                throw new IllegalStateException(
                        "elements.tsv line " + (i + 1) + ": parent of '" + path + "' not listed before it");
            }
            PrsbElement e = new PrsbElement(
                    path,
                    "group".equals(f[1]),
                    Integer.parseInt(f[2]),
                    "*".equals(f[3]),
                    f[4].strip(),
                    f[5].strip(),
                    f[6].isBlank() ? null : Integer.valueOf(f[6].strip()),
                    f[7].strip(),
                    concepts.containsKey(path)
                            ? plain(concepts.get(path).path("description").asString(""))
                            : "",
                    parent);
            e.valueDomain(
                    valueDomainProperty(concepts.get(path), "minLength"),
                    valueDomainProperty(concepts.get(path), "timeStampPrecision"));
            byPath.put(path, e);
            if (parent == null) {
                sections.add(e);
            } else {
                parent.addChild(e);
            }
        }
        return new PrsbStandard(Collections.unmodifiableMap(byPath), Collections.unmodifiableList(sections));
    }

    /** Every concept of the published model, by its path. */
    private static Map<String, JsonNode> concepts(InputStream model) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        try (model) {
            JsonNode root = JsonMapper.builder().build().readTree(model);
            for (JsonNode dataset : root.path("dataset")) {
                collect(dataset.path("concept"), "", out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void collect(JsonNode concepts, String prefix, Map<String, JsonNode> out) {
        for (JsonNode c : concepts) {
            String path = prefix + c.path("name").asString().strip();
            out.put(path, c);
            collect(c.path("concept"), path + PrsbElement.PATH_SEPARATOR, out);
        }
    }

    /** A property of the concept's value domain that elements.tsv does not carry (minLength, timeStampPrecision), or "". */
    private static String valueDomainProperty(JsonNode concept, String name) {
        if (concept == null) {
            return "";
        }
        for (JsonNode domain : concept.path("valueDomain")) {
            for (JsonNode p : domain.path("property")) {
                if (p.path(name).isString()) {
                    return p.get(name).asString().strip();
                }
            }
        }
        return "";
    }

    /** PRSB descriptions are HTML fragments; the schemas carry them as one line of plain text. */
    static String plain(String html) {
        return html.replaceAll("<[^>]*>", " ")
                .replace("&#34;", "\"")
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace('\u00a0', ' ')
                .replaceAll("\\s+", " ")
                .strip();
    }

    public List<PrsbElement> sections() {
        return sections;
    }

    public Optional<PrsbElement> element(String path) {
        return Optional.ofNullable(byPath.get(path));
    }
    /** Every element, groups and items, in the order the standard lists them. */
    public List<PrsbElement> elements() {
        return List.copyOf(byPath.values());
    }

    public int size() {
        return byPath.size();
    }
}
