package dev.mjbridge.api;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The legacy button presses relays still send: {@code /mj/submit/change}
 * {@code {taskId, action, index}} and {@code /mj/submit/simple-change}
 * {@code {content: "<taskId> U2"}}. Both become a button of the parent.
 *
 * @param index 1..4 for UPSCALE and VARIATION, 0 for REROLL
 */
record ChangeRequest(String taskId, ChangeAction action, int index, String notifyHook, String state) {

    enum ChangeAction {
        UPSCALE, VARIATION, REROLL;

        static Optional<ChangeAction> parse(String value) {
            for (ChangeAction action : values()) {
                if (action.name().equals(value.toUpperCase(Locale.ROOT))) {
                    return Optional.of(action);
                }
            }
            return Optional.empty();
        }
    }

    private static final Pattern SIMPLE = Pattern.compile("^\\s*(\\S+)\\s+(?:([UV])([1-4])|(R))\\s*$",
            Pattern.CASE_INSENSITIVE);

    static ChangeRequest read(RequestFields fields) {
        String taskId = fields.requiredId("taskId");
        ChangeAction action = fields.choice("action", ChangeAction::parse, null, "UPSCALE, VARIATION, REROLL");
        if (action == null) {
            throw RejectedRequest.invalid(fields.path("action"), "is required");
        }
        Integer index = fields.optionalInteger("index");
        if (action == ChangeAction.REROLL) {
            index = 0;
        } else if (index == null) {
            throw RejectedRequest.invalid(fields.path("index"), "is required for " + action);
        } else if (index < 1 || index > 4) {
            throw RejectedRequest.invalid(fields.path("index"), "must be between 1 and 4");
        }
        return new ChangeRequest(taskId, action, index, fields.optionalUrl("notifyHook"), fields.text("state"));
    }

    static ChangeRequest readSimple(RequestFields fields) {
        String content = fields.requiredText("content");
        Matcher matcher = SIMPLE.matcher(content);
        if (!matcher.matches()) {
            throw RejectedRequest.invalid(fields.path("content"),
                    "must read '<taskId> U1'..'U4', 'V1'..'V4' or 'R', got " + ClientText.quote(content));
        }
        String notifyHook = fields.optionalUrl("notifyHook");
        String state = fields.text("state");
        if (matcher.group(4) != null) {
            return new ChangeRequest(matcher.group(1), ChangeAction.REROLL, 0, notifyHook, state);
        }
        ChangeAction action = matcher.group(2).equalsIgnoreCase("U") ? ChangeAction.UPSCALE : ChangeAction.VARIATION;
        return new ChangeRequest(matcher.group(1), action, Integer.parseInt(matcher.group(3)), notifyHook, state);
    }
}
