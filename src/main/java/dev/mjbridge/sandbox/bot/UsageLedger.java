package dev.mjbridge.sandbox.bot;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each user's finished jobs cost: fast time is taken from {@link UserState}, and
 * lifetime totals are kept for /info.
 */
@Component
class UsageLedger {

    /** Images made and GPU seconds spent, in fast (and turbo) and in relax mode. */
    record Usage(long fastImages, long fastSeconds, long relaxImages, long relaxSeconds) {

        static final Usage NONE = new Usage(0, 0, 0, 0);

        Usage plus(boolean relaxed, long seconds) {
            return relaxed
                    ? new Usage(fastImages, fastSeconds, relaxImages + 1, relaxSeconds + seconds)
                    : new Usage(fastImages + 1, fastSeconds + seconds, relaxImages, relaxSeconds);
        }
    }

    private final UserStates userStates;
    private final Map<String, Usage> usage = new ConcurrentHashMap<>();

    UsageLedger(UserStates userStates) {
        this.userStates = userStates;
    }

    void charge(Job job) {
        boolean relaxed = job.mode() == SpeedMode.RELAX;
        long seconds = job.kind().fastSeconds() * (job.mode() == SpeedMode.TURBO ? 2L : 1L);
        usage.merge(job.user().id(), Usage.NONE.plus(relaxed, seconds), (old, added) -> old.plus(relaxed, seconds));
        if (!relaxed && seconds > 0) {
            userStates.update(job.user().id(), s -> s.withFastSecondsRemaining(s.fastSecondsRemaining() - seconds));
        }
    }

    Usage of(String userId) {
        return usage.getOrDefault(userId, Usage.NONE);
    }
}
