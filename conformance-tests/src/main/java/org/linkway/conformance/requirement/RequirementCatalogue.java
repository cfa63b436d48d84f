package org.linkway.conformance.requirement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linkway.conformance.Level;
import org.linkway.conformance.Profile;

/**
 * The requirements catalogue shipped in the kit (the module's requirements.csv, columns
 * {@code id,text,level,traces_to,profile,not_tested_reason}, RFC 4180 quoting).
 */
public final class RequirementCatalogue {

    private static final String RESOURCE = "/org/linkway/conformance/requirements.csv";
    private final Map<String, Requirement> byId;

    private RequirementCatalogue(Map<String, Requirement> byId) {
        this.byId = byId;
    }

    /** The catalogue shipped with this kit. */
    public static RequirementCatalogue load() {
        try (InputStream in = RequirementCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the kit");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses catalogue text; a malformed row is an error naming its line. */
    public static RequirementCatalogue parse(String csv) {
        List<List<String>> rows = Csv.parse(csv);
        Map<String, Requirement> byId = new LinkedHashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (r.size() == 1 && r.get(0).isBlank()) {
                continue;
            }
            int line = i + 1;
            if (r.size() != 6) {
                throw new IllegalArgumentException(
                        "requirements.csv row " + line + ": 6 columns expected, found " + r.size());
            }
            if (!r.get(0).matches("LW-[A-Z]{3}-\\d{3}")) {
                throw new IllegalArgumentException("requirements.csv row " + line + ": bad id '" + r.get(0) + "'");
            }
            Level level;
            try {
                level = Level.valueOf(r.get(2));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "requirements.csv row " + line + ": level must be SHALL or SHOULD", e);
            }
            Profile profile = Profile.fromId(r.get(4))
                    .orElseThrow(() -> new IllegalArgumentException(
                            "requirements.csv row " + line + ": unknown profile " + r.get(4)));
            if (r.get(3).isBlank()) {
                throw new IllegalArgumentException("requirements.csv row " + line + ": traces_to is empty");
            }
            Requirement req = new Requirement(r.get(0), r.get(1), level, r.get(3), profile, r.get(5));
            if (byId.put(req.id(), req) != null) {
                throw new IllegalArgumentException("requirements.csv row " + line + ": duplicate id " + req.id());
            }
        }
        return new RequirementCatalogue(byId);
    }

    public List<Requirement> all() {
        return new ArrayList<>(byId.values());
    }

    public Optional<Requirement> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Minimal RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
    static final class Csv {
        private Csv() {}

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else if (c != '\r') {
                    field.append(c);
                }
            }
            if (field.length() > 0 || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
