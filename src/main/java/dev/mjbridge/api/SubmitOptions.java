package dev.mjbridge.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.mjbridge.account.AccountFilter;
import dev.mjbridge.account.SpeedMode;
import dev.mjbridge.midjourney.BotType;

/**
 * The optional fields every new-job submit shares.
 *
 * @param notifyHook    webhook for this task; null = the global one
 * @param state         the client's opaque value, echoed on the task
 * @param botType       which bot runs it; Midjourney unless asked otherwise
 * @param accountFilter which accounts may take it
 */
record SubmitOptions(String notifyHook, String state, BotType botType, AccountFilter accountFilter) {

    static final String BOT_TYPES = "MID_JOURNEY, NIJI_JOURNEY";
    static final String MODES = "FAST, RELAX, TURBO";

    static SubmitOptions read(RequestFields fields) {
        return new SubmitOptions(
                fields.optionalUrl("notifyHook"),
                fields.text("state"),
                fields.choice("botType", SubmitOptions::botType, BotType.MID_JOURNEY, BOT_TYPES),
                fields.object("accountFilter").map(SubmitOptions::accountFilter).orElse(AccountFilter.NONE));
    }

    /** The enum names, and the short names some clients send ({@code mj}, {@code niji}). */
    static Optional<BotType> botType(String value) {
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "MID_JOURNEY", "MIDJOURNEY", "MJ" -> Optional.of(BotType.MID_JOURNEY);
            case "NIJI_JOURNEY", "NIJIJOURNEY", "NIJI" -> Optional.of(BotType.NIJI_JOURNEY);
            default -> Optional.empty();
        };
    }

    private static AccountFilter accountFilter(RequestFields filter) {
        List<String> modeNames = filter.texts("modes");
        Set<SpeedMode> modes = EnumSet.noneOf(SpeedMode.class);
        for (int i = 0; i < modeNames.size(); i++) {
            String name = modeNames.get(i);
            String field = filter.path("modes") + "[" + i + "]";
            modes.add(SpeedMode.parse(name).orElseThrow(() -> RejectedRequest.invalid(field,
                    "must be one of " + MODES + ", got " + ClientText.quote(name))));
        }
        // Channel ids are Discord snowflakes, which some clients send as numbers.
        return new AccountFilter(filter.optionalId("instanceId"), filter.optionalId("channelId"), modes,
                filter.optionalFlag("remix"));
    }
}
