package org.linkway.client.internal;

import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a server's JWKS document without a JOSE library: checks its shape and drops any private
 * key member, so what the client hands on can only ever be public keys, whatever the server sent.
 */
public final class PublicKeySet {

    /** The JWK members (RFC 7517, 7518, 8037) that hold private or secret key material. */
    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    private PublicKeySet() {}

    /** The document with public members only, or empty when it is not an object with a {@code keys} array of objects. */
    public static Optional<String> read(byte[] body) {
        JsonNode tree;
        try {
            tree = Codec.mapper().readTree(body);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (tree == null || !tree.isObject() || !tree.path("keys").isArray()) {
            return Optional.empty();
        }
        ObjectNode copy = (ObjectNode) tree.deepCopy();
        for (JsonNode key : copy.get("keys")) {
            if (!key.isObject()) {
                return Optional.empty();
            }
            ((ObjectNode) key).remove(PRIVATE_MEMBERS);
        }
        return Optional.of(copy.toString());
    }
}
