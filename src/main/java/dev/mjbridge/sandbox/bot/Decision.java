package dev.mjbridge.sandbox.bot;

import tools.jackson.databind.node.ObjectNode;

/**
 * What the bot makes of an interaction before {@code POST /interactions} answers: a
 * Discord error, or acceptance with the acknowledgement to dispatch and the work that
 * follows it (run after the 204, on the bot's scheduler).
 */
sealed interface Decision {

    record Reject(int httpStatus, ObjectNode body) implements Decision {
    }

    record Accept(Acknowledgement acknowledgement, Runnable followUp) implements Decision {
    }

    static Decision success(Runnable followUp) {
        return new Accept(new Acknowledgement.Success(), followUp);
    }

    static Decision reject(int httpStatus, ObjectNode body) {
        return new Reject(httpStatus, body);
    }
}
