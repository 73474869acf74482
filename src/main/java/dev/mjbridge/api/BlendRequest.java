package dev.mjbridge.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.mjbridge.midjourney.BlendDimensions;
import dev.mjbridge.midjourney.BotType;

/** {@code POST /mj/submit/blend}: 2 to 5 images and an aspect ratio (square by default). */
@RequestRules
@Schema(name = "BlendRequest")
record BlendRequest(
        @ArraySchema(arraySchema = @Schema(description = "the images to blend, as data URLs or bare base64",
                requiredMode = Schema.RequiredMode.REQUIRED), minItems = MIN_IMAGES, maxItems = MAX_IMAGES)
        List<String> base64Array,
        @Schema(description = "aspect ratio of the blend; SQUARE when empty") BlendDimensions dimensions,
        @Schema(description = SubmitOptions.NOTIFY_HOOK_DOC) @HttpUrl String notifyHook,
        @Schema(description = SubmitOptions.STATE_DOC) String state,
        @Schema(description = SubmitOptions.BOT_TYPE_DOC) BotType botType,
        @Valid AccountFilterRequest accountFilter) implements JsonRequest, RequestRules.Checked {

    static final int MIN_IMAGES = 2;
    static final int MAX_IMAGES = 5;
    static final String DIMENSIONS = "PORTRAIT, SQUARE, LANDSCAPE";

    BlendRequest {
        base64Array = base64Array == null ? List.of() : base64Array;
        dimensions = dimensions == null ? BlendDimensions.SQUARE : dimensions;
        notifyHook = BodyText.optionalTrimmed(notifyHook);
    }

    @Override
    public List<RequestRules.Problem> problems() {
        if (base64Array.size() < MIN_IMAGES || base64Array.size() > MAX_IMAGES) {
            return List.of(new RequestRules.Problem("base64Array",
                    "must hold " + MIN_IMAGES + " to " + MAX_IMAGES + " images, got " + base64Array.size()));
        }
        return List.of();
    }

    SubmitOptions options() {
        return SubmitOptions.of(notifyHook, state, botType, accountFilter);
    }

    static Optional<BlendDimensions> dimensions(String value) {
        for (BlendDimensions candidate : BlendDimensions.values()) {
            if (candidate.name().equals(value.toUpperCase(Locale.ROOT))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
