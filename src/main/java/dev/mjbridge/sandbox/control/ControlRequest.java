package dev.mjbridge.sandbox.control;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The JSON body of a control call, read field by field with errors that say which field
 * is wrong and what would be right. Each endpoint names the fields it knows, and any
 * other field is refused first: a typo is reported as a typo, not as a missing field.
 */
final class ControlRequest {

    private final JsonNode body;

    private ControlRequest(JsonNode body) {
        this.body = body;
    }

    /** An empty or missing body counts as {@code {}}. */
    static ControlRequest parse(ObjectMapper json, String raw, String... knownFields) {
        ControlRequest request = new ControlRequest(read(json, raw));
        request.rejectFieldsOtherThan(Set.of(knownFields));
        return request;
    }

    private static JsonNode read(ObjectMapper json, String raw) {
        if (raw == null || raw.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode node;
        try {
            node = json.readTree(raw);
        } catch (JacksonException e) {
            throw new BadControlRequest("body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadControlRequest("body must be a JSON object");
        }
        return node;
    }

    private Optional<JsonNode> field(String name) {
        JsonNode value = body.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    boolean has(String name) {
        return field(name).isPresent();
    }

    Optional<String> text(String name) {
        return field(name).map(value -> {
            if (!value.isString() || value.asString().isBlank()) {
                throw new BadControlRequest(name + " must be a non-empty string, got " + value);
            }
            return value.asString().trim();
        });
    }

    /** An array of non-empty strings ({@code []} allowed). */
    Optional<java.util.List<String>> texts(String name) {
        return field(name).map(value -> {
            if (!value.isArray()) {
                throw new BadControlRequest(name + " must be an array of strings, got " + value);
            }
            java.util.List<String> texts = new java.util.ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isString() || item.asString().isBlank()) {
                    throw new BadControlRequest(name + " must hold non-empty strings, got " + item);
                }
                texts.add(item.asString().trim());
            }
            return java.util.List.copyOf(texts);
        });
    }

    /** A snowflake id given as a string (as Discord writes them) or as a number. */
    Optional<String> snowflake(String name) {
        return field(name).map(value -> {
            String text = value.isIntegralNumber() ? value.asString() : value.isString() ? value.asString().trim() : "";
            if (text.isEmpty() || text.length() > 20 || !text.chars().allMatch(Character::isDigit)) {
                throw new BadControlRequest(name + " must be a Discord id (digits), got " + value);
            }
            return text;
        });
    }

    Optional<Long> whole(String name, long min, long max) {
        return field(name).map(value -> {
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
                throw new BadControlRequest(name + " must be a whole number from " + min + " to " + max + ", got " + value);
            }
            return value.asLong();
        });
    }

    long requiredWhole(String name, long min, long max) {
        return whole(name, min, max).orElseThrow(() ->
                new BadControlRequest(name + " is required (a whole number from " + min + " to " + max + ")"));
    }

    Optional<Double> number(String name, double min, double max) {
        return field(name).map(value -> {
            if (!value.isNumber() || !(value.asDouble() >= min && value.asDouble() <= max)) {
                throw new BadControlRequest(name + " must be a number from " + min + " to " + max + ", got " + value);
            }
            return value.asDouble();
        });
    }

    Optional<Boolean> bool(String name) {
        return field(name).map(value -> {
            if (!value.isBoolean()) {
                throw new BadControlRequest(name + " must be true or false, got " + value);
            }
            return value.asBoolean();
        });
    }

    /** An enum constant by name, case-insensitive. */
    <E extends Enum<E>> Optional<E> choice(String name, Class<E> type) {
        return text(name).map(value -> {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(value)) {
                    return constant;
                }
            }
            throw new BadControlRequest(name + " must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")) + ", got " + value);
        });
    }

    JsonNode requiredNode(String name) {
        return field(name).orElseThrow(() -> new BadControlRequest(name + " is required"));
    }

    private void rejectFieldsOtherThan(Set<String> known) {
        for (String name : body.propertyNames()) {
            if (!known.contains(name)) {
                throw new BadControlRequest("unknown field " + name + (known.isEmpty() ? "; this call takes no body"
                        : "; known fields: " + String.join(", ", new TreeSet<>(known))));
            }
        }
    }
}
