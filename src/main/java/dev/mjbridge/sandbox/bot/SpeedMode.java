package dev.mjbridge.sandbox.bot;

/** How fast a user's jobs run, and how Midjourney names the mode in message content. */
public enum SpeedMode {
    FAST("fast"), RELAX("relaxed"), TURBO("turbo");

    private final String contentLabel;

    SpeedMode(String contentLabel) {
        this.contentLabel = contentLabel;
    }

    /** The word in {@code (fast)}, {@code (relaxed)}, {@code (turbo)}. */
    public String contentLabel() {
        return contentLabel;
    }
}
