package dev.mjbridge.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.mjbridge.midjourney.BotType;

/**
 * {@code POST /mj/submit/video}: animates a start frame, given either as {@code base64} (uploaded
 * to Discord like imagine's images) or as {@code imageUrl} (used as given). Midjourney makes
 * four clips from {@code /imagine <image> <prompt> --video 1 --motion <motion>}.
 *
 * @param prompt   what should happen, may be empty (the image alone is animated)
 * @param base64   the start frame as a data URL or bare base64, or null
 * @param imageUrl the start frame's http(s) URL, or null; exactly one of the two is given
 */
@RequestRules
@Schema(name = "VideoRequest", description = "Exactly one of base64 and imageUrl.")
record VideoRequest(
        @Schema(description = "what should happen; may be empty; without --video or --motion",
                example = "the lighthouse beam sweeps the sea") String prompt,
        @Schema(description = "the start frame as a data URL or bare base64") String base64,
        @Schema(description = "the start frame as an http(s) URL", example = "https://example.com/frame.png")
        @HttpUrl String imageUrl,
        @Schema(description = "how much the clips move; low when empty", type = "string",
                allowableValues = {"low", "high"}) Motion motion,
        @Schema(description = SubmitOptions.NOTIFY_HOOK_DOC) @HttpUrl String notifyHook,
        @Schema(description = SubmitOptions.STATE_DOC) String state,
        @Schema(description = SubmitOptions.BOT_TYPE_DOC) BotType botType,
        @Valid AccountFilterRequest accountFilter) implements JsonRequest, RequestRules.Checked {

    static final String MOTIONS = "low, high";
    private static final Pattern OWN_PARAMETER = Pattern.compile("(?:^|\\s)--(?:video|motion)(?=\\s|$)",
            Pattern.CASE_INSENSITIVE);

    /** How much the clips move; Midjourney's {@code --motion}. */
    enum Motion {
        LOW, HIGH;

        String parameter() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Motion> parse(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "low" -> Optional.of(LOW);
                case "high" -> Optional.of(HIGH);
                default -> Optional.empty();
            };
        }
    }

    VideoRequest {
        prompt = prompt == null ? "" : prompt.strip();
        base64 = BodyText.optional(base64);
        imageUrl = BodyText.optionalTrimmed(imageUrl);
        motion = motion == null ? Motion.LOW : motion;
        notifyHook = BodyText.optionalTrimmed(notifyHook);
    }

    @Override
    public List<RequestRules.Problem> problems() {
        List<RequestRules.Problem> problems = new ArrayList<>();
        if (OWN_PARAMETER.matcher(prompt).find()) {
            problems.add(new RequestRules.Problem("prompt",
                    "must not set --video or --motion: mj-bridge adds them (use the motion field)"));
        }
        if (base64 == null && imageUrl == null) {
            problems.add(new RequestRules.Problem("base64", "is required: the start frame, as base64 or as an imageUrl"));
        }
        if (base64 != null && imageUrl != null) {
            problems.add(new RequestRules.Problem("imageUrl",
                    "give the start frame either as base64 or as imageUrl, not both"));
        }
        return problems;
    }

    SubmitOptions options() {
        return SubmitOptions.of(notifyHook, state, botType, accountFilter);
    }

    /** The prompt after the image: the client's words and the video parameters. */
    String promptWithParameters() {
        String parameters = "--video 1 --motion " + motion.parameter();
        return prompt.isEmpty() ? parameters : prompt + " " + parameters;
    }
}
