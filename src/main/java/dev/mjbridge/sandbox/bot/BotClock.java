package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.SandboxSettings;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The bot's sense of time: how long a fast job takes (relax {@link SandboxSettings#RELAX_FACTOR}
 * times longer, turbo half), and whether the bot is paused. Tests set the duration to tens
 * of milliseconds; nothing in the sandbox sleeps.
 */
@Component
public class BotClock {

    private volatile Duration fastJobDuration;
    private volatile Duration fastVideoDuration;
    private volatile boolean paused;
    private final List<Runnable> onResume = new CopyOnWriteArrayList<>();

    public BotClock(SandboxSettings settings) {
        this.fastJobDuration = settings.fastJobDuration();
        this.fastVideoDuration = settings.fastVideoDuration();
    }

    /** How long a video job runs in this mode (same relax and turbo factors as images). */
    public Duration videoJobDuration(SpeedMode mode) {
        return scaled(fastVideoDuration, mode);
    }

    public void setFastVideoDuration(Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("video job duration must be positive");
        }
        this.fastVideoDuration = value;
    }

    public Duration fastVideoDuration() {
        return fastVideoDuration;
    }

    public Duration jobDuration(SpeedMode mode) {
        return scaled(fastJobDuration, mode);
    }

    private static Duration scaled(Duration fast, SpeedMode mode) {
        return switch (mode) {
            case FAST -> fast;
            case RELAX -> fast.multipliedBy(SandboxSettings.RELAX_FACTOR);
            case TURBO -> fast.dividedBy(2);
        };
    }

    public void setFastJobDuration(Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("job duration must be positive");
        }
        this.fastJobDuration = value;
    }

    public Duration fastJobDuration() {
        return fastJobDuration;
    }

    public boolean paused() {
        return paused;
    }

    public void pause() {
        paused = true;
    }

    /** Resumes, and runs what waited for it (jobs that were held while paused). */
    public void resume() {
        paused = false;
        onResume.forEach(Runnable::run);
    }

    public void onResume(Runnable action) {
        onResume.add(action);
    }
}
