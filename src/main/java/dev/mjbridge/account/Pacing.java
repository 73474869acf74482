package dev.mjbridge.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * An account's pacing, so that a real subscription does not send like a bot: whether it
 * takes new work now (daily limit, work hours), counting the jobs it takes, and when its
 * next send may go out (minimum interval plus jitter). Time comes from the injected clock.
 */
public final class Pacing {

    /** Replaced together when accounts.yml changes ({@link #retune}); read as they are at each call. */
    private volatile PacingRules rules;
    private volatile DailyCount daily;
    private volatile SendSpacing spacing;
    private final Clock clock;
    private final RandomGenerator random;
    private final PacingTimer timer;
    /** Completes when the last paced send was answered: sends of a spaced account go one after another. */
    private CompletableFuture<Void> lastSend = CompletableFuture.completedFuture(null);

    public Pacing(PacingRules rules, Clock clock, RandomGenerator random) {
        this(rules, clock, random, PacingTimer.realTime());
    }

    public Pacing(PacingRules rules, Clock clock, RandomGenerator random, PacingTimer timer) {
        this.rules = rules;
        this.clock = clock;
        this.random = random;
        this.timer = timer;
        this.daily = new DailyCount(rules.dayStartsAt());
        this.spacing = new SendSpacing(rules.minInterval(), rules.intervalJitter(), random);
    }

    public static Pacing systemClock(PacingRules rules) {
        return new Pacing(rules, Clock.systemUTC(), new Random());
    }

    /**
     * New rules from an edited accounts file, keeping what the account did: today's count (a
     * changed day start counts it on the day that holds now) and, when the interval is the same,
     * the time of its next send.
     */
    public synchronized void retune(PacingRules next) {
        PacingRules before = rules;
        if (!next.dayStartsAt().equals(before.dayStartsAt())) {
            Instant now = clock.instant();
            int today = daily.on(now);
            DailyCount moved = new DailyCount(next.dayStartsAt());
            moved.restore(today, now);
            daily = moved;
        }
        if (!next.minInterval().equals(before.minInterval()) || !next.intervalJitter().equals(before.intervalJitter())) {
            SendSpacing fresh = new SendSpacing(next.minInterval(), next.intervalJitter(), random);
            Instant last = spacing.nextSendAt();
            if (last != null) {
                // Spaced from the last send as the old rules placed it, so a shorter interval sends no burst.
                fresh.sent(last.minus(before.minInterval()));
            }
            spacing = fresh;
        }
        rules = next;
    }

    /**
     * This account replaces {@code previous} (same account, new session): it goes on with its
     * count of today and its next send time, as if nothing had happened.
     */
    public void takeOver(Pacing previous) {
        restoreToday(previous.today());
        Instant next = previous.spacing.nextSendAt();
        if (next != null && spacing.spaces()) {
            spacing.sent(next.minus(rules.minInterval()));
        }
    }

    /** Jobs counted today. */
    public int today() {
        return daily.on(clock.instant());
    }

    public boolean inWorkHours() {
        return rules.workHours().contains(clock.instant());
    }

    /** Why the account takes no new work now, or empty when it does. */
    public Optional<PacingBlock> blocked() {
        Instant now = clock.instant();
        if (rules.limitsDays() && daily.on(now) >= rules.dailyLimit()) {
            return Optional.of(new PacingBlock.DailyLimit(rules.dayStartsAt().nextStart(now), rules.dayStartsAt().zone()));
        }
        if (!rules.workHours().contains(now)) {
            return Optional.of(new PacingBlock.OutsideWorkHours(rules.workHours().nextOpening(now),
                    rules.workHours().zone()));
        }
        return Optional.empty();
    }

    /** When the current day began for this account's daily limit. */
    public Instant todayStartedAt() {
        return rules.dayStartsAt().currentStart(clock.instant());
    }

    /**
     * After a restart: today's count is at least {@code jobs}, the jobs the task store shows were
     * sent from this account since {@link #todayStartedAt}, so a restart never resets the limit.
     */
    public void restoreToday(int jobs) {
        daily.restore(jobs, clock.instant());
    }

    /**
     * After a restart: when the account last sent is not stored, so a spaced account's first
     * send waits one interval from now. A restart can then never bring two sends closer than
     * the interval, at the cost of one interval's wait.
     */
    public void restoreSpacingAfterRestart() {
        if (spacing.spaces()) {
            spacing.sent(clock.instant());
        }
    }

    /** Counts a job the account took, toward today's limit. */
    public void countJob() {
        Instant now = clock.instant();
        daily.add(now, now);
    }

    /** Counts a job put off until {@code startAt}, toward the limit of the day it starts in. */
    public void countJobAt(Instant startAt) {
        daily.add(startAt, clock.instant());
    }

    /**
     * The first moment from now, at most {@code maxWait} away, at which the account takes one
     * more job (under the limit of that day, inside its work hours); empty when none is that close.
     */
    public Optional<Instant> availableWithin(Duration maxWait) {
        Instant now = clock.instant();
        Instant latest = now.plus(maxWait);
        Instant at = now;
        // Each step moves to a day restart or a work-hours opening; a handful settle any rules.
        for (int step = 0; step < 8 && !at.isAfter(latest); step++) {
            Instant next = at;
            if (rules.limitsDays() && daily.on(next) >= rules.dailyLimit()) {
                next = rules.dayStartsAt().nextStart(next);
            }
            if (!rules.workHours().contains(next)) {
                next = rules.workHours().nextOpening(next);
            }
            if (next.equals(at)) {
                return Optional.of(at);
            }
            at = next;
        }
        return Optional.empty();
    }

    /** Runs {@code action} at {@code moment} (at once if it is past) on the pacing timer. */
    public void runAt(Instant moment, Runnable action) {
        Duration wait = Duration.between(clock.instant(), moment);
        timer.runAfter(wait.isNegative() ? Duration.ZERO : wait, action);
    }

    /**
     * Runs {@code send} (a call to Discord) once the account's previous send was answered and
     * its interval since then has passed; at once for an account without an interval. The
     * wait is a timer, no thread is held.
     */
    public <T> CompletableFuture<T> paced(Supplier<CompletableFuture<T>> send) {
        if (!spacing.spaces()) {
            return send.get();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletableFuture<Void> previous;
        synchronized (this) {
            previous = lastSend;
            lastSend = result.handle((value, error) -> null);
        }
        previous.thenRun(() -> timer.runAfter(spacing.waitAt(clock.instant()), () -> {
            CompletableFuture<T> call;
            try {
                call = send.get();
            } catch (RuntimeException e) {
                call = CompletableFuture.failedFuture(e);
            }
            call.whenComplete((value, error) -> {
                spacing.sent(clock.instant());
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(value);
                }
            });
        }));
        return result;
    }

    public PacingUsage usage() {
        Instant now = clock.instant();
        Instant next = spacing.nextSendAt();
        return new PacingUsage(daily.on(now), rules.dailyLimit(), next == null ? null : next.toEpochMilli(),
                rules.workHours().contains(now));
    }
}
