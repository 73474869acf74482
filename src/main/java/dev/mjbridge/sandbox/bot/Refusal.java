package dev.mjbridge.sandbox.bot;

import tools.jackson.databind.node.ArrayNode;

/**
 * Why the bot will not run something: the error embed's kind and its description, and for the
 * refusals that offer one, the row with their button (Acknowledge, Accept ToS, Appeal).
 *
 * @param components the message's component rows, {@code null} when the embed has no button
 */
public record Refusal(ErrorKind kind, String description, ArrayNode components) {

    public Refusal(ErrorKind kind, String description) {
        this(kind, description, null);
    }

    public static Refusal of(ErrorKind kind) {
        return new Refusal(kind, kind.defaultDescription());
    }
}
