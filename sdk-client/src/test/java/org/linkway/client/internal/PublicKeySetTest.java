package org.linkway.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Whatever a server sends as its key set, the client hands on public members only, or nothing. */
class PublicKeySetTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void private_members_are_dropped_and_public_ones_kept() {
        String jwks = "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"k1\",\"x\":\"AAAA\",\"d\":\"SECRET\"},"
                + "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"k2\",\"x\":\"BBBB\",\"y\":\"CCCC\",\"d\":\"SECRET\"},"
                + "{\"kty\":\"oct\",\"kid\":\"k3\",\"k\":\"SECRET\"}]}";
        String read = PublicKeySet.read(utf8(jwks)).orElseThrow();
        assertThat(read)
                .doesNotContain("SECRET")
                .contains("\"kid\":\"k1\"", "\"x\":\"AAAA\"", "\"y\":\"CCCC\"", "\"kid\":\"k3\"");
    }

    @Test
    void anything_but_an_object_with_a_keys_array_of_objects_is_not_a_key_set() {
        assertThat(PublicKeySet.read(utf8("{not json"))).isEmpty();
        assertThat(PublicKeySet.read(utf8("[]"))).isEmpty();
        assertThat(PublicKeySet.read(utf8("{\"keys\":{}}"))).isEmpty();
        assertThat(PublicKeySet.read(utf8("{\"keys\":[\"k\"]}"))).isEmpty();
        assertThat(PublicKeySet.read(utf8("{\"keys\":[]}"))).contains("{\"keys\":[]}");
    }
}
