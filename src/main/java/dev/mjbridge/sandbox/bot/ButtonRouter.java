package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.rest.DiscordErrors;
import dev.mjbridge.sandbox.world.World;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * Button presses (type 3): the pressed message must exist in the channel (or be an
 * ephemeral message the user was shown), be the application's, and carry the customId.
 */
@Component
class ButtonRouter {

    private final World world;
    private final EphemeralMessages ephemerals;
    private final AccountGate gate;
    private final JobButtons jobButtons;
    private final DescribeHandler describe;
    private final ShortenHandler shorten;
    private final SettingsHandler settings;
    private final CancelJobHandler cancel;
    private final ModerationButtons moderation;

    ButtonRouter(World world, EphemeralMessages ephemerals, AccountGate gate, JobButtons jobButtons,
                 DescribeHandler describe, ShortenHandler shorten, SettingsHandler settings, CancelJobHandler cancel,
                 ModerationButtons moderation) {
        this.moderation = moderation;
        this.cancel = cancel;
        this.world = world;
        this.ephemerals = ephemerals;
        this.gate = gate;
        this.jobButtons = jobButtons;
        this.describe = describe;
        this.shorten = shorten;
        this.settings = settings;
    }

    Decision route(Interaction press) {
        Optional<ObjectNode> message = world.messages().get(press.channel().id(), press.messageId())
                .or(() -> ephemerals.find(press.channel(), press.user(), press.messageId()));
        if (message.isEmpty()) {
            return Decision.reject(404, DiscordErrors.body("Unknown Message", DiscordErrors.UNKNOWN_MESSAGE));
        }
        String customId = press.data().path("custom_id").asString("");
        boolean ours = press.app().applicationId().equals(message.get().path("author").path("id").asString(""));
        Optional<ButtonPress> button = CustomIdReader.read(customId);
        if (!ours || !Buttons.contain(message.get(), customId) || button.isEmpty()) {
            return Decision.reject(400, DiscordErrors.invalidFormBody("data.custom_id", "COMPONENT_VALIDATION_FAILED",
                    "Component validation failed"));
        }
        ButtonPress pressed = button.get();
        if (pressed.startsJob()) {
            Optional<Decision> captcha = gate.captcha(press);
            if (captcha.isPresent()) {
                return captcha.get();
            }
        }
        if (pressed instanceof ButtonPress.CancelJob cancelJob) {
            return cancel.press(press, cancelJob.jobId());
        }
        if (pressed instanceof ButtonPress.OnJob onJob) {
            return jobButtons.press(press, onJob);
        }
        if (pressed instanceof ButtonPress.DescribePick pick) {
            return describe.pick(press, pick.index());
        }
        if (pressed instanceof ButtonPress.DescribeRetry) {
            return describe.retry(press);
        }
        if (pressed instanceof ButtonPress.Moderation moderationButton) {
            return moderation.press(press, moderationButton);
        }
        if (pressed instanceof ButtonPress.ShortenPick pick) {
            return shorten.pick(press, pick);
        }
        return settings.press(press, ((ButtonPress.Setting) pressed).option());
    }
}
