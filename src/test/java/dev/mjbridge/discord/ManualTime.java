package dev.mjbridge.discord;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A clock and a scheduler that only move when the test says so: rate-limit tests never sleep. */
final class ManualTime extends Clock implements RestScheduler {

    private record Timed(long at, long order, Runnable task) {
    }

    private long now;
    private long order;
    private final List<Timed> due = new ArrayList<>();

    ManualTime(long startMillis) {
        this.now = startMillis;
    }

    @Override
    public synchronized void schedule(Runnable task, long delayMillis) {
        due.add(new Timed(now + Math.max(0, delayMillis), order++, task));
    }

    /** Moves time forward, running every task that falls due on the way, at its own time. */
    void advance(long millis) {
        long target;
        synchronized (this) {
            target = now + millis;
        }
        while (true) {
            Timed next;
            synchronized (this) {
                next = due.stream().filter(t -> t.at() <= target)
                        .min(Comparator.comparingLong(Timed::at).thenComparingLong(Timed::order)).orElse(null);
                if (next == null) {
                    now = target;
                    return;
                }
                due.remove(next);
                now = Math.max(now, next.at());
            }
            next.task().run();
        }
    }

    synchronized int scheduled() {
        return due.size();
    }

    @Override
    public synchronized long millis() {
        return now;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
