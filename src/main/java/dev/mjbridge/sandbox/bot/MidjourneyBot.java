package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.world.Channel;
import dev.mjbridge.sandbox.world.SandboxUser;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated Midjourney (and niji・journey) application. It decides synchronously
 * whether Discord accepts an interaction (the HTTP answer), and does the rest after the
 * 204 on the sandbox scheduler: the acknowledgement dispatches, then the work.
 */
@Component
public class MidjourneyBot implements InteractionReceiver, ReactionReceiver {

    private final CommandRouter commands;
    private final ButtonRouter buttons;
    private final ModalRouter modals;
    private final Acknowledger acknowledger;
    private final SeedHandler seeds;
    private final Later later;

    public MidjourneyBot(CommandRouter commands, ButtonRouter buttons, ModalRouter modals, Acknowledger acknowledger,
                         SeedHandler seeds, Later later) {
        this.commands = commands;
        this.buttons = buttons;
        this.modals = modals;
        this.acknowledger = acknowledger;
        this.seeds = seeds;
        this.later = later;
    }

    @Override
    public InteractionOutcome receive(InteractionRequest request) {
        JsonNode payload = request.payload();
        // The REST layer already refused any other application id.
        BotApp app = BotApp.byApplicationId(payload.path("application_id").asString("")).orElse(BotApp.MIDJOURNEY);
        int type = payload.path("type").asInt();
        Interaction interaction = new Interaction(request.id(), type, app, request.user(), request.channel(),
                payload.path("nonce").isString() ? payload.path("nonce").asString() : null,
                payload.path("session_id").asString(null),
                type == Interaction.COMMAND ? payload.path("data").path("name").asString(null) : null,
                type == Interaction.COMPONENT ? payload.path("message_id").asString(null) : null,
                payload.path("data"));
        Decision decision = switch (type) {
            case Interaction.COMMAND -> commands.route(interaction);
            case Interaction.COMPONENT -> buttons.route(interaction);
            case Interaction.MODAL_SUBMIT -> modals.route(interaction);
            default -> throw new IllegalArgumentException("the REST layer admits interaction types 2, 3 and 5 only");
        };
        if (decision instanceof Decision.Reject reject) {
            return new InteractionOutcome.Rejected(reject.httpStatus(), reject.body());
        }
        Decision.Accept accept = (Decision.Accept) decision;
        later.inOrder(request.user().id(), () -> {
            acknowledger.acknowledge(interaction, accept.acknowledgement());
            accept.followUp().run();
        });
        return new InteractionOutcome.Accepted();
    }

    @Override
    public void reactionAdded(SandboxUser user, Channel channel, ObjectNode message, String emoji) {
        later.now(() -> seeds.reacted(user, message, emoji));
    }
}
