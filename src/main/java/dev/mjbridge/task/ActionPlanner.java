package dev.mjbridge.task;

import dev.mjbridge.midjourney.JobKind;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.mjbridge.account.AccountFilter;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.CustomId;
import dev.mjbridge.midjourney.JobRequest;

/**
 * Turns "press button {@code customId} of task {@code parent}" into the child task, the
 * request for Discord and where it may run. Everything a client can get wrong is
 * answered with {@link ActionPlan.Refused} naming {@code customId}, so the API can say
 * which field to fix.
 * <p>
 * Routing follows the message: a button can only be pressed by an account that sees the
 * parent's message, so the child is pinned to the parent's account, or with
 * {@code chooseSameChannel} to any account in the parent's channel.
 */
@Component
public class ActionPlanner {

    static final String FIELD = "customId";

    private final TaskService tasks;

    public ActionPlanner(TaskService tasks) {
        this.tasks = tasks;
    }

    public ActionPlan plan(Task parent, String customId, ActionOptions options) {
        CustomId id = CustomId.parse(customId);
        // A failed task keeps one button: the Appeal of a prompt the AI moderator flagged.
        boolean appeal = parent.status() == TaskStatus.FAILURE && id.kind() == CustomId.Kind.APPEAL;
        if (parent.status() != TaskStatus.SUCCESS && !appeal) {
            return refused("task " + parent.id() + " is " + parent.status()
                    + "; buttons can be pressed once it is SUCCESS (a failed task only its Appeal button)");
        }
        if (parent.buttons().stream().noneMatch(button -> button.customId().equals(customId))) {
            return refused("not a button of task " + parent.id());
        }
        if (id.isModal()) {
            return refused("is a modal id, not a button");
        }
        if (!id.startsJob() && id.kind() != CustomId.Kind.BOOKMARK) {
            return refused("this button starts no Midjourney job that mj-bridge can follow");
        }
        if (id.kind() == CustomId.Kind.DESCRIBE_PICK && id.index() == 0) {
            return refused("'imagine all' starts four jobs; press the suggestions one at a time");
        }
        Optional<Routing> routing = routing(parent, options);
        if (routing.isEmpty() || parent.properties().messageId() == null) {
            return refused("task " + parent.id() + " has no Discord message on record to press buttons on");
        }
        if (id.kind() == CustomId.Kind.DESCRIBE_PICK || id.kind() == CustomId.Kind.SHORTEN_PICK) {
            return planPick(parent, id, options, routing.get());
        }
        return planPress(parent, id, options, routing.get());
    }

    /** A describe or shorten suggestion: imagined directly, which needs no modal round trip. */
    private ActionPlan planPick(Task parent, CustomId id, ActionOptions options, Routing routing) {
        String suggestions = firstNonBlank(parent.promptEn(), parent.properties().finalPrompt(), parent.prompt());
        Optional<String> picked = PickedPrompts.pick(suggestions, id.index());
        if (picked.isEmpty()) {
            return refused("task " + parent.id() + " holds no suggestion #" + id.index());
        }
        String prompt = picked.get();
        Task child = child(parent, JobKind.IMAGINE, id, options)
                .withPrompt(prompt, prompt)
                .withDescription("/imagine " + prompt);
        return new ActionPlan.Submit(child, new JobRequest.Imagine(prompt, List.of()), routing);
    }

    private ActionPlan planPress(Task parent, CustomId id, ActionOptions options, Routing routing) {
        JobKind action = id.action();
        Task child = child(parent, action, id, options)
                .withPrompt(parent.prompt(), parent.promptEn())
                .withDescription("/up " + parent.id() + " " + label(parent, id));
        Integer flags = parent.properties().flags();
        JobRequest.Button press = new JobRequest.Button(parent.properties().messageId(),
                flags == null ? 0 : flags, id.raw(), null);
        // Custom zoom and vary region always open a modal whose input only the client has.
        if (id.opensModal(false)) {
            String finalPrompt = firstNonBlank(parent.properties().finalPrompt(), parent.prompt());
            return new ActionPlan.AwaitModal(child, press, routing, finalPrompt);
        }
        return new ActionPlan.Submit(child, press, routing);
    }

    private Task child(Task parent, JobKind action, CustomId id, ActionOptions options) {
        Task fresh = tasks.newTask(action);
        return fresh.withCustomId(id.raw())
                .withBotType(parent.botType())
                .withState(options.state())
                .withProperties(fresh.properties().withParentId(parent.id()))
                .withInternal(fresh.internal().withNotifyHook(options.notifyHook()));
    }

    private static Optional<Routing> routing(Task parent, ActionOptions options) {
        BotType botType = Task.NIJI_JOURNEY.equals(parent.botType()) ? BotType.NIJI_JOURNEY : BotType.MID_JOURNEY;
        String channel = parent.properties().discordChannelId();
        if (options.chooseSameChannel() && channel != null) {
            return Optional.of(new Routing(botType, null, channel, AccountFilter.NONE, options.mode()));
        }
        String account = parent.accountId();
        if (account == null) {
            return Optional.empty();
        }
        return Optional.of(new Routing(botType, account, null, AccountFilter.NONE, options.mode()));
    }

    /**
     * The short name in the description, {@code /up <parent> U2}: relays read U/V/R,
     * the rest is for people.
     */
    private static String label(Task parent, CustomId id) {
        String relayName = switch (id.kind()) {
            case UPSCALE -> "U" + id.index();
            case VARIATION -> "V" + id.index();
            case REROLL -> "R";
            default -> null;
        };
        if (relayName != null) {
            return relayName;
        }
        return parent.buttons().stream()
                .filter(button -> button.customId().equals(id.raw()))
                .map(TaskButton::label)
                .filter(label -> !label.isBlank())
                .findFirst()
                .orElseGet(() -> defaultLabel(id));
    }

    /** For buttons that show only an emoji (pan arrows) or none at all. */
    private static String defaultLabel(CustomId id) {
        return switch (id.kind()) {
            case VARY_SUBTLE -> "Vary (Subtle)";
            case VARY_STRONG -> "Vary (Strong)";
            case VARY_REGION -> "Vary (Region)";
            case CUSTOM_ZOOM -> "Custom Zoom";
            case ZOOM_OUT -> zoomLabel(id.variant());
            case PAN -> "Pan " + capitalize(id.variant());
            case UPSCALE_HD -> "Upscale " + id.variant();
            case DESCRIBE_RETRY -> "Retry";
            case BOOKMARK -> "Rate";
            case ANIMATE -> "Animate (" + capitalize(id.variant()) + " motion)";
            case VIDEO_UPSCALE -> "U" + id.index();
            default -> id.kind().name();
        };
    }

    private static String zoomLabel(String percent) {
        if ("50".equals(percent)) {
            return "Zoom Out 2x";
        }
        if ("75".equals(percent)) {
            return "Zoom Out 1.5x";
        }
        if ("100".equals(percent)) {
            return "Make Square";
        }
        return "Zoom Out";
    }

    private static String capitalize(String word) {
        if (word == null || word.isEmpty()) {
            return "";
        }
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static ActionPlan refused(String reason) {
        return new ActionPlan.Refused(FIELD, reason);
    }
}
