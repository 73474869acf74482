package dev.mjbridge.api;

import java.util.List;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.mjbridge.midjourney.BotType;

/**
 * {@code POST /mj/submit/imagine}: a prompt, optionally led by image prompts.
 *
 * @param base64 the single image field of older midjourney-proxy versions; put before {@code base64Array}
 */
@Schema(name = "ImagineRequest")
record ImagineRequest(
        @Schema(description = "the prompt, parameters included", example = "a lighthouse at dusk --ar 3:2",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank(message = BodyText.IS_REQUIRED) String prompt,
        @Schema(description = "one image prompt (older clients), put before base64Array") String base64,
        @Schema(description = "image prompts as data URLs or bare base64 (PNG, JPEG, WebP or GIF), "
                + "at most mj.limits.max-images") List<String> base64Array,
        @Schema(description = SubmitOptions.NOTIFY_HOOK_DOC) @HttpUrl String notifyHook,
        @Schema(description = SubmitOptions.STATE_DOC) String state,
        @Schema(description = SubmitOptions.BOT_TYPE_DOC) BotType botType,
        @Valid AccountFilterRequest accountFilter) implements JsonRequest {

    ImagineRequest {
        prompt = BodyText.stripped(prompt);
        base64 = BodyText.optional(base64);
        base64Array = base64Array == null ? List.of() : base64Array;
        notifyHook = BodyText.optionalTrimmed(notifyHook);
    }

    SubmitOptions options() {
        return SubmitOptions.of(notifyHook, state, botType, accountFilter);
    }

    /** Every image as sent, the single {@code base64} first. */
    List<String> allImages() {
        if (base64 == null) {
            return base64Array;
        }
        return Stream.concat(Stream.of(base64), base64Array.stream()).toList();
    }
}
