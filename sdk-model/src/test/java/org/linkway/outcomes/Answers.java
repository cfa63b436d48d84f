package org.linkway.outcomes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.linkway.model.Assessment;
import org.linkway.model.ItemResponse;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.node.ObjectNode;

/** Test helpers: answers and assessments built the way a sender would. */
final class Answers {

    private Answers() {}

    static ItemResponse answer(String item, double value) {
        return ItemResponse.builder().withItem(item).withValue(value).build();
    }

    /** An answer whose item or value may be missing, as hostile input can be: read from JSON, as it would arrive. */
    static ItemResponse nullable(String item, Double value) {
        ObjectNode json = LinkwayJson.mapper().createObjectNode();
        if (item != null) {
            json.put("item", item);
        }
        if (value != null) {
            json.put("value", value);
        }
        return LinkwayJson.mapper().treeToValue(json, ItemResponse.class);
    }

    /** Answers to the instrument's items in catalogue order. */
    static List<ItemResponse> inOrder(Instrument instrument, double... values) {
        List<ItemDefinition> items = instrument.items();
        if (values.length != items.size()) {
            throw new IllegalArgumentException(instrument.id() + " has " + items.size() + " items");
        }
        List<ItemResponse> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(answer(items.get(i).id(), values[i]));
        }
        return out;
    }

    static Instrument instrument(String id) {
        return InstrumentCatalogue.standard().find(id).orElseThrow();
    }

    static Assessment assessment(String json) {
        return LinkwayJson.mapper().readValue(json, Assessment.class);
    }

    static Assessment example(String file) throws IOException {
        try (var in = Answers.class.getResourceAsStream("/org/linkway/schemas/examples/valid/" + file)) {
            return LinkwayJson.mapper().readValue(in.readAllBytes(), Assessment.class);
        }
    }
}
