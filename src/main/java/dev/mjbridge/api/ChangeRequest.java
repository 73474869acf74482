package dev.mjbridge.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The legacy button press relays still send to {@code /mj/submit/change}: {@code {taskId, action, index}}
 * ({@link SimpleChangeRequest} is its one-line form). Both become a button of the parent.
 *
 * @param index 1..4 for UPSCALE and VARIATION, 0 for REROLL
 */
@RequestRules
@Schema(name = "ChangeRequest")
record ChangeRequest(
        @Schema(description = "the finished grid whose button is pressed", example = "1732800000000123",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @JsonDeserialize(using = RequestValues.Id.class) @NotBlank(message = BodyText.IS_REQUIRED) String taskId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull(message = BodyText.IS_REQUIRED) ChangeAction action,
        @Schema(description = "1 to 4 for UPSCALE and VARIATION; ignored for REROLL", example = "1")
        Integer index,
        @Schema(description = SubmitOptions.NOTIFY_HOOK_DOC) @HttpUrl String notifyHook,
        @Schema(description = SubmitOptions.STATE_DOC) String state) implements JsonRequest, RequestRules.Checked {

    static final String ACTIONS = "UPSCALE, VARIATION, REROLL";

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

    ChangeRequest {
        index = action == ChangeAction.REROLL ? Integer.valueOf(0) : index;
        notifyHook = BodyText.optionalTrimmed(notifyHook);
    }

    @Override
    public List<RequestRules.Problem> problems() {
        if (action == null || action == ChangeAction.REROLL) {
            return List.of();
        }
        if (index == null) {
            return List.of(new RequestRules.Problem("index", "is required for " + action));
        }
        if (index < 1 || index > 4) {
            return List.of(new RequestRules.Problem("index", "must be between 1 and 4"));
        }
        return List.of();
    }
}
