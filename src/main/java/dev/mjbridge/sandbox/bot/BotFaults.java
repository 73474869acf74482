package dev.mjbridge.sandbox.bot;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Midjourney-side faults a test can plant: the output filter stopping a started job. */
@Component
public class BotFaults {

    private final Map<String, AtomicInteger> outputFilterNext = new ConcurrentHashMap<>();

    /** The next {@code count} jobs of the user are stopped by the output filter after they start. */
    public void outputFilterNext(String userId, int count) {
        outputFilterNext.computeIfAbsent(userId, id -> new AtomicInteger()).set(Math.max(0, count));
    }

    boolean takeOutputFilter(String userId) {
        AtomicInteger remaining = outputFilterNext.get(userId);
        return remaining != null && remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    public void clear() {
        outputFilterNext.clear();
    }
}
