package dev.mjbridge.midjourney;

import java.util.Optional;

/**
 * The application id and slash commands of one bot. A {@code null} command means the
 * bot does not offer it (Niji has no {@code /turbo}).
 */
public record BotCommands(
        String applicationId,
        CommandRef imagine,
        CommandRef describe,
        CommandRef blend,
        CommandRef shorten,
        CommandRef show,
        CommandRef info,
        CommandRef settings,
        CommandRef fast,
        CommandRef relax,
        CommandRef turbo) {

    /** The command of that name, or empty when this bot does not offer it. */
    public Optional<CommandRef> command(CommandName name) {
        CommandRef ref = switch (name) {
            case IMAGINE -> imagine;
            case DESCRIBE -> describe;
            case BLEND -> blend;
            case SHORTEN -> shorten;
            case SHOW -> show;
            case INFO -> info;
            case SETTINGS -> settings;
            case FAST -> fast;
            case RELAX -> relax;
            case TURBO -> turbo;
        };
        return Optional.ofNullable(ref).filter(r -> r.id() != null && r.version() != null);
    }

    /**
     * This configuration with every missing value taken from {@code fallback}, so that
     * an operator can override one version without restating the whole table.
     */
    public BotCommands orElse(BotCommands fallback) {
        if (fallback == null) {
            return this;
        }
        return new BotCommands(
                applicationId != null ? applicationId : fallback.applicationId(),
                merge(imagine, fallback.imagine()),
                merge(describe, fallback.describe()),
                merge(blend, fallback.blend()),
                merge(shorten, fallback.shorten()),
                merge(show, fallback.show()),
                merge(info, fallback.info()),
                merge(settings, fallback.settings()),
                merge(fast, fallback.fast()),
                merge(relax, fallback.relax()),
                merge(turbo, fallback.turbo()));
    }

    private static CommandRef merge(CommandRef own, CommandRef fallback) {
        return own == null ? fallback : own.orElse(fallback);
    }
}
