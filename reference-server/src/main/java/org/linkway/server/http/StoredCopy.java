package org.linkway.server.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * Writes a validated message in its stored form by copying the body's tokens: the three
 * identifying members first, then the server-assigned ones (with the sender's own id beside
 * ours), then everything else in the order sent. The same bytes {@link Intake#accept} and
 * {@link Json#write} produce from a tree, without building one: on a busy server the tree and
 * its second serialisation cost more than the validation before them.
 */
final class StoredCopy {

    private static final String[] FIRST = {"resourceType", "schemaVersion", "prsbVersion"};
    /** No duplicate check here: the validator has refused any message with a repeated member. */
    private static final JsonFactory TOKENS = JsonFactory.builder().build();

    /** Reads the one value the parser is on, with the rest of the message still to come. */
    private static final ObjectReader ONE_VALUE =
            Json.MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StoredCopy() {}

    /**
     * The stored form, or null when the message is not the plain shape this copy handles (one of
     * the identifying members missing or not a scalar, or a member the server assigns sent): the
     * caller then takes the tree path, which stores it or refuses it.
     */
    static Intake.Stored copy(byte[] body, Map<String, String> assigned, String besideId, String pick) {
        Map<String, JsonNode> hoisted = new HashMap<>();
        ByteArrayOutputStream rest = new ByteArrayOutputStream(body.length);
        Picker picker = new Picker(pick);
        try (JsonParser p = TOKENS.createParser(ObjectReadContext.empty(), body);
                JsonGenerator g = Json.MAPPER.createGenerator(rest)) {
            p.nextToken();
            g.writeStartObject();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (assigned.containsKey(name)) {
                    return null; // refused on the tree path, with the problem it names
                }
                if (isHoisted(name, besideId)) {
                    if (!value.isScalarValue()) {
                        return null;
                    }
                    hoisted.put(name, ONE_VALUE.readTree(p));
                    continue;
                }
                g.writeName(name);
                picker.copy(p, g, name);
            }
            g.writeEndObject();
        }
        for (String first : FIRST) {
            if (!hoisted.containsKey(first)) {
                return null;
            }
        }
        ByteArrayOutputStream head = new ByteArrayOutputStream(256);
        try (JsonGenerator g = Json.MAPPER.createGenerator(head)) {
            g.writeStartObject();
            for (String first : FIRST) {
                g.writeName(first);
                g.writeTree(hoisted.get(first));
            }
            for (Map.Entry<String, String> a : assigned.entrySet()) {
                g.writeStringProperty(a.getKey(), a.getValue());
                if (a.getKey().equals("id") && besideId != null && hoisted.containsKey(besideId)) {
                    g.writeName(besideId);
                    g.writeTree(hoisted.get(besideId));
                }
            }
            g.writeEndObject();
        }
        return new Intake.Stored(splice(head.toByteArray(), rest.toByteArray()), picker.found);
    }

    private static boolean isHoisted(String name, String besideId) {
        return name.equals(FIRST[0]) || name.equals(FIRST[1]) || name.equals(FIRST[2]) || name.equals(besideId);
    }

    /** {@code {a}} and {@code {b}} as {@code {a,b}}; both are compact objects, {@code head} never empty. */
    private static String splice(byte[] head, byte[] rest) {
        if (rest.length == 2) {
            return new String(head, StandardCharsets.UTF_8);
        }
        byte[] out = new byte[head.length + rest.length - 1];
        System.arraycopy(head, 0, out, 0, head.length - 1);
        out[head.length - 1] = ',';
        System.arraycopy(rest, 1, out, head.length, rest.length - 1);
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Copies values, descending only along one JSON pointer to read the string there. */
    private static final class Picker {

        private final String[] path;
        String found;

        Picker(String pointer) {
            this.path = pointer == null || pointer.isEmpty()
                    ? new String[0]
                    : pointer.substring(1).split("/", -1);
        }

        /** Copies the value the parser is on, a member of the root named {@code name}. */
        void copy(JsonParser p, JsonGenerator g, String name) {
            if (path.length > 0 && path[0].equals(name)) {
                copy(p, g, 1);
            } else {
                g.copyCurrentStructure(p);
            }
        }

        private void copy(JsonParser p, JsonGenerator g, int depth) {
            JsonToken t = p.currentToken();
            if (depth == path.length) {
                if (t == JsonToken.VALUE_STRING) {
                    found = p.getString();
                }
                g.copyCurrentStructure(p);
            } else if (t == JsonToken.START_OBJECT) {
                g.writeStartObject();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    g.writeName(name);
                    p.nextToken();
                    if (name.equals(path[depth])) {
                        copy(p, g, depth + 1);
                    } else {
                        g.copyCurrentStructure(p);
                    }
                }
                g.writeEndObject();
            } else if (t == JsonToken.START_ARRAY) {
                g.writeStartArray();
                int index = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (Integer.toString(index).equals(path[depth])) {
                        copy(p, g, depth + 1);
                    } else {
                        g.copyCurrentStructure(p);
                    }
                    index++;
                }
                g.writeEndArray();
            } else {
                g.copyCurrentStructure(p);
            }
        }
    }
}
