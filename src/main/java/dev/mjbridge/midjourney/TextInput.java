package dev.mjbridge.midjourney;

/**
 * A text input of a modal Midjourney opened.
 *
 * @param customId the input's custom id, to be echoed in the modal submit
 * @param label    the label shown to users, {@code ""} when none
 * @param value    the pre-filled value (the parent prompt in a remix modal), {@code ""} when none
 */
public record TextInput(String customId, String label, String value) {
}
