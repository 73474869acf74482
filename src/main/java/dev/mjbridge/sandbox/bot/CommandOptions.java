package dev.mjbridge.sandbox.bot;

import tools.jackson.databind.JsonNode;

import java.util.Optional;

/** Reads the {@code data.options} of a slash command payload. */
final class CommandOptions {

    private CommandOptions() {
    }

    /** The {@code value} of the named option. */
    static Optional<JsonNode> value(JsonNode data, String name) {
        for (JsonNode option : data.path("options")) {
            if (name.equals(option.path("name").asString(null)) && option.has("value") && !option.get("value").isNull()) {
                return Optional.of(option.get("value"));
            }
        }
        return Optional.empty();
    }

    /** The named option's text, when it is not blank. */
    static Optional<String> string(JsonNode data, String name) {
        return value(data, name).map(v -> v.asString("")).filter(s -> !s.isBlank());
    }

    /** The first required option of the command that the payload lacks. */
    static Optional<String> missingRequired(JsonNode data, CommandKind kind) {
        return kind.options().stream()
                .filter(CommandOption::required)
                .map(CommandOption::name)
                .filter(name -> value(data, name).map(v -> v.asString("").isBlank()).orElse(true))
                .findFirst();
    }
}
