package org.linkway.server.directory;

import java.nio.file.Path;

/**
 * How the directory is set up.
 *
 * @param postcodeCentroids the CSV of postcode (or outward code) centroids search by postcode reads
 *                          ({@link CentroidGeocoder}); null: search by coordinates only
 */
public record DirectorySettings(Path postcodeCentroids) {

    public static final DirectorySettings NONE = new DirectorySettings(null);

    /** The geocoder these settings describe; reads the file now, so a bad one stops the start. */
    public Geocoder geocoder() {
        return postcodeCentroids == null ? Geocoder.NONE : CentroidGeocoder.read(postcodeCentroids);
    }
}
