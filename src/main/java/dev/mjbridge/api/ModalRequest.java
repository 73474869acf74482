package dev.mjbridge.api;

import jakarta.validation.constraints.NotBlank;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * {@code POST /mj/submit/modal}: completes a task waiting in MODAL. An empty prompt means
 * the parent's prompt; the mask (white = repaint) is for vary region.
 */
@Schema(name = "ModalRequest")
record ModalRequest(
        @Schema(description = "the task that answered code 21 (MODAL)", example = "1732800000000124",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @JsonDeserialize(using = RequestValues.Id.class) @NotBlank(message = BodyText.IS_REQUIRED) String taskId,
        @Schema(description = "the prompt for the modal; empty = the parent's prompt",
                example = "a lighthouse at dawn --zoom 2") String prompt,
        @Schema(description = "for Vary (Region): a PNG mask, white = repaint, as a data URL or bare base64")
        String maskBase64) implements JsonRequest {

    ModalRequest {
        prompt = BodyText.optional(prompt);
        maskBase64 = BodyText.optional(maskBase64);
    }
}
