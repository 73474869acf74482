package dev.mjbridge.midjourney;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Type-tolerant reads of Discord JSON. Jackson 3's {@code asString()}/{@code asInt()}
 * throw on containers and odd strings; Discord payloads may lack or retype any field, and
 * one bad message must not break the gateway session, so every read here is total.
 */
final class Json {

    private Json() {
    }

    /** The node at {@code path}, or a missing node; never null. */
    static JsonNode at(JsonNode node, String... path) {
        JsonNode current = node == null ? MissingNode.getInstance() : node;
        for (String name : path) {
            current = current.isObject() ? current.path(name) : MissingNode.getInstance();
        }
        return current;
    }

    /** The scalar at {@code path} as text (numbers and booleans too), else {@code null}. */
    static String text(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        if (value.isString() || value.isNumber() || value.isBoolean()) {
            return value.asString();
        }
        return null;
    }

    /** Like {@link #text} but {@code null} for blank values as well. */
    static String nonBlank(JsonNode node, String... path) {
        String value = text(node, path);
        return value == null || value.isBlank() ? null : value;
    }

    /** The integer at {@code path}, accepting numeric strings, else {@code fallback}. */
    static int integer(JsonNode node, int fallback, String... path) {
        JsonNode value = at(node, path);
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isString()) {
            try {
                return Integer.parseInt(value.stringValue().strip());
            } catch (NumberFormatException notANumber) {
                return fallback;
            }
        }
        return fallback;
    }

    /** Like {@link #integer} but {@code null} when absent or not a number. */
    static Integer optionalInteger(JsonNode node, String... path) {
        int sentinel = Integer.MIN_VALUE;
        int value = integer(node, sentinel, path);
        return value == sentinel ? null : value;
    }

    /** The elements of the array at {@code path}; empty when it is not an array. */
    static List<JsonNode> elements(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        List<JsonNode> result = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(result::add);
        }
        return result;
    }
}
