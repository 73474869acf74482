package dev.mjbridge.sandbox.bot;

import tools.jackson.databind.node.ObjectNode;

/** How {@code POST /interactions} answers: 204, or a Discord error status and body. */
public sealed interface InteractionOutcome {

    record Accepted() implements InteractionOutcome {
    }

    record Rejected(int httpStatus, ObjectNode body) implements InteractionOutcome {
    }
}
