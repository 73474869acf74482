package dev.mjbridge.sandbox.bot;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A modal with one paragraph text input, prefilled, as Midjourney's remix and zoom modals are. */
public record ModalForm(String customId, String title, String inputId, String inputLabel, String value) {

    private static final int ACTION_ROW = 1;
    private static final int TEXT_INPUT = 4;
    private static final int PARAGRAPH = 2;

    public ArrayNode components() {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        ObjectNode row = rows.addObject();
        row.put("type", ACTION_ROW);
        ObjectNode input = row.putArray("components").addObject();
        input.put("type", TEXT_INPUT);
        input.put("custom_id", inputId);
        input.put("label", inputLabel);
        input.put("style", PARAGRAPH);
        input.put("value", value);
        input.put("required", true);
        input.put("min_length", 1);
        input.put("max_length", 4000);
        return rows;
    }
}
