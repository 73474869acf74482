package dev.mjbridge.task.images;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.mjbridge.config.InvalidSettingException;
import dev.mjbridge.config.SettingChecks;

/**
 * {@code mj.images.retry.*}: when a picture could not be stored as its task finished, how the
 * stored copy is tried again: first after {@code first}, then twice as long each time up to
 * {@code max}, at most {@code attempts} times (the defaults span about a day).
 */
@ConfigurationProperties("mj.images.retry")
public record KeepRetryProperties(Duration first, Duration max, Integer attempts) {

    public static final Duration DEFAULT_FIRST = Duration.ofMinutes(1);
    public static final Duration DEFAULT_MAX = Duration.ofHours(1);
    public static final int DEFAULT_ATTEMPTS = 30;

    public KeepRetryProperties {
        first = SettingChecks.positive("mj.images.retry.first", first, DEFAULT_FIRST);
        max = SettingChecks.positive("mj.images.retry.max", max, DEFAULT_MAX);
        if (max.compareTo(first) < 0) {
            throw new InvalidSettingException("mj.images.retry.max", "must not be shorter than mj.images.retry.first ("
                    + first + "), got " + max);
        }
        attempts = attempts == null ? DEFAULT_ATTEMPTS : attempts;
        if (attempts < 1) {
            throw new InvalidSettingException("mj.images.retry.attempts", "must be at least 1, got " + attempts);
        }
    }

    /** How long to wait before attempt {@code attempt} (1 = the first retry). */
    Duration delayBefore(int attempt) {
        Duration delay = first;
        for (int i = 1; i < attempt && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
