package dev.mjbridge.sandbox.bot;

import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether Midjourney lets the account work at all: a pending captcha comes first, then
 * its standing (blocked, unpaid, ...), then whether it has a plan.
 */
@Component
class AccountGate {

    private final UserStates userStates;
    private final ErrorEmbeds errors;
    private final ModerationRefusals moderation;

    AccountGate(UserStates userStates, ErrorEmbeds errors, ModerationRefusals moderation) {
        this.userStates = userStates;
        this.errors = errors;
        this.moderation = moderation;
    }

    /**
     * When a captcha is due, the interaction opens the "Action required to continue"
     * iframe (and gets the error embed) instead of doing anything; the captcha is then
     * considered shown.
     */
    Optional<Decision> captcha(Interaction interaction) {
        AtomicBoolean due = new AtomicBoolean();
        userStates.update(interaction.user().id(), state -> {
            due.set(state.captchaNext());
            return state.withCaptchaNext(false);
        });
        if (!due.get()) {
            return Optional.empty();
        }
        String token = UUID.randomUUID().toString().replace("-", "");
        Acknowledgement iframe = new Acknowledgement.OpenIframe("MJ::iframe::" + token,
                "/captcha/" + token + "/?user_id=" + interaction.user().id(), "Action required");
        return Optional.of(new Decision.Accept(iframe, () -> errors.post(interaction, ErrorKind.CAPTCHA)));
    }

    /** Why this account may not start work now, if it may not. */
    Optional<Refusal> refusal(String userId) {
        UserState state = moderation.liftEndedBlock(userId);
        if (state.standing() != Standing.GOOD) {
            return Optional.of(moderation.refusal(userId, state.standing()));
        }
        if (state.plan() == Plan.NONE) {
            return Optional.of(Refusal.of(ErrorKind.SUBSCRIPTION_REQUIRED));
        }
        return Optional.empty();
    }
}
