package dev.mjbridge.task;

/**
 * A button of a finished Midjourney message. {@code customId} is kept verbatim:
 * relays split it on {@code ::} and front ends search it for substrings.
 *
 * @param emoji the emoji name Discord shows on the button, {@code ""} when none
 * @param type  Discord component type (2 = button)
 * @param style Discord button style (1 primary, 2 secondary, ...)
 */
public record TaskButton(String customId, String emoji, String label, int type, int style) {

    public TaskButton {
        emoji = emoji == null ? "" : emoji;
        label = label == null ? "" : label;
    }
}
