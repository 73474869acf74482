package dev.mjbridge.it;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Where two JSON documents differ, as paths with both values ({@code properties.nonce: "1" vs "2"}),
 * so that a failure says which fields two answers disagree on rather than printing both whole.
 */
final class JsonDifferences {

    private static final int SHOWN = 12;

    private JsonDifferences() {
    }

    /** The differing paths, at most {@value #SHOWN} of them, with the values on both sides. */
    static List<String> between(JsonNode left, JsonNode right) {
        List<String> found = new ArrayList<>();
        collect("", left, right, found);
        return found.size() <= SHOWN ? found : found.subList(0, SHOWN);
    }

    private static void collect(String path, JsonNode left, JsonNode right, List<String> found) {
        if (left != null && right != null && left.isObject() && right.isObject()) {
            Set<String> names = new LinkedHashSet<>(left.propertyNames());
            names.addAll(right.propertyNames());
            for (String name : names) {
                collect(path.isEmpty() ? name : path + "." + name, left.get(name), right.get(name), found);
            }
        } else if (left != null && right != null && left.isArray() && right.isArray() && left.size() == right.size()) {
            for (int i = 0; i < left.size(); i++) {
                collect(path + "[" + i + "]", left.get(i), right.get(i), found);
            }
        } else if (left == null ? right != null : !left.equals(right)) {
            found.add((path.isEmpty() ? "(document)" : path) + ": " + shown(left) + " vs " + shown(right));
        }
    }

    private static String shown(JsonNode value) {
        if (value == null) {
            return "(absent)";
        }
        String text = value.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
