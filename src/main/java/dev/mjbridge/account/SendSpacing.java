package dev.mjbridge.account;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When an account's next send may go out: the minimum interval plus a random jitter (drawn
 * anew for each interval) after Discord answered the previous send. Measured from the answer,
 * not from the start of the call, so that Discord never sees two sends closer than the interval.
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

    /** False for an account without an interval: its sends are neither delayed nor put one after another. */
    boolean spaces() {
        return !minInterval.isZero() || !jitter.isZero();
    }

    /** How long a send that wants to go at {@code now} waits. */
    synchronized Duration waitAt(Instant now) {
        return nextSendAt == null || !nextSendAt.isAfter(now) ? Duration.ZERO : Duration.between(now, nextSendAt);
    }

    /** A send was answered (or failed) at {@code when}: the next one waits an interval from then. */
    synchronized void sent(Instant when) {
        long extra = jitter.isZero() ? 0 : random.nextLong(jitter.toMillis() + 1);
        nextSendAt = when.plus(minInterval).plusMillis(extra);
    }

    /** The earliest moment of the next send, or null before the first. */
    synchronized Instant nextSendAt() {
        return nextSendAt;
    }
}
