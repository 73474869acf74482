package dev.mjbridge.task;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.springframework.stereotype.Component;

/**
 * Task id generator: epoch milliseconds followed by a 3-digit counter, e.g.
 * {@code 1732800000000123}. Ids are unique within the process and sort by time
 * (numerically, and as strings, since they all have 16 digits until the year 2286).
 * <p>
 * More than 1000 ids in one millisecond borrow from the next millisecond rather
 * than repeat, so an id may run a little ahead of the clock under a burst.
 * Two processes sharing one database could collide; one process per store is assumed.
 */
@Component
public class TaskIds {

    private final LongSupplier epochMillis;
    private final AtomicLong last = new AtomicLong();

    public TaskIds() {
        this(System::currentTimeMillis);
    }

    /** For tests: a controllable clock. */
    public TaskIds(LongSupplier epochMillis) {
        this.epochMillis = epochMillis;
    }

    /** A new id, greater than every id this generator returned before. */
    public String next() {
        long floor = epochMillis.getAsLong() * 1000;
        return Long.toString(last.accumulateAndGet(floor, (previous, f) -> Math.max(previous + 1, f)));
    }
}
