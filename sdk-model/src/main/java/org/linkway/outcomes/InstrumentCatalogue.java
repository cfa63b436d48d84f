package org.linkway.outcomes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.JsonNode;

/**
 * The instruments Linkway knows, read from one definition file per instrument
 * ({@code org/linkway/outcomes/instruments/<id>.json}, described by {@code instrument.schema.json}
 * beside them). Immutable; {@link #standard()} is loaded once.
 */
public final class InstrumentCatalogue {

    /** Where the definition files live on the classpath. */
    public static final String RESOURCE_DIR = "/org/linkway/outcomes/instruments/";

    private static final class Holder {
        static final InstrumentCatalogue STANDARD = loadStandard();
    }

    private final Map<String, Instrument> instruments;

    private InstrumentCatalogue(List<Instrument> list) {
        Map<String, Instrument> m = new LinkedHashMap<>();
        for (Instrument i : list) {
            if (m.put(i.id(), i) != null) {
                throw new IllegalArgumentException("instrument " + i.id() + " is in the catalogue twice");
            }
        }
        this.instruments = Collections.unmodifiableMap(m);
    }

    /** The catalogue shipped with Linkway: ONS4, WEMWBS, SWEMWBS, UCLA 3-item, PAM, Outcomes Star, EQ-5D. */
    public static InstrumentCatalogue standard() {
        return Holder.STANDARD;
    }

    /** A catalogue of the given instruments (e.g. the standard ones plus a scheme's own). */
    public static InstrumentCatalogue of(List<Instrument> instruments) {
        return new InstrumentCatalogue(instruments);
    }

    public Optional<Instrument> find(String id) {
        return Optional.ofNullable(id == null ? null : instruments.get(id));
    }

    public List<Instrument> all() {
        return List.copyOf(instruments.values());
    }

    /**
     * Reads one definition in the catalogue file format.
     *
     * @throws IllegalArgumentException naming the field when the definition is not usable
     */
    public static Instrument read(String json) {
        JsonNode n;
        try {
            n = LinkwayJson.mapper().readTree(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("instrument definition is not JSON: " + e.getMessage(), e);
        }
        return fromJson(n);
    }

    private static InstrumentCatalogue loadStandard() {
        JsonNode index = readResource("catalogue.json");
        List<Instrument> list = new ArrayList<>();
        for (JsonNode id : index.path("instruments")) {
            Instrument i = fromJson(readResource(id.asString() + ".json"));
            if (!i.id().equals(id.asString())) {
                throw new IllegalStateException(id.asString() + ".json defines instrument " + i.id());
            }
            list.add(i);
        }
        return new InstrumentCatalogue(list);
    }

    private static JsonNode readResource(String name) {
        try (InputStream in = InstrumentCatalogue.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing catalogue resource " + RESOURCE_DIR + name);
            }
            return LinkwayJson.mapper().readTree(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instrument fromJson(JsonNode n) {
        Instrument.Builder b = Instrument.builder()
                .id(text(n, "id"))
                .name(text(n, "name"))
                .kind(InstrumentKind.fromCode(text(n, "kind")))
                .definitionVersion(required(n, "definitionVersion").asInt())
                .notes(n.path("notes").asString(null));
        for (JsonNode i : required(n, "items")) {
            b.item(new ItemDefinition(
                    text(i, "id"),
                    text(i, "label"),
                    number(i, "min"),
                    number(i, "max"),
                    required(i, "integer").asBoolean(),
                    required(i, "reverse").asBoolean()));
        }
        for (JsonNode s : required(n, "scores")) {
            List<String> items = new ArrayList<>();
            required(s, "items").forEach(x -> items.add(x.asString()));
            Optional<Double> mic = s.has("minimalImportantChange")
                    ? Optional.of(s.get("minimalImportantChange").asDouble())
                    : Optional.empty();
            Optional<Conversion> conversion =
                    s.has("conversion") ? Optional.of(conversion(s.get("conversion"))) : Optional.empty();
            b.score(new ScoreDefinition(
                    text(s, "id"),
                    text(s, "label"),
                    ScoringMethod.fromCode(text(s, "method")),
                    items,
                    required(s, "minItemsAnswered").asInt(),
                    number(s, "min"),
                    number(s, "max"),
                    Direction.fromCode(text(s, "better")),
                    required(s, "primary").asBoolean(),
                    mic,
                    conversion));
        }
        JsonNode l = required(n, "licence");
        b.licence(new Licence(
                text(l, "holder"),
                text(l, "summary"),
                required(l, "itemWordingShipped").asBoolean(),
                l.path("conversionTableShipped").asBoolean(false)));
        for (JsonNode c : required(n, "codes")) {
            b.code(new InstrumentCode(text(c, "system"), text(c, "code"), text(c, "display"), text(c, "verifiedFrom")));
        }
        return b.build();
    }

    /** A published table: rows of {@code {"raw": 7, "score": 7.00}}, each raw total once. */
    private static Conversion conversion(JsonNode c) {
        TreeMap<Integer, Double> table = new TreeMap<>();
        for (JsonNode row : required(c, "table")) {
            JsonNode raw = required(row, "raw");
            if (!raw.isIntegralNumber()) {
                throw new IllegalArgumentException(
                        "instrument definition: a conversion row's 'raw' must be a whole number");
            }
            if (table.put(raw.asInt(), number(row, "score")) != null) {
                throw new IllegalArgumentException(
                        "instrument definition: the conversion table has raw " + raw.asInt() + " twice");
            }
        }
        return new Conversion(text(c, "source"), text(c, "published"), table);
    }

    private static JsonNode required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("instrument definition: '" + field + "' is required");
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = required(n, field);
        if (!v.isString()) {
            throw new IllegalArgumentException("instrument definition: '" + field + "' must be a string");
        }
        return v.asString();
    }

    private static double number(JsonNode n, String field) {
        JsonNode v = required(n, field);
        if (!v.isNumber()) {
            throw new IllegalArgumentException("instrument definition: '" + field + "' must be a number");
        }
        return v.asDouble();
    }
}
