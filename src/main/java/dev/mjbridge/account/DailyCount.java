package dev.mjbridge.account;

import java.time.Instant;
import java.util.TreeMap;

/**
 * Jobs an account took per day, each day starting at the account's day start. A job put off
 * to a later day (it waits for the account's day to restart) counts on that day. Kept in memory;
 * after a restart today's count is restored from the task store ({@link #restore}).
 */
final class DailyCount {

    private final DayStart dayStart;
    private final TreeMap<Instant, Integer> byDay = new TreeMap<>();

    DailyCount(DayStart dayStart) {
        this.dayStart = dayStart;
    }

    /** Jobs counted on the day {@code moment} is in. */
    synchronized int on(Instant moment) {
        return byDay.getOrDefault(dayStart.currentStart(moment), 0);
    }

    /** Today's count is at least {@code jobs} (what the task store says was sent since the day began). */
    synchronized void restore(int jobs, Instant now) {
        byDay.merge(dayStart.currentStart(now), jobs, Math::max);
    }

    synchronized void add(Instant moment, Instant now) {
        byDay.merge(dayStart.currentStart(moment), 1, Integer::sum);
        // Past days are no longer asked about.
        byDay.headMap(dayStart.currentStart(now)).clear();
    }
}
