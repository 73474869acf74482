package dev.mjbridge.api;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.constraints.NotBlank;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /mj/submit/simple-change}: {@code {content: "<taskId> U2"}}, the one-line legacy button press. */
@RequestRules
@Schema(name = "SimpleChangeRequest")
record SimpleChangeRequest(
        @Schema(description = "'<taskId> U1'..'U4', 'V1'..'V4' or 'R'", example = "1732800000000123 U2",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank(message = BodyText.IS_REQUIRED) String content,
        @Schema(description = SubmitOptions.NOTIFY_HOOK_DOC) @HttpUrl String notifyHook,
        @Schema(description = SubmitOptions.STATE_DOC) String state) implements JsonRequest, RequestRules.Checked {

    private static final Pattern SIMPLE = Pattern.compile("^\\s*(\\S+)\\s+(?:([UV])([1-4])|(R))\\s*$",
            Pattern.CASE_INSENSITIVE);

    SimpleChangeRequest {
        notifyHook = BodyText.optionalTrimmed(notifyHook);
    }

    @Override
    public List<RequestRules.Problem> problems() {
        if (content == null || content.isBlank() || SIMPLE.matcher(content).matches()) {
            return List.of();
        }
        return List.of(new RequestRules.Problem("content",
                "must read '<taskId> U1'..'U4', 'V1'..'V4' or 'R', got " + ClientText.quote(content)));
    }

    /** The same press in the long form; only called once valid. */
    ChangeRequest toChange() {
        Matcher matcher = SIMPLE.matcher(content);
        if (!matcher.matches()) {
            throw new IllegalStateException("content was not validated");
        }
        if (matcher.group(4) != null) {
            return new ChangeRequest(matcher.group(1), ChangeRequest.ChangeAction.REROLL, 0, notifyHook, state);
        }
        ChangeRequest.ChangeAction action = matcher.group(2).equalsIgnoreCase("U")
                ? ChangeRequest.ChangeAction.UPSCALE : ChangeRequest.ChangeAction.VARIATION;
        return new ChangeRequest(matcher.group(1), action, Integer.parseInt(matcher.group(3)), notifyHook, state);
    }
}
