package dev.mjbridge.discord;

/** Short, log-safe descriptions of failures from the HTTP and WebSocket clients. */
final class Throwables {

    private Throwables() {
    }

    /** The innermost cause as {@code Type: message}; these messages carry URLs, never headers. */
    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
