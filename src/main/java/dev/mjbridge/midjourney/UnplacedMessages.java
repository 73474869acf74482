package dev.mjbridge.midjourney;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the bot messages the parser could not place, by {@link MessageShape}, and says so at WARN:
 * at the first sighting of a shape and again at the 10th, 100th, 1000th, ... so a new Midjourney
 * format is noticed at once but cannot flood the log. Shared by all accounts; thread-safe.
 */
public final class UnplacedMessages {

    private static final Logger log = LoggerFactory.getLogger(UnplacedMessages.class);
    /** Shapes remembered one by one; beyond that (a format that embeds something we did not normalise) they are lumped. */
    static final int MAX_SHAPES = 1000;

    private final Map<MessageShape, AtomicLong> counts = new ConcurrentHashMap<>();
    private final AtomicLong overflow = new AtomicLong();

    /**
     * Counts one sighting and logs it when the count is 1, 10, 100, ...
     *
     * @param accountId the account whose session saw it, for the log line only
     * @return how often this shape has been seen, this one included
     */
    public long record(String accountId, ParseOutcome.Unplaced unplaced) {
        AtomicLong counter = counts.get(unplaced.shape());
        if (counter == null) {
            if (counts.size() >= MAX_SHAPES) {
                long lumped = overflow.incrementAndGet();
                if (isPowerOfTen(lumped)) {
                    log.warn("{} Midjourney messages of shapes beyond the first {} were not understood (account {});"
                            + " latest: {}", lumped, MAX_SHAPES, accountId, unplaced.shape().describe());
                }
                return lumped;
            }
            counter = counts.computeIfAbsent(unplaced.shape(), shape -> new AtomicLong());
        }
        long seen = counter.incrementAndGet();
        if (isPowerOfTen(seen)) {
            log.warn("Midjourney message not understood (seen {} time{} in this shape; account {}): {}; why: {}."
                            + " Capture it with mj.discord.capture-dir and check it with parse-message (docs/captures.md)",
                    seen, seen == 1 ? "" : "s", accountId, unplaced.shape().describe(),
                    String.join("; ", unplaced.reasons()));
        }
        return seen;
    }

    /** How often {@code shape} was seen. */
    public long count(MessageShape shape) {
        AtomicLong counter = counts.get(shape);
        return counter == null ? 0 : counter.get();
    }

    /** Every shape seen so far with its count, most frequent first. */
    public Map<MessageShape, Long> counts() {
        Map<MessageShape, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()))
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue().get()));
        return sorted;
    }

    /** Sightings of shapes that did not fit in the table. */
    public long overflow() {
        return overflow.get();
    }

    private static boolean isPowerOfTen(long n) {
        long power = 1;
        while (power < n && power <= Long.MAX_VALUE / 10) {
            power *= 10;
        }
        return power == n;
    }
}
