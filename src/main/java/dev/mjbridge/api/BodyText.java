package dev.mjbridge.api;

/** How the request records read optional text: clients send {@code ""} for a field they do not use. */
final class BodyText {

    static final String IS_REQUIRED = "is required";

    private BodyText() {
    }

    /** null when absent or blank, else as sent. */
    static String optional(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** null when absent or blank, else trimmed (URLs). */
    static String optionalTrimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Stripped, or null when absent (a prompt). */
    static String stripped(String value) {
        return value == null ? null : value.strip();
    }
}
