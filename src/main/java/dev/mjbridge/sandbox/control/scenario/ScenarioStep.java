package dev.mjbridge.sandbox.control.scenario;

import tools.jackson.databind.JsonNode;

import java.util.Locale;

/**
 * One dispatch of a scenario.
 *
 * @param delayMs wait after the previous step (the first step: after the acknowledgement)
 * @param event   the dispatch type ({@code t}), e.g. {@code MESSAGE_CREATE}
 * @param data    the dispatch's {@code d}, with placeholders still in it
 * @param to      who receives it
 */
public record ScenarioStep(long delayMs, String event, JsonNode data, Target to) {

    /** Who receives a step. */
    public enum Target {
        /**
         * Everyone who can see the channel, as a bot's message reaches them; MESSAGE_CREATE,
         * MESSAGE_UPDATE and MESSAGE_DELETE also change the channel's stored history.
         */
        CHANNEL,
        /** Only the gateway session named by the interaction's {@code session_id}. */
        SESSION,
        /** Every gateway session of the interacting user. */
        USER;

        /** Messages and reactions are channel events; everything else (INTERACTION_*) is the session's. */
        static Target defaultFor(String event) {
            return event.startsWith("MESSAGE_") ? CHANNEL : SESSION;
        }

        static Target parse(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
