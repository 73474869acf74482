package dev.mjbridge.midjourney;

/**
 * A button of a Midjourney message, kept exactly as Discord sent it. Link buttons
 * (style 5, no custom id) are not kept: they cannot be pressed through an interaction.
 *
 * @param customId the custom id, verbatim
 * @param emoji    the emoji name, {@code ""} when none
 * @param label    the label, {@code ""} when none
 * @param type     the component type (2)
 * @param style    the button style (1 primary, 2 secondary, 3 success, 4 danger)
 */
public record Button(String customId, String emoji, String label, int type, int style) {

    /** The parsed custom id. */
    public CustomId parsedCustomId() {
        return CustomId.parse(customId);
    }

    /** Whether the custom id is of {@code kind}; cheaper than parsing when it cannot be. */
    public boolean is(CustomId.Kind kind) {
        return CustomId.isKind(customId, kind);
    }
}
