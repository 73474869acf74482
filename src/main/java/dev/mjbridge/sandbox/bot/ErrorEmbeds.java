package dev.mjbridge.sandbox.bot;

import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts the bot's error answers: ephemeral embeds that quote the failed interaction's
 * nonce and id, so a client can tell which of its requests failed.
 */
@Component
class ErrorEmbeds {

    private final EphemeralMessages ephemerals;

    ErrorEmbeds(EphemeralMessages ephemerals) {
        this.ephemerals = ephemerals;
    }

    void post(Interaction failed, Refusal refusal) {
        ObjectNode message = message(failed, refusal.kind(), refusal.description());
        if (refusal.components() != null) {
            // Remembered as an ephemeral with components, so its button can be pressed.
            message.set("components", refusal.components());
        }
        ephemerals.post(failed.channel(), failed.user(), message);
    }

    void post(Interaction failed, ErrorKind kind) {
        post(failed, kind, kind.defaultDescription());
    }

    void post(Interaction failed, ErrorKind kind, String description) {
        ephemerals.post(failed.channel(), failed.user(), message(failed, kind, description));
    }

    private static ObjectNode message(Interaction failed, ErrorKind kind, String description) {
        ObjectNode message = BotMessages.base(failed.app(), failed.user());
        BotMessages.answering(message, failed, true);
        message.put("type", BotMessages.DEFAULT);
        message.remove("interaction");
        message.putArray("embeds").add(BotMessages.embed(kind.title(), description, kind.color()));
        return message;
    }
}
