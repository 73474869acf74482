package dev.mjbridge.account;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values an admin call gives for an account, checked and turned into YAML text (and
 * into the node a YAML reader should find there, to verify an edit). Messages name the
 * account and the key, never a value: the value may be a token.
 */
final class AccountValues {

    /** Written quoted whatever they hold: tokens exactly as given, Discord ids so every digit stays. */
    private static final Set<String> ALWAYS_QUOTED = Set.of("userToken", "botToken", "guildId", "channelId");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AccountValues() {
    }

    /**
     * A value as YAML: on one line, and for a list also each item alone (for a block list).
     */
    record Yaml(String inline, List<String> items) {
    }

    /**
     * The keys in {@link AccountConfig#KEYS} order with their YAML; a null value maps to null
     * (remove the key).
     */
    static Map<String, Yaml> render(String id, Map<String, Object> values) {
        checkKeys(id, values);
        Map<String, Yaml> rendered = new LinkedHashMap<>();
        for (String key : values.keySet().stream().sorted(Comparator.comparingInt(AccountValues::order)).toList()) {
            Object value = values.get(key);
            boolean quote = ALWAYS_QUOTED.contains(key);
            try {
                List<String> items = value instanceof List<?> list
                        ? YamlScalars.strings(list).stream().map(item -> YamlScalars.inline(item, quote)).toList()
                        : null;
                rendered.put(key, value == null ? null : new Yaml(YamlScalars.inline(value, quote), items));
            } catch (IllegalArgumentException e) {
                throw new AccountsFileException(where(id) + ": key '" + key + "' " + e.getMessage());
            }
        }
        return rendered;
    }

    /** The position of a key in {@link AccountConfig#KEYS}. */
    static int order(String key) {
        return AccountConfig.KEYS.indexOf(key);
    }

    static void checkKeys(String id, Map<String, Object> values) {
        for (String key : values.keySet()) {
            if (key == null || !AccountConfig.KEYS.contains(key)) {
                throw new AccountsFileException(where(id) + ": '" + key + "' is not a known key; known keys: "
                        + String.join(", ", AccountConfig.KEYS));
            }
        }
    }

    /** What a YAML reader makes of the written value. */
    static JsonNode node(Object value) {
        if (value instanceof String text) {
            return NODES.stringNode(text);
        }
        if (value instanceof Integer number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Long number) {
            return number == number.intValue() ? NODES.numberNode(number.intValue()) : NODES.numberNode(number);
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        ArrayNode items = NODES.arrayNode();
        YamlScalars.strings((List<?>) value).forEach(items::add);
        return items;
    }

    static String where(String id) {
        return id == null ? "the new account" : "account '" + id + "'";
    }
}
