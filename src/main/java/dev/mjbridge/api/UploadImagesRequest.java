package dev.mjbridge.api;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /mj/submit/upload-discord-images}: images to put on Discord's CDN. */
@Schema(name = "UploadImagesRequest")
record UploadImagesRequest(
        @ArraySchema(arraySchema = @Schema(description = "the images as data URLs or bare base64, "
                + "at most mj.limits.max-images", requiredMode = Schema.RequiredMode.REQUIRED), minItems = 1)
        @NotEmpty(message = "is required (at least one image)") List<String> base64Array) implements JsonRequest {
}
