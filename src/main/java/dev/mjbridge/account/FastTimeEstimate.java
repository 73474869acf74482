package dev.mjbridge.account;

import dev.mjbridge.midjourney.JobKind;

/**
 * The account's fast time between two syncs: the figure {@code /info} showed, minus an estimate
 * for each fast or turbo job finished since. The estimate of a job is its kind's default cost
 * ({@link #defaultSeconds}, twice that in turbo) times a factor learned from the account's own
 * history: at each sync, the fast time actually used since the previous one divided by the
 * default cost of the jobs counted meanwhile, averaged with the factor so far (half each), and
 * kept between {@value #MIN_FACTOR} and {@value #MAX_FACTOR} so that one odd interval (the owner
 * ran jobs by hand, the plan renewed) cannot throw it far off. Thread-safe.
 */
final class FastTimeEstimate {

    static final double MIN_FACTOR = 0.25;
    static final double MAX_FACTOR = 4.0;

    private Long syncedSeconds;
    /** Default cost of the fast jobs counted since the last sync. */
    private double defaultCostSince;
    private double factor = 1.0;

    /**
     * Fast GPU seconds a job of this kind takes by default (Midjourney's own guide: a grid about a
     * minute, the subtle/creative upscalers about twice that, a video about eight grids; picking
     * one picture or one clip of a result costs nothing).
     *
     * @param upscaled whether an {@link JobKind#UPSCALE} result is a real upscale (Subtle, Creative,
     *                 2x, 4x) rather than one picture cut from a grid
     */
    static long defaultSeconds(JobKind kind, boolean upscaled) {
        if (kind == null) {
            return 60;
        }
        return switch (kind) {
            case IMAGINE, VARIATION, REROLL, ZOOM, PAN, BLEND -> 60;
            case UPSCALE -> upscaled ? 120 : 0;
            case VIDEO -> 480;
            case DESCRIBE, SHORTEN, VIDEO_UPSCALE, RATE -> 0;
        };
    }

    /** A fast (or turbo) job finished. */
    synchronized void jobFinished(JobKind kind, boolean upscaled, boolean turbo) {
        defaultCostSince += defaultSeconds(kind, upscaled) * (turbo ? 2 : 1);
    }

    /** {@code /info} showed this much fast time: the estimate starts again from it, and learns. */
    synchronized void synced(long seconds) {
        if (syncedSeconds != null && defaultCostSince > 0) {
            double used = syncedSeconds - seconds;
            if (used >= 0) {
                double observed = used / defaultCostSince;
                factor = Math.max(MIN_FACTOR, Math.min(MAX_FACTOR, (factor + observed) / 2));
            }
        }
        syncedSeconds = seconds;
        defaultCostSince = 0;
    }

    /** Fast seconds left now by the estimate; null before the first sync that showed them. */
    synchronized Long remainingSeconds() {
        if (syncedSeconds == null) {
            return null;
        }
        return Math.max(0, Math.round(syncedSeconds - defaultCostSince * factor));
    }

    synchronized double factor() {
        return factor;
    }
}
