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
 * <p>
 * In a cluster the instances share one database, so each holds a slot of its own, 0 to 99
 * ({@link #useInstanceSlot}): its ids are the millisecond, one digit of a counter and the slot's two
 * digits, e.g. {@code 1732800000000407} from slot 7. Still 16 digits (a JavaScript number holds them
 * exactly), and two instances never hand out the same id; ten ids a millisecond before borrowing.
 */
@Component
public class TaskIds {

    private final LongSupplier epochMillis;
    private final AtomicLong last = new AtomicLong();
    /** The cluster slot, or -1 outside a cluster. */
    private volatile int slot = -1;

    public TaskIds() {
        this(System::currentTimeMillis);
    }

    /** For tests: a controllable clock. */
    public TaskIds(LongSupplier epochMillis) {
        this.epochMillis = epochMillis;
    }

    /** From now on the ids carry this instance's cluster slot (0 to 99) in their last two digits. */
    public void useInstanceSlot(int slot) {
        if (slot < 0 || slot > 99) {
            throw new IllegalArgumentException("a task id slot is 0 to 99, got " + slot);
        }
        this.slot = slot;
    }

    /** A new id, greater than every id this generator returned before. */
    public String next() {
        int own = slot;
        if (own < 0) {
            long floor = epochMillis.getAsLong() * 1000;
            return Long.toString(last.accumulateAndGet(floor, (previous, f) -> Math.max(previous + 1, f)));
        }
        // last holds the id without its slot digits, in steps of 100: millisecond * 1000 + counter * 100.
        long floor = epochMillis.getAsLong() * 1000;
        long base = last.accumulateAndGet(floor, (previous, f) -> Math.max(previous / 100 * 100 + 100, f));
        return Long.toString(base + own);
    }
}
