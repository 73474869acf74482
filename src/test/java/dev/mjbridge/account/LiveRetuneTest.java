package dev.mjbridge.account;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** What an account keeps when accounts.yml changes its scheduling keys: its slots' tasks and today's count. */
class LiveRetuneTest {

    @Test
    void moreConcurrencyStartsWaitingTasksAtOnceAndLessStopsNone() {
        AccountSlots slots = new AccountSlots(1, 5);
        List<String> started = new ArrayList<>();
        slots.admit("t1", () -> started.add("t1"));
        slots.admit("t2", () -> started.add("t2"));
        slots.admit("t3", () -> started.add("t3"));

        slots.resize(2, 5);
        assertThat(started).containsExactly("t2");
        assertThat(slots.running()).isEqualTo(2);
        assertThat(slots.queued()).isEqualTo(1);

        slots.resize(1, 5);
        slots.release("t1");
        assertThat(started).as("still one over the new limit: nothing starts").containsExactly("t2");
        slots.release("t2");
        assertThat(started).containsExactly("t2", "t3");
    }

    @Test
    void closedSlotsHandTheQueueBackAndTellWhenTheLastRunningTaskEnds() {
        AccountSlots slots = new AccountSlots(1, 5);
        List<String> started = new ArrayList<>();
        slots.admit("t1", () -> started.add("t1"));
        slots.admit("t2", () -> started.add("t2"));
        slots.admit("t3", () -> started.add("t3"));

        assertThat(slots.closeAndTakeQueued()).containsExactly("t2", "t3");
        assertThat(slots.admit("t4", () -> started.add("t4"))).isInstanceOf(AccountSlots.Admission.Full.class);
        assertThat(slots.idleAfterClose()).isNotDone();

        slots.release("t1");

        assertThat(slots.idleAfterClose()).isDone();
        assertThat(started).isEmpty();
    }

    @Test
    void newPacingRulesKeepTodaysCount() {
        MovingClock clock = new MovingClock(Instant.parse("2026-03-02T09:00:00Z"));
        Pacing pacing = new Pacing(new PacingRules(5, DayStart.MIDNIGHT_UTC, Duration.ZERO, Duration.ZERO, WorkHours.ALWAYS),
                clock, new SplittableRandom(1), (wait, action) -> action.run());
        pacing.countJob();
        pacing.countJob();
        pacing.countJob();

        pacing.retune(new PacingRules(3, DayStart.parse("06:00 UTC"), Duration.ofSeconds(10), Duration.ZERO, WorkHours.ALWAYS));

        assertThat(pacing.today()).isEqualTo(3);
        assertThat(pacing.blocked()).as("at the new limit of 3").isPresent();
        assertThat(pacing.usage().dailyLimit()).isEqualTo(3);
    }
}
