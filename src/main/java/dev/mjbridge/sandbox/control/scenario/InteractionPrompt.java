package dev.mjbridge.sandbox.control.scenario;

import dev.mjbridge.sandbox.bot.InteractionReceiver.InteractionRequest;
import dev.mjbridge.sandbox.world.MessageStore;
import tools.jackson.databind.JsonNode;

/**
 * The prompt an interaction is about: a command's {@code prompt} option, the bold part of
 * the message a button sits on, or the first text a modal submitted.
 */
final class InteractionPrompt {

    private InteractionPrompt() {
    }

    static String of(InteractionRequest request, MessageStore messages) {
        JsonNode payload = request.payload();
        JsonNode data = payload.path("data");
        return switch (payload.path("type").asInt(-1)) {
            case 2 -> commandOption(data);
            case 3 -> messages.get(request.channel().id(), payload.path("message_id").asString(""))
                    .map(message -> boldPart(message.path("content").asString("")))
                    .orElse("");
            case 5 -> firstModalValue(data);
            default -> "";
        };
    }

    private static String commandOption(JsonNode data) {
        for (JsonNode option : data.path("options")) {
            if ("prompt".equals(option.path("name").asString(null))) {
                return option.path("value").asString("");
            }
        }
        return "";
    }

    /** Midjourney writes the prompt as {@code **prompt** - <@user> ...}. */
    static String boldPart(String content) {
        int start = content.indexOf("**");
        int end = start < 0 ? -1 : content.indexOf("**", start + 2);
        return end < 0 ? content : content.substring(start + 2, end);
    }

    private static String firstModalValue(JsonNode data) {
        for (JsonNode row : data.path("components")) {
            for (JsonNode input : row.path("components")) {
                String value = input.path("value").asString("");
                if (!value.isEmpty()) {
                    return value;
                }
            }
        }
        return "";
    }
}
