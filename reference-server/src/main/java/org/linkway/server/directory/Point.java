package org.linkway.server.directory;

/** A place on the earth, in WGS84 degrees. */
public record Point(double latitude, double longitude) {

    public Point {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("not a WGS84 point: " + latitude + ", " + longitude);
        }
    }
}
