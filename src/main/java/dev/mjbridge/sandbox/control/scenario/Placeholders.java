package dev.mjbridge.sandbox.control.scenario;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{name}}} placeholders of scenario payloads. They are replaced inside JSON
 * string values (never in the raw text), so a prompt with quotes or backslashes cannot
 * break the payload. {@code jobHash} and {@code messageId} take a number for further
 * fresh values: {@code {{messageId:2}}} is a second new message id, {@code {{messageId}}}
 * is the same as {@code {{messageId:1}}}.
 */
public final class Placeholders {

    /** Values taken from the interaction being answered. */
    public static final Set<String> FROM_INTERACTION = Set.of("nonce", "userId", "username", "channelId", "guildId",
            "interactionId", "prompt", "targetMessageId", "customId", "applicationId", "timestamp");
    /** Values made fresh for each playback, numbered. */
    public static final Set<String> FRESH = Set.of("jobHash", "messageId");

    private static final Pattern ANY_PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)}}");
    private static final Pattern GRAMMAR = Pattern.compile("\\s*([A-Za-z]+)(?::(\\d{1,2}))?\\s*");

    private Placeholders() {
    }

    /** Problems with the placeholders in {@code node}, each naming its JSON path; empty when all are known. */
    static List<String> problems(JsonNode node, String path) {
        List<String> problems = new ArrayList<>();
        collectProblems(node, path, problems);
        return problems;
    }

    private static void collectProblems(JsonNode node, String path, List<String> problems) {
        if (node.isString()) {
            Matcher placeholder = ANY_PLACEHOLDER.matcher(node.asString());
            while (placeholder.find()) {
                Matcher name = GRAMMAR.matcher(placeholder.group(1));
                if (!name.matches() || !isKnown(name.group(1), name.group(2))) {
                    problems.add(path + ": unknown placeholder " + placeholder.group()
                            + " (known: " + String.join(", ", sorted()) + "; jobHash and messageId also as {{jobHash:2}})");
                }
            }
        } else if (node.isObject()) {
            node.forEachEntry((field, value) -> collectProblems(value, path + "." + field, problems));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectProblems(node.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    private static boolean isKnown(String name, String number) {
        if (FRESH.contains(name)) {
            return number == null || Integer.parseInt(number) >= 1;
        }
        return number == null && FROM_INTERACTION.contains(name);
    }

    private static List<String> sorted() {
        List<String> all = new ArrayList<>(FROM_INTERACTION);
        all.addAll(FRESH);
        all.sort(String::compareTo);
        return all;
    }

    /** A copy of {@code template} with every placeholder replaced. */
    static JsonNode fill(JsonNode template, ScenarioBindings bindings) {
        if (template.isString()) {
            return JsonNodeFactory.instance.stringNode(fillText(template.asString(), bindings));
        }
        if (template.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            template.forEachEntry((field, value) -> copy.set(field, fill(value, bindings)));
            return copy;
        }
        if (template.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            template.forEach(item -> copy.add(fill(item, bindings)));
            return copy;
        }
        return template.deepCopy();
    }

    private static String fillText(String text, ScenarioBindings bindings) {
        Matcher placeholder = ANY_PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            Matcher name = GRAMMAR.matcher(placeholder.group(1));
            String value = name.matches()
                    ? bindings.value(name.group(1), name.group(2) == null ? 1 : Integer.parseInt(name.group(2)))
                    : null;
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value == null ? placeholder.group() : value));
        }
        placeholder.appendTail(out);
        return out.toString();
    }

    /** The names a caller may rely on, for documentation and the control API. */
    public static Map<String, String> describe() {
        return Map.ofEntries(
                Map.entry("nonce", "the interaction's nonce (empty when it had none)"),
                Map.entry("interactionId", "the id the sandbox gave the interaction"),
                Map.entry("userId", "the interacting user's id"),
                Map.entry("username", "the interacting user's name"),
                Map.entry("channelId", "the interaction's channel"),
                Map.entry("guildId", "the interaction's guild (empty in a DM)"),
                Map.entry("applicationId", "the interaction's application_id"),
                Map.entry("prompt", "the prompt option, the button's target message prompt, or the modal's text"),
                Map.entry("targetMessageId", "a button's message_id (empty for commands)"),
                Map.entry("customId", "a button's or modal's custom_id (empty for commands)"),
                Map.entry("timestamp", "now, in Discord's timestamp format"),
                Map.entry("jobHash", "a fresh UUID; {{jobHash:2}} another one"),
                Map.entry("messageId", "a fresh snowflake; {{messageId:2}} another one"));
    }
}
