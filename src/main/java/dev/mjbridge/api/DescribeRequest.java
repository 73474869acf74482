package dev.mjbridge.api;

import java.util.List;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.mjbridge.midjourney.BotType;

/** {@code POST /mj/submit/describe}: exactly one of an image ({@code base64}) or a {@code link} to one. */
@RequestRules
@Schema(name = "DescribeRequest", description = "Exactly one of base64 and link.")
record DescribeRequest(
        @Schema(description = "the image as a data URL or bare base64") String base64,
        @Schema(description = "an http(s) link to the image", example = "https://example.com/cat.png")
        @HttpUrl String link,
        @Schema(description = SubmitOptions.NOTIFY_HOOK_DOC) @HttpUrl String notifyHook,
        @Schema(description = SubmitOptions.STATE_DOC) String state,
        @Schema(description = SubmitOptions.BOT_TYPE_DOC) BotType botType,
        @Valid AccountFilterRequest accountFilter) implements JsonRequest, RequestRules.Checked {

    DescribeRequest {
        base64 = BodyText.optional(base64);
        link = BodyText.optionalTrimmed(link);
        notifyHook = BodyText.optionalTrimmed(notifyHook);
    }

    @Override
    public List<RequestRules.Problem> problems() {
        if (base64 == null && link == null) {
            return List.of(new RequestRules.Problem("base64", "is required (or give a link)"));
        }
        if (base64 != null && link != null) {
            return List.of(new RequestRules.Problem("link", "give either base64 or link, not both"));
        }
        return List.of();
    }

    SubmitOptions options() {
        return SubmitOptions.of(notifyHook, state, botType, accountFilter);
    }
}
