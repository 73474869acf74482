package dev.mjbridge.sandbox.bot;

import java.util.Set;

/**
 * The prompt of a video made from an image, as Midjourney writes it: the image's prompt
 * without its model, aspect and exclusions, then {@code --motion high|low --video 1 --aspect W:H}
 * ({@code a bird --ar 1:1 --v 7.0 --no frame --raw} becomes {@code a bird --raw --motion high --video 1 --aspect 1:1}).
 */
final class VideoPrompts {

    private static final Set<String> DROPPED = Set.of("ar", "aspect", "v", "version", "no", "niji", "motion", "video");

    private VideoPrompts() {
    }

    static String animate(String imagePrompt, boolean highMotion) {
        PromptParams params = PromptParams.parse(imagePrompt);
        StringBuilder prompt = new StringBuilder(params.text());
        for (PromptParams.Param param : params.params()) {
            if (!DROPPED.contains(param.name())) {
                prompt.append(" --").append(param.name());
                if (!param.value().isEmpty()) {
                    prompt.append(' ').append(param.value());
                }
            }
        }
        return prompt.append(" --motion ").append(highMotion ? "high" : "low").append(" --video 1 --aspect ")
                .append(params.aspectRatio()).toString();
    }

    /** Whether an /imagine prompt asks for a video ({@code --video}). */
    static boolean isVideo(String prompt) {
        return PromptParams.parse(prompt).has("video");
    }

    /** Whether the prompt starts from an image (a link), which a video needs. */
    static boolean hasImageLink(String prompt) {
        return prompt != null && prompt.matches("(?s).*<?https?://\\S+.*");
    }
}
