package dev.mjbridge.api;

import jakarta.validation.constraints.NotBlank;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.annotation.JsonDeserialize;

/** {@code POST /mj/submit/action}: press button {@code customId} of task {@code taskId}. */
@Schema(name = "ActionRequest")
record ActionRequest(
        @Schema(description = "the task whose button is pressed (a string; a whole number is accepted too)",
                example = "1732800000000123", requiredMode = Schema.RequiredMode.REQUIRED)
        @JsonDeserialize(using = RequestValues.Id.class) @NotBlank(message = BodyText.IS_REQUIRED) String taskId,
        @Schema(description = "the button's customId, from the task's buttons",
                example = "MJ::JOB::upsample::1::3dbbd469-36af-4a0f-8f02-df6c579e7011",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank(message = BodyText.IS_REQUIRED) String customId,
        @Schema(description = "run it on the parent's account and channel (true/false; the strings too)")
        Boolean chooseSameChannel,
        @Schema(description = SubmitOptions.NOTIFY_HOOK_DOC) @HttpUrl String notifyHook,
        @Schema(description = SubmitOptions.STATE_DOC) String state) implements JsonRequest {

    ActionRequest {
        customId = customId == null ? null : customId.trim();
        chooseSameChannel = chooseSameChannel != null && chooseSameChannel;
        notifyHook = BodyText.optionalTrimmed(notifyHook);
    }
}
