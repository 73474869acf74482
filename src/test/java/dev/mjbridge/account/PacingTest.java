package dev.mjbridge.account;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The pacing rules on a clock and timer the test moves: daily limit and its day start, send spacing, work hours. */
class PacingTest {

    private static final Instant MORNING_UTC = Instant.parse("2026-11-29T09:00:00Z");

    private final MovingClock clock = new MovingClock(MORNING_UTC);
    private final ManualTimer timer = new ManualTimer();

    @Test
    void noRulesPaceNothing() {
        Pacing pacing = new Pacing(PacingRules.NONE, clock, new SplittableRandom(1), timer);
        CompletableFuture<String> pending = new CompletableFuture<>();
        for (int i = 0; i < 1_000; i++) {
            pacing.countJob();
            assertThat(pacing.paced(() -> pending)).as("sent at once, not after the one before").isSameAs(pending);
        }
        assertThat(timer.waits).isEmpty();
        assertThat(pacing.blocked()).isEmpty();
        assertThat(pacing.usage()).isEqualTo(new PacingUsage(1_000, 0, null, true));
    }

    @Test
    void anAccountAtItsDailyLimitTakesNoWorkUntilItsDayRestarts() {
        Pacing pacing = pacing(2, "06:00 Europe/Berlin", 0, 0, "");
        pacing.countJob();
        assertThat(pacing.blocked()).isEmpty();
        pacing.countJob();

        assertThat(pacing.blocked()).containsInstanceOf(PacingBlock.DailyLimit.class);
        // 06:00 in Berlin in winter is 05:00 UTC, the next morning.
        assertThat(pacing.blocked().orElseThrow().until()).isEqualTo(Instant.parse("2026-11-30T05:00:00Z"));
        assertThat(pacing.blocked().orElseThrow().untilText()).isEqualTo("06:00 Europe/Berlin");
        assertThat(pacing.usage().today()).isEqualTo(2);

        clock.set(Instant.parse("2026-11-30T04:59:59Z"));
        assertThat(pacing.blocked()).isPresent();
        clock.set(Instant.parse("2026-11-30T05:00:00Z"));
        assertThat(pacing.blocked()).isEmpty();
        assertThat(pacing.usage().today()).isZero();
    }

    @Test
    void eachSendWaitsForThePreviousAnswerAndTheIntervalAfterIt() {
        Pacing pacing = pacing(0, "00:00 UTC", 30, 0, "");
        assertThat(pacing.usage().nextSendAt()).isNull();
        List<CompletableFuture<String>> calls = new ArrayList<>();
        List<Instant> sentAt = new ArrayList<>();
        Supplier<CompletableFuture<String>> send = () -> {
            sentAt.add(clock.instant());
            CompletableFuture<String> call = new CompletableFuture<>();
            calls.add(call);
            return call;
        };

        CompletableFuture<String> first = pacing.paced(send);
        CompletableFuture<String> second = pacing.paced(send);
        assertThat(sentAt).as("the first goes at once, the second waits for its answer").hasSize(1);

        clock.advance(Duration.ofSeconds(2)); // Discord answers two seconds later
        calls.get(0).complete("one");
        assertThat(first).isCompletedWithValue("one");
        assertThat(timer.waits).containsExactly(Duration.ZERO, Duration.ofSeconds(30));
        assertThat(pacing.usage().nextSendAt()).isEqualTo(MORNING_UTC.plusSeconds(32).toEpochMilli());

        clock.advance(Duration.ofSeconds(30));
        timer.runDue();
        assertThat(sentAt).containsExactly(MORNING_UTC, MORNING_UTC.plusSeconds(32));
        calls.get(1).completeExceptionally(new IllegalStateException("refused"));
        assertThat(second).isCompletedExceptionally();

        // A refused send counts as sent; after a quiet spell the next goes at once.
        clock.advance(Duration.ofMinutes(10));
        pacing.paced(send);
        assertThat(timer.waits).last().isEqualTo(Duration.ZERO);
        assertThat(sentAt).hasSize(3);
    }

    @Test
    void afterARestartASpacedAccountsFirstSendWaitsOneInterval() {
        Pacing spaced = pacing(0, "00:00 UTC", 30, 0, "");
        Pacing unspaced = pacing(0, "00:00 UTC", 0, 0, "");

        spaced.restoreSpacingAfterRestart();
        unspaced.restoreSpacingAfterRestart();
        spaced.paced(() -> CompletableFuture.completedFuture("sent"));

        assertThat(timer.waits).as("the send before the restart may have been just now").containsExactly(
                Duration.ofSeconds(30));
        assertThat(unspaced.usage().nextSendAt()).isNull();
    }

