package dev.mjbridge.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.mjbridge.midjourney.BotType;

/** {@code POST /mj/submit/shorten}: the prompt to analyse. */
@Schema(name = "ShortenRequest")
record ShortenRequest(
        @Schema(description = "the prompt to shorten", example = "a very detailed lighthouse at dusk, golden light",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank(message = BodyText.IS_REQUIRED) String prompt,
        @Schema(description = SubmitOptions.NOTIFY_HOOK_DOC) @HttpUrl String notifyHook,
        @Schema(description = SubmitOptions.STATE_DOC) String state,
        @Schema(description = SubmitOptions.BOT_TYPE_DOC) BotType botType,
        @Valid AccountFilterRequest accountFilter) implements JsonRequest {

    ShortenRequest {
        prompt = BodyText.stripped(prompt);
        notifyHook = BodyText.optionalTrimmed(notifyHook);
    }

    SubmitOptions options() {
        return SubmitOptions.of(notifyHook, state, botType, accountFilter);
    }
}
