package dev.mjbridge.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Typed, forgiving-but-not-sloppy reading of a JSON request body. Every problem becomes
 * a {@link RejectedRequest} (code 4) whose description starts with the field's path
 * ({@code accountFilter.modes[1]: ...}), which is what a client developer needs.
 * <p>
 * Bodies are read by hand rather than bound by Jackson so that each rule is visible
 * here: JSON null and absence mean the same, unknown fields are ignored (clients send
 * extras), task ids may be numbers (the API docs show them as numbers), but a number is
 * not a prompt.
 */
final class RequestFields {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final int MAX_PARSER_MESSAGE = 160;

    private final JsonNode node;
    private final String prefix;

    private RequestFields(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    /** The body as a JSON object. */
    static RequestFields ofObject(byte[] body) {
        JsonNode root = parse(body);
        if (!root.isObject()) {
            throw RejectedRequest.invalid("body", "must be a JSON object");
        }
        return new RequestFields(root, "");
    }

    /** Any JSON value; absent or blank bodies are rejected. */
    static JsonNode parse(byte[] body) {
        if (isBlank(body)) {
            throw RejectedRequest.invalid("body", "is required (a JSON object)");
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw RejectedRequest.invalid("body", "is required (a JSON object)");
            }
            return root;
        } catch (JacksonException e) {
            throw RejectedRequest.invalid("body", "is not valid JSON (" + describe(e) + ")");
        }
    }

    /** A reader for a JSON array's string elements, named {@code field[i]} in errors. */
    static List<String> idsOf(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String id = idValue(array.get(i), field + "[" + i + "]");
            if (id != null && !id.isBlank()) {
                ids.add(id.trim());
            }
        }
        return ids;
    }

    /** The dotted path of a field of this object, as errors name it. */
    String path(String name) {
        return prefix + name;
    }

    /** A string, or null when absent or JSON null. */
    String text(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            throw RejectedRequest.invalid(path(name), "must be a string");
        }
        return value.stringValue();
    }

    /** A string that must be present and not blank. */
    String requiredText(String name) {
        String value = text(name);
        if (value == null || value.isBlank()) {
            throw RejectedRequest.invalid(path(name), "is required");
        }
        return value;
    }

    /** A string whose empty value means "not given", as clients send {@code ""} for unused fields. */
    String optionalText(String name) {
        String value = text(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** A task id: a string or a whole number, trimmed; required. */
    String requiredId(String name) {
        String id = idValue(value(name), path(name));
        if (id == null || id.isBlank()) {
            throw RejectedRequest.invalid(path(name), "is required");
        }
        return id.trim();
    }

    /** An id given as a string or a whole number, trimmed; null when absent. */
    String optionalId(String name) {
        String id = idValue(value(name), path(name));
        return id == null ? null : id.trim();
    }

    /** An http(s) URL, or null when absent or empty. */
    String optionalUrl(String name) {
        String value = optionalText(name);
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://")) || trimmed.length() < 9
                || trimmed.chars().anyMatch(Character::isWhitespace)) {
            throw RejectedRequest.invalid(path(name), "must be an http or https URL");
        }
        return trimmed;
    }

    /** true/false (also as the strings "true"/"false"); {@code fallback} when absent or empty. */
    boolean flag(String name, boolean fallback) {
        Boolean value = optionalFlag(name);
        return value == null ? fallback : value;
    }

    Boolean optionalFlag(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isString()) {
            String text = value.stringValue().trim().toLowerCase(Locale.ROOT);
            if (text.isEmpty()) {
                return null;
            }
            if (text.equals("true") || text.equals("false")) {
                return Boolean.valueOf(text);
            }
        }
        throw RejectedRequest.invalid(path(name), "must be true or false");
    }

    /** A whole number in int range (also as a string of digits), or null when absent or empty. */
    Integer optionalInteger(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isString()) {
            String text = value.stringValue().trim();
            if (text.isEmpty()) {
                return null;
            }
            if (text.matches("-?\\d{1,9}")) {
                return Integer.parseInt(text);
            }
        }
        throw RejectedRequest.invalid(path(name), "must be a whole number");
    }

    /**
     * One of a fixed set of names, read by {@code parser}; {@code fallback} when absent or
     * empty; otherwise an error listing {@code allowed}.
     */
    <E> E choice(String name, Function<String, Optional<E>> parser, E fallback, String allowed) {
        String value = text(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return parser.apply(value.trim()).orElseThrow(() -> RejectedRequest.invalid(path(name),
                "must be one of " + allowed + ", got " + ClientText.quote(value)));
    }

    /** An array of strings; empty when absent. Element errors name {@code field[i]}. */
    List<String> texts(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw RejectedRequest.invalid(path(name), "must be an array of strings");
        }
        List<String> texts = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (element == null || !element.isString()) {
                throw RejectedRequest.invalid(path(name) + "[" + i + "]", "must be a string");
            }
            texts.add(element.stringValue());
        }
        return texts;
    }

    /** A nested object, empty when absent. */
    Optional<RequestFields> object(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw RejectedRequest.invalid(path(name), "must be an object");
        }
        return Optional.of(new RequestFields(value, path(name) + "."));
    }

    /** The raw value, null when absent or JSON null. */
    JsonNode value(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() || value.isMissingNode() ? null : value;
    }

    private static boolean isBlank(byte[] body) {
        if (body == null) {
            return true;
        }
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static String idValue(JsonNode value, String field) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isIntegralNumber()) {
            return value.asString();
        }
        throw RejectedRequest.invalid(field, "must be a string");
    }

    private static String describe(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        message = message.replaceAll("\\s+", " ").trim();
        if (message.length() > MAX_PARSER_MESSAGE) {
            message = message.substring(0, MAX_PARSER_MESSAGE) + "...";
        }
        TokenStreamLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            message += " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        }
        return message;
    }
}
