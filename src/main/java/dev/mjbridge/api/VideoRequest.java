package dev.mjbridge.api;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code POST /mj/submit/video}: animates a start frame, given either as {@code base64} (uploaded
 * to Discord like imagine's images) or as {@code imageUrl} (used as given). Midjourney makes
 * four clips from {@code /imagine <image> <prompt> --video 1 --motion <motion>}.
 *
 * @param prompt   what should happen, may be empty (the image alone is animated)
 * @param base64   the start frame as a data URL or bare base64, or null
 * @param imageUrl the start frame's http(s) URL, or null; exactly one of the two is given
 */
record VideoRequest(String prompt, String base64, String imageUrl, Motion motion, SubmitOptions options) {

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

    static VideoRequest read(RequestFields fields) {
        String prompt = fields.text("prompt");
        prompt = prompt == null ? "" : prompt.strip();
        if (OWN_PARAMETER.matcher(prompt).find()) {
            throw RejectedRequest.invalid(fields.path("prompt"),
                    "must not set --video or --motion: mj-bridge adds them (use the motion field)");
        }
        String base64 = fields.optionalText("base64");
        String imageUrl = fields.optionalUrl("imageUrl");
        if (base64 == null && imageUrl == null) {
            throw RejectedRequest.invalid(fields.path("base64"),
                    "is required: the start frame, as base64 or as an imageUrl");
        }
        if (base64 != null && imageUrl != null) {
            throw RejectedRequest.invalid(fields.path("imageUrl"),
                    "give the start frame either as base64 or as imageUrl, not both");
        }
        Motion motion = fields.choice("motion", Motion::parse, Motion.LOW, MOTIONS);
        return new VideoRequest(prompt, base64, imageUrl, motion, SubmitOptions.read(fields));
    }

    /** The prompt after the image: the client's words and the video parameters. */
    String promptWithParameters() {
        String parameters = "--video 1 --motion " + motion.parameter();
        return prompt.isEmpty() ? parameters : prompt + " " + parameters;
    }
}
