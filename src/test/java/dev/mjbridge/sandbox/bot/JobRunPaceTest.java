package dev.mjbridge.sandbox.bot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A job's steps are due one step after the previous step was due, on clock values the test gives. */
class JobRunPaceTest {

    private static final long STEP = 400;

    /** Pacing never looks at the job itself. */
    private final JobRun run = new JobRun(null, false);

    @Test
    void timeSpentInAStepIsTakenFromTheWaitBeforeTheNext() {
        // The first step ran at 1,000 and took 30: the next is due at 1,400.
        assertThat(run.delayToNextStep(1_000, STEP, 1_030)).isEqualTo(370);
        // It ran 10 late (at 1,410) and took 50: the one after is still due at 1,800.
        assertThat(run.delayToNextStep(1_410, STEP, 1_460)).isEqualTo(340);
    }

    @Test
    void aStepThatOverranItsSlotIsFollowedAtOnceAndTheJobCatchesUp() {
        assertThat(run.delayToNextStep(0, STEP, 10)).isEqualTo(390);       // due at 400
        assertThat(run.delayToNextStep(400, STEP, 900)).isZero();          // due at 800, already past
        assertThat(run.delayToNextStep(900, STEP, 905)).isEqualTo(295);    // due at 1,200: back on the pace
    }

    @Test
    void afterAPauseThePaceStartsFromTheFirstStepThatRunsAgain() {
        assertThat(run.delayToNextStep(0, STEP, 5)).isEqualTo(395);
        run.forgetPace();
        assertThat(run.delayToNextStep(10_000, STEP, 10_020)).isEqualTo(380);
    }
}
