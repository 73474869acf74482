package dev.mjbridge.sandbox.control.scenario;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads and checks a scenario file. Strict on purpose: an unknown field or placeholder
 * is far more likely a typo than an intention, and a scenario that silently never
 * matches wastes a debugging session.
 */
public final class ScenarioParser {

    static final long MAX_DELAY_MS = 600_000;
    static final int MAX_STEPS = 1_000;

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Pattern EVENT_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Set<String> ROOT_FIELDS = Set.of("name", "description", "match", "times", "acknowledge", "steps");
    private static final Set<String> MATCH_FIELDS = Set.of("type", "command", "customIdPrefix", "userId", "channelId");
    private static final Set<String> STEP_FIELDS = Set.of("delayMs", "event", "data", "to");

    private ScenarioParser() {
    }

    public static Scenario parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json == null ? "" : json);
        } catch (JacksonException e) {
            throw new ScenarioFormatException("scenario is not valid JSON: " + e.getOriginalMessage());
        }
        return parse(root);
    }

    public static Scenario parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new ScenarioFormatException("a scenario is a JSON object with \"steps\"");
        }
        rejectUnknown(root, ROOT_FIELDS, "scenario");
        String name = optionalText(root, "name", "scenario").orElse("scenario");
        ScenarioMatch match = root.has("match") ? match(root.get("match")) : ScenarioMatch.any();
        int times = (int) optionalWhole(root, "times", "scenario", 1, 1_000_000).orElse(1L).longValue();
        boolean acknowledge = optionalBoolean(root, "acknowledge", "scenario").orElse(true);
        JsonNode steps = root.path("steps");
        if (!steps.isArray()) {
            throw new ScenarioFormatException("scenario.steps: required, a list of {delayMs, event, data}");
        }
        if (steps.size() > MAX_STEPS) {
            throw new ScenarioFormatException("scenario.steps: at most " + MAX_STEPS + " steps");
        }
        List<ScenarioStep> parsed = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            parsed.add(step(steps.get(i), "steps[" + i + "]"));
        }
        return new Scenario(name, match, times, acknowledge, parsed);
    }

    private static ScenarioMatch match(JsonNode node) {
        if (!node.isObject()) {
            throw new ScenarioFormatException("match: must be an object like {\"type\": 2, \"command\": \"imagine\"}");
        }
        rejectUnknown(node, MATCH_FIELDS, "match");
        Integer type = optionalWhole(node, "type", "match", 2, 5).map(Long::intValue).orElse(null);
        if (type != null && type != 2 && type != 3 && type != 5) {
            throw new ScenarioFormatException("match.type: must be 2 (command), 3 (button) or 5 (modal submit), got " + type);
        }
        return new ScenarioMatch(type,
                optionalText(node, "command", "match").orElse(null),
                optionalText(node, "customIdPrefix", "match").orElse(null),
                optionalText(node, "userId", "match").orElse(null),
                optionalText(node, "channelId", "match").orElse(null));
    }

    private static ScenarioStep step(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new ScenarioFormatException(path + ": must be an object {delayMs, event, data}");
        }
        rejectUnknown(node, STEP_FIELDS, path);
        long delay = optionalWhole(node, "delayMs", path, 0, MAX_DELAY_MS).orElse(0L);
        String event = optionalText(node, "event", path)
                .orElseThrow(() -> new ScenarioFormatException(path + ".event: required, e.g. \"MESSAGE_CREATE\""));
        if (!EVENT_NAME.matcher(event).matches()) {
            throw new ScenarioFormatException(path + ".event: a dispatch name in upper case like MESSAGE_CREATE, got " + event);
        }
        ScenarioStep.Target to = optionalText(node, "to", path).map(value -> target(value, path))
                .orElse(ScenarioStep.Target.defaultFor(event));
        JsonNode data = node.get("data");
        if (data == null) {
            throw new ScenarioFormatException(path + ".data: required, the dispatch's d object");
        }
        if (to == ScenarioStep.Target.CHANNEL && event.startsWith("MESSAGE_") && !data.isObject()) {
            throw new ScenarioFormatException(path + ".data: a " + event + " needs a message object");
        }
        List<String> problems = Placeholders.problems(data, path + ".data");
        if (!problems.isEmpty()) {
            throw new ScenarioFormatException(String.join("; ", problems));
        }
        return new ScenarioStep(delay, event, data, to);
    }

    private static ScenarioStep.Target target(String value, String path) {
        try {
            return ScenarioStep.Target.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ScenarioFormatException(path + ".to: one of " + Arrays.toString(ScenarioStep.Target.values())
                    .toLowerCase(Locale.ROOT) + ", got " + value);
        }
    }

    private static void rejectUnknown(JsonNode node, Set<String> known, String path) {
        for (String field : node.propertyNames()) {
            if (!known.contains(field)) {
                throw new ScenarioFormatException(path + "." + field + ": unknown field (known: "
                        + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    private static Optional<String> optionalText(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString() || value.asString().isBlank()) {
            throw new ScenarioFormatException(path + "." + field + ": must be a non-empty string");
        }
        return Optional.of(value.asString());
    }

    private static Optional<Long> optionalWhole(JsonNode node, String field, String path, long min, long max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            throw new ScenarioFormatException(path + "." + field + ": must be a whole number from " + min + " to " + max
                    + ", got " + value);
        }
        return Optional.of(value.asLong());
    }

    private static Optional<Boolean> optionalBoolean(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw new ScenarioFormatException(path + "." + field + ": must be true or false, got " + value);
        }
        return Optional.of(value.asBoolean());
    }
}
