package dev.mjbridge.sandbox.bot;

import java.util.List;

/** The slash commands both bots offer (Niji lacks {@link #TURBO}), with their options. */
public enum CommandKind {
    IMAGINE("Create images with Midjourney", List.of(
            CommandOption.string("prompt", "The prompt to imagine", true))),
    DESCRIBE("Writes four example prompts based on an image you upload", List.of(
            CommandOption.attachment("image", "The image to describe", false),
            CommandOption.string("link", "A link to the image to describe", false))),
    BLEND("Blend images together seamlessly!", List.of(
            CommandOption.attachment("image1", "First image to add to the blend", true),
            CommandOption.attachment("image2", "Second image to add to the blend", true),
            CommandOption.choice("dimensions", "The dimensions of the image. If not specified, the image will be square.",
                    List.of(new CommandOption.Choice("Portrait", "--ar 2:3"), new CommandOption.Choice("Square", "--ar 1:1"),
                            new CommandOption.Choice("Landscape", "--ar 3:2"))),
            CommandOption.attachment("image3", "Third image to add to the blend (optional)", false),
            CommandOption.attachment("image4", "Fourth image to add to the blend (optional)", false),
            CommandOption.attachment("image5", "Fifth image to add to the blend (optional)", false))),
    SHORTEN("Analyzes and shortens a prompt.", List.of(
            CommandOption.string("prompt", "The prompt to shorten", true))),
    SHOW("Shows the job view based on job id.", List.of(
            CommandOption.string("job_id", "The job ID of the job you want to show.", true))),
    INFO("View information about your profile.", List.of()),
    SETTINGS("View and adjust your personal settings.", List.of()),
    FAST("Switch to fast mode", List.of()),
    RELAX("Switch to relax mode", List.of()),
    TURBO("Switch to turbo mode", List.of());

    private final String description;
    private final List<CommandOption> options;

    CommandKind(String description, List<CommandOption> options) {
        this.description = description;
        this.options = options;
    }

    /** The name users type after the slash. */
    public String commandName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String description() {
        return description;
    }

    public List<CommandOption> options() {
        return options;
    }
}
