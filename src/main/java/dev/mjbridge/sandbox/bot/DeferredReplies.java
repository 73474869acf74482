package dev.mjbridge.sandbox.bot;

import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.function.Consumer;

/**
 * Midjourney's deferred replies (/info, /settings, /fast, /relax, /turbo): first an
 * empty ephemeral "thinking" message (flags 64 | 128, with the nonce and the interaction),
 * then a MESSAGE_UPDATE of it without the nonce, flags 64, carrying the real answer.
 */
@Component
class DeferredReplies {

    private final EphemeralMessages ephemerals;

    DeferredReplies(EphemeralMessages ephemerals) {
        this.ephemerals = ephemerals;
    }

    /** Posts the thinking message and edits it into the answer {@code fill} writes. */
    void reply(Interaction command, Consumer<ObjectNode> fill) {
        ObjectNode thinking = BotMessages.base(command.app(), command.user());
        BotMessages.answering(thinking, command, true);
        thinking.put("flags", BotMessages.EPHEMERAL | BotMessages.LOADING);
        ObjectNode sent = ephemerals.post(command.channel(), command.user(), thinking, true);
        ephemerals.update(command.user(), sent.get("id").asString(), message -> {
            message.remove("nonce");
            message.put("flags", BotMessages.EPHEMERAL);
            fill.accept(message);
        });
    }
}
