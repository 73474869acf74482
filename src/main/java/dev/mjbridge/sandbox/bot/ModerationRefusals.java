package dev.mjbridge.sandbox.bot;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * The refusals of Midjourney's moderation, with the button each offers: "Pending mod message"
 * with Acknowledge, "Tos not accepted" with Accept ToS, a timed "Blocked" naming how long is
 * left, and the AI moderator's soft flag with Appeal (shapes and ids <b>assumed</b>, see
 * docs/midjourney.md).
 */
@Component
class ModerationRefusals {

    static final String ACKNOWLEDGE = "MJ::Moderation::Acknowledge::";
    static final String ACCEPT_TOS = "MJ::Moderation::AcceptTos::";
    static final String APPEAL = "MJ::Moderation::Appeal::";

    private final UserStates userStates;
    private final ModerationDesk desk;

    ModerationRefusals(UserStates userStates, ModerationDesk desk) {
        this.userStates = userStates;
        this.desk = desk;
    }

    /** The user's state, with a timed block lifted when its time has come. */
    UserState liftEndedBlock(String userId) {
        UserState state = userStates.get(userId);
        if (state.standing() == Standing.BLOCKED && desk.blockOver(userId)) {
            return userStates.update(userId, s -> s.standing() == Standing.BLOCKED ? s.withStanding(Standing.GOOD) : s);
        }
        return state;
    }

    /** The refusal for a standing that forbids work. */
    Refusal refusal(String userId, Standing standing) {
        ErrorKind kind = ErrorKind.of(standing);
        return switch (standing) {
            case PENDING_MOD_MESSAGE -> new Refusal(kind, kind.defaultDescription(), Buttons.moderation(
                    ACKNOWLEDGE + desk.ticket(new ModerationDesk.AcknowledgeTicket(userId)), "Acknowledge"));
            case TOS_NOT_ACCEPTED -> new Refusal(kind, kind.defaultDescription(), Buttons.moderation(
                    ACCEPT_TOS + desk.ticket(new ModerationDesk.AcceptTosTicket(userId)), "Accept ToS"));
            case BLOCKED -> desk.blockLeft(userId)
                    .map(left -> new Refusal(kind, timedBlock(left)))
                    .orElseGet(() -> Refusal.of(kind));
            default -> Refusal.of(kind);
        };
    }

    /** The AI moderator's soft flag of a prompt holding one of the configured words; the user may appeal. */
    Optional<Refusal> softFlag(Interaction origin, String prompt) {
        return desk.softFlagged(prompt).map(word -> new Refusal(ErrorKind.PROMPT_FLAGGED,
                ErrorKind.PROMPT_FLAGGED.defaultDescription(), Buttons.moderation(
                        APPEAL + desk.ticket(new ModerationDesk.AppealTicket(origin.user().id(), prompt)), "Appeal")));
    }

    static String timedBlock(Duration left) {
        return "You have been temporarily blocked from accessing Midjourney for " + ModerationDesk.words(left)
                + " because of a violation of our community guidelines.";
    }
}
