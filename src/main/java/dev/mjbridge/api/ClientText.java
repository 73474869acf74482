package dev.mjbridge.api;

/** Client-supplied text made safe to echo in a description: short and on one line. */
final class ClientText {

    private static final int MAX_ECHO = 60;

    private ClientText() {
    }

    /** {@code 'value'}, cut to a readable length, control characters replaced. */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        if (clean.length() > MAX_ECHO) {
            clean = clean.substring(0, MAX_ECHO) + "...";
        }
        return "'" + clean + "'";
    }
}
