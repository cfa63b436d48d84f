package org.linkway.server.directory;

import java.util.Optional;

/**
 * Finds where a postcode is, for the directory's distance search. The server's own is
 * {@link CentroidGeocoder}, reading a file the operator supplies; another (a gazetteer service, a
 * licensed address base) plugs in here.
 */
@FunctionalInterface
public interface Geocoder {

    /** Where the postcode is, or empty when this geocoder does not know it. Never throws for a bad postcode. */
    Optional<Point> locate(Postcode postcode);

    /** Knows no postcode: distance search takes coordinates only. */
    Geocoder NONE = postcode -> Optional.empty();
}
