package dev.mjbridge.account;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * Spaces an account's sends: each send gets a moment at least the minimum interval (plus a
 * random jitter drawn per interval) after the one before. Reserving a moment is instant; the
 * caller schedules the send for it, so no thread waits.
 */
final class SendSpacing {

    private final Duration minInterval;
    private final Duration jitter;
    private final RandomGenerator random;
    private Instant nextSendAt;

    SendSpacing(Duration minInterval, Duration jitter, RandomGenerator random) {
        this.minInterval = minInterval;
        this.jitter = jitter;
        this.random = random;
    }

    /** The moment the next send may go out, taken for it: never before {@code now}. */
    synchronized Instant reserve(Instant now) {
        Instant at = nextSendAt == null || nextSendAt.isBefore(now) ? now : nextSendAt;
        long extra = jitter.isZero() ? 0 : random.nextLong(jitter.toMillis() + 1);
        nextSendAt = at.plus(minInterval).plusMillis(extra);
        return at;
    }

    /** The earliest moment of the next send, or null before the first. */
    synchronized Instant nextSendAt() {
        return nextSendAt;
    }
}
