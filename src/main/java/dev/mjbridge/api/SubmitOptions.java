package dev.mjbridge.api;

import java.util.Locale;
import java.util.Optional;

import dev.mjbridge.account.AccountFilter;
import dev.mjbridge.midjourney.BotType;

/**
 * The optional fields every new-job submit shares, as the core takes them.
 *
 * @param notifyHook    webhook for this task; null = the global one
 * @param state         the client's opaque value, echoed on the task
 * @param botType       which bot runs it; Midjourney unless asked otherwise
 * @param accountFilter which accounts may take it
 */
record SubmitOptions(String notifyHook, String state, BotType botType, AccountFilter accountFilter) {

    static final String BOT_TYPES = "MID_JOURNEY, NIJI_JOURNEY";
    static final String MODES = "FAST, RELAX, TURBO";

    /** The shared fields' descriptions in the OpenAPI document. */
    static final String NOTIFY_HOOK_DOC = "webhook (http or https) told of each change of the task; "
            + "empty = the global mj.notify-hook";
    static final String STATE_DOC = "your own value, echoed on the task";
    static final String BOT_TYPE_DOC = "which bot runs the job; MID_JOURNEY when empty (mj and niji are accepted too)";

    /** From a request's fields as bound (null = not given). */
    static SubmitOptions of(String notifyHook, String state, BotType botType, AccountFilterRequest accountFilter) {
        return new SubmitOptions(notifyHook, state, botType == null ? BotType.MID_JOURNEY : botType,
                accountFilter == null ? AccountFilter.NONE : accountFilter.toFilter());
    }

    /** The enum names, and the short names some clients send ({@code mj}, {@code niji}). */
    static Optional<BotType> botType(String value) {
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "MID_JOURNEY", "MIDJOURNEY", "MJ" -> Optional.of(BotType.MID_JOURNEY);
            case "NIJI_JOURNEY", "NIJIJOURNEY", "NIJI" -> Optional.of(BotType.NIJI_JOURNEY);
            default -> Optional.empty();
        };
    }
}
