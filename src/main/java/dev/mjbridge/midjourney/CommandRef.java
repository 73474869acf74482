package dev.mjbridge.midjourney;

/**
 * A slash command as Discord identifies it. The id is stable; the version changes
 * whenever Midjourney re-registers its commands, which is why both are configuration.
 */
public record CommandRef(String id, String version) {

    /** This reference with any missing part taken from {@code fallback}. */
    public CommandRef orElse(CommandRef fallback) {
        if (fallback == null) {
            return this;
        }
        return new CommandRef(id != null ? id : fallback.id(), version != null ? version : fallback.version());
    }
}
