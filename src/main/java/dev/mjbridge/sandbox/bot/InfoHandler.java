package dev.mjbridge.sandbox.bot;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** /info: an ephemeral "Your info - <username>" embed built from the user's Midjourney state. */
@Component
class InfoHandler {

    private final UserStates userStates;
    private final UsageLedger usage;
    private final JobScheduler scheduler;
    private final DeferredReplies deferred;

    InfoHandler(UserStates userStates, UsageLedger usage, JobScheduler scheduler, DeferredReplies deferred) {
        this.userStates = userStates;
        this.usage = usage;
        this.scheduler = scheduler;
        this.deferred = deferred;
    }

    /** A deferred reply: "thinking", then the info embed. */
    Decision show(Interaction command) {
        return Decision.success(() -> deferred.reply(command, message -> message.putArray("embeds")
                .add(BotMessages.embed("Your info - " + command.user().username(), description(command), 0))));
    }

    private String description(Interaction command) {
        String userId = command.user().id();
        UserState state = userStates.get(userId);
        UsageLedger.Usage used = usage.of(userId);
        List<Job> queued = scheduler.queued(userId);
        List<Job> running = scheduler.running(userId);
        double totalHours = fastHoursOf(state.plan());
        double remainingHours = state.fastSecondsRemaining() / 3600.0;
        String fastTime = String.format(Locale.ROOT, "%.2f/%.1f hours (%.2f%%)", remainingHours, totalHours,
                totalHours == 0 ? 0.0 : 100.0 * remainingHours / totalHours);
        return String.join("\n",
                "**User ID**: " + userId,
                "**Subscription**: " + subscription(state),
                "**Job Mode**: " + capitalised(state.mode().contentLabel()), // Fast, Relaxed, Turbo
                "**Visibility Mode**: " + (state.stealth() ? "Stealth" : "Public"),
                "**Fast Time Remaining**: " + fastTime,
                "**Lifetime Usage**: " + images(used.fastImages() + used.relaxImages(), used.fastSeconds() + used.relaxSeconds()),
                "**Relaxed Usage**: " + images(used.relaxImages(), used.relaxSeconds()),
                "",
                "**Queued Jobs (fast)**: " + queued.stream().filter(j -> j.mode() != SpeedMode.RELAX).count(),
                "**Queued Jobs (relax)**: " + queued.stream().filter(j -> j.mode() == SpeedMode.RELAX).count(),
                "**Running Jobs**: " + (running.isEmpty() ? "None"
                        : running.stream().map(j -> j.hash() + " (" + j.mode().contentLabel() + ")")
                        .collect(Collectors.joining(", "))));
    }

    private static String subscription(UserState state) {
        if (state.plan() == Plan.NONE) {
            return "None";
        }
        String status = switch (state.standing()) {
            case SUBSCRIPTION_PAUSED -> "Paused";
            case PLAN_CANCELLED -> "Cancelled";
            default -> "Active monthly, renews next on <t:"
                    + Instant.now().plus(30, ChronoUnit.DAYS).getEpochSecond() + ">";
        };
        return capitalised(state.plan().name()) + " (" + status + ")";
    }

    /** Fast hours each plan includes per month. */
    static double fastHoursOf(Plan plan) {
        return switch (plan) {
            case NONE -> 0;
            case BASIC -> 3.3;
            case STANDARD -> 15;
            case PRO -> 30;
            case MEGA -> 60;
        };
    }

    private static String images(long count, long seconds) {
        return String.format(Locale.ROOT, "%d images (%.2f hours)", count, seconds / 3600.0);
    }

    private static String capitalised(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1).toLowerCase(Locale.ROOT);
    }
}
