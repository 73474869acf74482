package dev.mjbridge.images;

import java.time.Duration;

/** A duration as an operator writes it in the settings ({@code 30d}, {@code 12h}, {@code 90s}), for log lines. */
final class CompactDuration {

    private CompactDuration() {
    }

    static String of(Duration duration) {
        long millis = duration.toMillis();
        if (millis % Duration.ofDays(1).toMillis() == 0) {
            return duration.toDays() + "d";
        }
        if (millis % Duration.ofHours(1).toMillis() == 0) {
            return duration.toHours() + "h";
        }
        if (millis % Duration.ofMinutes(1).toMillis() == 0) {
            return duration.toMinutes() + "m";
        }
        if (millis % 1000 == 0) {
            return duration.toSeconds() + "s";
        }
        return millis + "ms";
    }
}
