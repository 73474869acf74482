package dev.mjbridge.task;

/** The {@code "NN%"} progress text of the task JSON. */
final class ProgressText {

    private ProgressText() {
    }

    static String format(int percent) {
        return percent + "%";
    }

    /** Lenient: anything unreadable counts as 0, so a bad value never blocks real progress. */
    static int parse(String progress) {
        if (progress == null) {
            return 0;
        }
        String digits = progress.strip();
        if (digits.endsWith("%")) {
            digits = digits.substring(0, digits.length() - 1).strip();
        }
        try {
            return Math.max(0, Math.min(100, Integer.parseInt(digits)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