    @Test
    void jitterAddsBetweenZeroAndItsSecondsToEachInterval() {
        Pacing pacing = pacing(0, "00:00 UTC", 10, 5, "");
        boolean varied = false;
        for (int i = 0; i < 50; i++) {
            pacing.paced(() -> CompletableFuture.completedFuture("sent"));
            Duration wait = timer.waits.get(timer.waits.size() - 1);
            if (i > 0) {
                assertThat(wait).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(15));
                varied |= !wait.equals(Duration.ofSeconds(10));
            }
            timer.runDue();
        }
        assertThat(varied).as("the jitter varies the intervals").isTrue();
    }

    @Test
    void workHoursOpenAndCloseOnTheClockIncludingAcrossMidnight() {
        Pacing pacing = pacing(0, "00:00 UTC", 0, 0, "08:00-12:00, 22:00-02:00 UTC");
        assertThat(pacing.inWorkHours()).isTrue(); // 09:00
        clock.set(Instant.parse("2026-11-29T12:00:00Z"));
        assertThat(pacing.inWorkHours()).isFalse();
        PacingBlock block = pacing.blocked().orElseThrow();
        assertThat(block).isInstanceOf(PacingBlock.OutsideWorkHours.class);
        assertThat(block.until()).isEqualTo(Instant.parse("2026-11-29T22:00:00Z"));
        assertThat(block.untilText()).isEqualTo("22:00 UTC");

        clock.set(Instant.parse("2026-11-30T01:59:00Z"));
        assertThat(pacing.inWorkHours()).isTrue();
        clock.set(Instant.parse("2026-11-30T02:00:00Z"));
        assertThat(pacing.blocked().orElseThrow().until()).isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));
        assertThat(pacing.usage().inWorkHours()).isFalse();
    }

    @Test
    void anAccountHeldBackTakesWorkAgainWhenItsDayRestartsOrItsHoursOpen() {
        Pacing pacing = pacing(1, "00:00 UTC", 0, 0, "08:00-23:00 UTC");
        clock.set(Instant.parse("2026-11-29T22:55:00Z"));
        assertThat(pacing.availableWithin(Duration.ofMinutes(10))).contains(clock.instant());
        pacing.countJob();

        // The day restarts at midnight but the hours open at 08:00: that is when it takes work again.
        assertThat(pacing.availableWithin(Duration.ofHours(10))).contains(Instant.parse("2026-11-30T08:00:00Z"));
        assertThat(pacing.availableWithin(Duration.ofHours(9))).isEmpty();

        // A job put off to tomorrow counts on tomorrow: the day after is the next chance.
        pacing.countJobAt(Instant.parse("2026-11-30T08:00:00Z"));
        assertThat(pacing.availableWithin(Duration.ofHours(10))).isEmpty();
        assertThat(pacing.availableWithin(Duration.ofHours(34))).contains(Instant.parse("2026-12-01T08:00:00Z"));
        assertThat(pacing.usage().today()).isEqualTo(1);
        clock.set(Instant.parse("2026-11-30T08:00:00Z"));
        assertThat(pacing.usage().today()).isEqualTo(1);
        assertThat(pacing.blocked()).containsInstanceOf(PacingBlock.DailyLimit.class);
    }

    @Test
    void aLimitReachedShortlyBeforeTheDayRestartsIsOverWithinTheWait() {
        Pacing pacing = pacing(1, "00:00 UTC", 0, 0, "");
        clock.set(Instant.parse("2026-11-29T23:55:00Z"));
        pacing.countJob();
        assertThat(pacing.availableWithin(Duration.ofMinutes(10))).contains(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(pacing.availableWithin(Duration.ofMinutes(4))).isEmpty();
    }

    @Test
    void workHoursFollowTheirZone() {
        WorkHours berlin = WorkHours.parse("08:00-23:30 Europe/Berlin");
        assertThat(berlin.contains(Instant.parse("2026-11-29T06:59:00Z"))).isFalse();
        assertThat(berlin.contains(Instant.parse("2026-11-29T07:00:00Z"))).isTrue();
        assertThat(berlin.contains(Instant.parse("2026-11-29T22:29:00Z"))).isTrue();
        assertThat(berlin.contains(Instant.parse("2026-11-29T22:30:00Z"))).isFalse();
        assertThat(berlin.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(berlin.toString()).isEqualTo("08:00-23:30 Europe/Berlin");
    }

    @Test
    void aRestoredCountCountsTowardTodaysLimitOnly() {
        Pacing pacing = pacing(3, "06:00 Europe/Berlin", 0, 0, "");
        assertThat(pacing.todayStartedAt()).isEqualTo(Instant.parse("2026-11-29T05:00:00Z"));

        pacing.restoreToday(2);
        pacing.countJob();

        assertThat(pacing.blocked()).isPresent();
        assertThat(pacing.usage().today()).isEqualTo(3);
        pacing.restoreToday(1); // never lowers what was counted
        assertThat(pacing.usage().today()).isEqualTo(3);
        clock.advance(Duration.ofDays(1));
        assertThat(pacing.blocked()).isEmpty();
        assertThat(pacing.usage().today()).isZero();
    }

    private Pacing pacing(int dailyLimit, String dayStart, int interval, int jitter, String workHours) {
        return new Pacing(new PacingRules(dailyLimit, DayStart.parse(dayStart), Duration.ofSeconds(interval),
                Duration.ofSeconds(jitter), WorkHours.parse(workHours)), clock, new SplittableRandom(5), timer);
    }

    /** Records each wait; an action with no wait runs at once, the others when the test says. */
    private static final class ManualTimer implements PacingTimer {
        final List<Duration> waits = new ArrayList<>();
        final List<Runnable> due = new ArrayList<>();

        @Override
        public void runAfter(Duration wait, Runnable action) {
            waits.add(wait);
            if (wait.isZero()) {
                action.run();
            } else {
                due.add(action);
            }
        }

        void runDue() {
            List<Runnable> now = new ArrayList<>(due);
            due.clear();
            now.forEach(Runnable::run);
        }
    }
}
