package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.cdn.ImageRecipe;
import dev.mjbridge.sandbox.world.Channel;
import dev.mjbridge.sandbox.world.SandboxUser;

/**
 * One Midjourney job, fixed when it is accepted.
 *
 * @param hash            the job id: a UUID in the result's filename and in every customId of its buttons
 * @param label           the words between prompt and mention: "", "Variations (Strong)", "Image #2", ...
 * @param origin          the interaction that started it (command, button press or modal submit)
 * @param parentMessageId the message whose button led to it, null for commands
 * @param quadrant        for single images, which picture of the parent grid (1-4), else 0
 * @param size            pixel size of the result
 */
public record Job(String hash, JobKind kind, String label, Interaction origin, String parentMessageId, String prompt,
                  long seed, SpeedMode mode, boolean stealth, int quadrant, ImageSize size) {

    public BotApp app() {
        return origin.app();
    }

    public SandboxUser user() {
        return origin.user();
    }

    public Channel channel() {
        return origin.channel();
    }

    /** The model the prompt runs on, which picks the words, files and buttons of the job's messages. */
    public Model model() {
        return Model.of(prompt);
    }

    /** For videos: {@code --motion high} (Animate (High motion)); low is the default. */
    public boolean highMotion() {
        return PromptParams.parse(prompt).last("motion").map(p -> p.value().equalsIgnoreCase("high")).orElse(false);
    }

    /** How the CDN draws the result. */
    public ImageRecipe resultRecipe() {
        return kind.shape() == JobKind.ResultShape.GRID
                ? ImageRecipe.grid(prompt, seed, size.width(), size.height())
                : ImageRecipe.single(prompt, seed, Math.max(1, quadrant), size.width(), size.height());
    }

    /** How the CDN draws the progress preview at {@code percent}. */
    public ImageRecipe previewRecipe(int percent) {
        ImageSize preview = size.half();
        return ImageRecipe.preview(prompt, seed, preview.width(), preview.height(), percent);
    }
}
