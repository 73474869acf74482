package dev.mjbridge.account;

import java.time.Instant;
import java.util.TreeMap;

/**
 * Jobs an account took per day, each day starting at the account's day start. A job put off
 * to a later day (it waits for the account's day to restart) counts on that day. In memory only.
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

    synchronized void add(Instant moment, Instant now) {
        byDay.merge(dayStart.currentStart(moment), 1, Integer::sum);
        // Past days are no longer asked about.
        byDay.headMap(dayStart.currentStart(now)).clear();
    }
}
