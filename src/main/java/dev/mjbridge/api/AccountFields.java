package dev.mjbridge.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mjbridge.account.AccountConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An account as the admin API takes it: a JSON object with the keys of accounts.yml, each checked
 * for its JSON type (a wrong one is code 4 naming the key); whether the values make a usable
 * account is for {@code account.AccountsFile} to say, as for a hand edit. Token values never
 * appear in an error.
 */
final class AccountFields {

    private static final Set<String> WHOLE_NUMBERS = Set.of("concurrency", "queueSize", "timeoutMinutes", "weight",
            "dailyLimit", "minIntervalSeconds", "intervalJitterSeconds", "fastTimeReserveMinutes");
    private static final Set<String> FLAGS = Set.of("enabled", "remixAutoSubmit", "autoAcknowledge", "autoAcceptTos",
            "remix");
    private static final Set<String> LISTS = Set.of("allowModes", "botTypes");

    private AccountFields() {
    }

    /**
     * @param keepNulls true for a partial update, where {@code null} removes the key; false for a
     *                  new account, where it is the same as leaving the key out
     */
    static Map<String, Object> of(ObjectNode node, boolean keepNulls) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String key = property.getKey();
            JsonNode value = property.getValue();
            if (!AccountConfig.KEYS.contains(key)) {
                throw RejectedRequest.invalid(ClientText.quote(key), "is not a known key; known keys: "
                        + String.join(", ", AccountConfig.KEYS));
            }
            if (value.isNull()) {
                if (keepNulls) {
                    fields.put(key, null);
                }
                continue;
            }
            fields.put(key, valueOf(key, value));
        }
        return fields;
    }

    private static Object valueOf(String key, JsonNode value) {
        if (WHOLE_NUMBERS.contains(key)) {
            if (value.isIntegralNumber() && value.canConvertToInt()) {
                return value.intValue();
            }
            throw RejectedRequest.invalid(key, "must be a whole number");
        }
        if (FLAGS.contains(key)) {
            if (value.isBoolean()) {
                return value.booleanValue();
            }
            throw RejectedRequest.invalid(key, "must be true or false");
        }
        if (LISTS.contains(key)) {
            if (value.isString()) {
                return List.of(value.stringValue());
            }
            if (!value.isArray()) {
                throw RejectedRequest.invalid(key, "must be an array of strings");
            }
            List<String> items = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                if (!value.get(i).isString()) {
                    throw RejectedRequest.invalid(key + "[" + i + "]", "must be a string");
                }
                items.add(value.get(i).stringValue());
            }
            return items;
        }
        if (!value.isString()) {
            // Discord ids as JSON numbers lose digits; tokens are strings. Said without the value.
            throw RejectedRequest.invalid(key, "must be a string" + (key.endsWith("Id") ? " (quote Discord ids)" : ""));
        }
        return value.stringValue();
    }
}
