package org.linkway.server.directory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Postcode centroids from a CSV file the operator supplies: {@code postcode,latitude,longitude},
 * one a line, each a whole postcode or an outward code, an optional header line first. A whole
 * postcode is looked up as itself, then by its outward code, so a file of outward-code centroids
 * alone is enough for search by distance to the nearest few kilometres.
 *
 * <p>No centroids ship with Linkway. The Office for National Statistics publishes postcode
 * products (the postcode directory and its lookups) under the Open Government Licence, from
 * which such a file can be made; see docs/ARCHITECTURE.md.
 */
public final class CentroidGeocoder implements Geocoder {

    private final Map<String, Point> centroids;

    private CentroidGeocoder(Map<String, Point> centroids) {
        this.centroids = Map.copyOf(centroids);
    }

    /**
     * Reads the file.
     *
     * @throws IllegalStateException naming the line, for a line that is not a postcode and a point
     */
    public static CentroidGeocoder read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the postcode centroids " + file + ": " + e.getMessage(), e);
        }
        Map<String, Point> out = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()
                    || line.startsWith("#")
                    || (i == 0 && line.toLowerCase(java.util.Locale.ROOT).startsWith("postcode"))) {
                continue;
            }
            String[] cells = line.split(",");
            Optional<Postcode> code = cells.length == 3 ? Postcode.parse(cells[0]) : Optional.empty();
            Point point = code.isPresent() ? point(cells) : null;
            if (point == null) {
                throw new IllegalStateException(file + " line " + (i + 1)
                        + ": expected postcode,latitude,longitude (WGS84 degrees), got: " + line);
            }
            out.put(code.get().toString(), point);
        }
        return new CentroidGeocoder(out);
    }

    private static Point point(String[] cells) {
        try {
            return new Point(Double.parseDouble(cells[1].strip()), Double.parseDouble(cells[2].strip()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public Optional<Point> locate(Postcode postcode) {
        Point exact = centroids.get(postcode.toString());
        return Optional.ofNullable(exact != null ? exact : centroids.get(postcode.outward()));
    }

    /** How many postcodes and outward codes the file gave. */
    public int size() {
        return centroids.size();
    }
}
