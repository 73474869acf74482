package dev.mjbridge.account;

import java.time.Instant;

/** Jobs an account took in the current day, restarting at each day start. In memory only. */
final class DailyCount {

    private final DayStart dayStart;
    private Instant day;
    private int count;

    DailyCount(DayStart dayStart) {
        this.dayStart = dayStart;
    }

    synchronized int today(Instant now) {
        roll(now);
        return count;
    }

    synchronized void add(Instant now) {
        roll(now);
        count++;
    }

    private void roll(Instant now) {
        Instant current = dayStart.currentStart(now);
        if (!current.equals(day)) {
            day = current;
            count = 0;
        }
    }
}
