package dev.mjbridge.images;

import java.time.Duration;

/** Why retention pruned a task's pictures. */
public sealed interface PruneReason {

    /** The words that end the log line, e.g. {@code older than 30d}. */
    String describe();

    /** Stored longer ago than {@code mj.images.max-age}. */
    record OlderThan(Duration maxAge) implements PruneReason {
        @Override
        public String describe() {
            return "older than " + CompactDuration.of(maxAge);
        }
    }

    /** Among the oldest while the store held more than {@code mj.images.max-bytes}. */
    record OverMaxBytes(long maxBytes) implements PruneReason {
        @Override
        public String describe() {
            return "over mj.images.max-bytes";
        }
    }
}
