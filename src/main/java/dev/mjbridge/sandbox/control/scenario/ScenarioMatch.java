package dev.mjbridge.sandbox.control.scenario;

import dev.mjbridge.sandbox.bot.InteractionReceiver.InteractionRequest;
import tools.jackson.databind.JsonNode;

/**
 * Which interaction a scenario answers; every field that is set must match, and a
 * match with no fields takes the next interaction of any kind.
 *
 * @param type            interaction type: 2 command, 3 button, 5 modal submit
 * @param command         the command name ({@code data.name}), e.g. {@code imagine}
 * @param customIdPrefix  start of the button's or modal's {@code data.custom_id}
 * @param userId          only this user's interactions
 * @param channelId       only interactions in this channel
 */
public record ScenarioMatch(Integer type, String command, String customIdPrefix, String userId, String channelId) {

    public static ScenarioMatch any() {
        return new ScenarioMatch(null, null, null, null, null);
    }

    public ScenarioMatch withUserId(String value) {
        return new ScenarioMatch(type, command, customIdPrefix, value, channelId);
    }

    public boolean matches(InteractionRequest request) {
        JsonNode payload = request.payload();
        JsonNode data = payload.path("data");
        return (type == null || payload.path("type").asInt(-1) == type)
                && (command == null || command.equals(data.path("name").asString(null)))
                && (customIdPrefix == null || data.path("custom_id").asString("").startsWith(customIdPrefix))
                && (userId == null || userId.equals(request.user().id()))
                && (channelId == null || channelId.equals(request.channel().id()));
    }
}
