package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.rest.DiscordErrors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * Presses of the moderation buttons. Acknowledge answers with the moderator's message and starts
 * the block it announces (or lets the user work again); Accept ToS lets the user work; Appeal runs
 * the flagged prompt as an imagine when appeals are accepted, else answers "Appeal rejected".
 * Each token works once, for the user it was shown to.
 */
@Component
class ModerationButtons {

    /** Discord's blurple: the moderator's message is news, not an error. */
    private static final int BLURPLE = 5793266;

    private final ModerationDesk desk;
    private final UserStates userStates;
    private final EphemeralMessages ephemerals;
    private final ErrorEmbeds errors;
    private final JobStarter starter;

    ModerationButtons(ModerationDesk desk, UserStates userStates, EphemeralMessages ephemerals, ErrorEmbeds errors,
                      JobStarter starter) {
        this.desk = desk;
        this.userStates = userStates;
        this.ephemerals = ephemerals;
        this.errors = errors;
        this.starter = starter;
    }

    Decision press(Interaction press, ButtonPress.Moderation button) {
        String userId = press.user().id();
        Optional<ModerationDesk.Ticket> ticket = desk.redeem(button.token(), userId);
        return switch (button.action()) {
            case "Acknowledge" -> ticket.filter(t -> t instanceof ModerationDesk.AcknowledgeTicket)
                    .map(t -> Decision.success(() -> acknowledge(press)))
                    .orElseGet(ModerationButtons::used);
            case "AcceptTos" -> ticket.filter(t -> t instanceof ModerationDesk.AcceptTosTicket)
                    .map(t -> Decision.success(() -> acceptTos(press)))
                    .orElseGet(ModerationButtons::used);
            default -> ticket.filter(t -> t instanceof ModerationDesk.AppealTicket)
                    .map(t -> Decision.success(() -> appeal(press, ((ModerationDesk.AppealTicket) t).prompt())))
                    .orElseGet(ModerationButtons::used);
        };
    }

    private void acknowledge(Interaction press) {
        String userId = press.user().id();
        Optional<ModerationDesk.ModMessage> waiting = desk.takeModMessage(userId);
        if (waiting.isEmpty() && userStates.get(userId).standing() != Standing.PENDING_MOD_MESSAGE) {
            // Acknowledged already (a second refusal's button): nothing changes, a running block still runs.
            String text = ModerationDesk.DEFAULT_MOD_TEXT + desk.blockLeft(userId)
                    .map(left -> " You are blocked from using Midjourney for " + ModerationDesk.words(left) + ".")
                    .orElse("");
            reply(press, "Message from the moderators", text);
            return;
        }
        ModerationDesk.ModMessage message = waiting
                .orElse(new ModerationDesk.ModMessage(ModerationDesk.DEFAULT_MOD_TEXT, java.time.Duration.ZERO));
        String text = message.text();
        if (message.block().isZero() || message.block().isNegative()) {
            userStates.update(userId, s -> s.withStanding(Standing.GOOD));
        } else {
            desk.blockFor(userId, message.block());
            userStates.update(userId, s -> s.withStanding(Standing.BLOCKED));
            text = text + " You are blocked from using Midjourney for " + ModerationDesk.words(message.block()) + ".";
        }
        reply(press, "Message from the moderators", text);
    }

    private void acceptTos(Interaction press) {
        userStates.update(press.user().id(),
                s -> s.standing() == Standing.TOS_NOT_ACCEPTED ? s.withStanding(Standing.GOOD) : s);
        reply(press, "Terms of Service accepted", "Thank you! You can use Midjourney now.");
    }

    private void appeal(Interaction press, String prompt) {
        if (!desk.settings().appealsAccepted()) {
            errors.post(press, Refusal.of(ErrorKind.APPEAL_REJECTED));
            return;
        }
        // The job answers the Appeal press itself: its first message carries the press's nonce.
        starter.start(new JobRequest(press, JobKind.IMAGINE, "", prompt, null, null, 0, null, false));
    }

    private void reply(Interaction press, String title, String text) {
        ObjectNode message = BotMessages.base(press.app(), press.user());
        BotMessages.answering(message, press, true);
        message.put("type", BotMessages.DEFAULT);
        message.putArray("embeds").add(BotMessages.embed(title, text, BLURPLE));
        ephemerals.post(press.channel(), press.user(), message);
    }

    /** A token pressed twice, or by someone else: Discord refuses the component, as for any stale button. */
    private static Decision used() {
        return Decision.reject(400, DiscordErrors.invalidFormBody("data.custom_id", "COMPONENT_VALIDATION_FAILED",
                "Component validation failed"));
    }
}
