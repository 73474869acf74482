package dev.mjbridge.account;

import dev.mjbridge.midjourney.JobKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Fast time between syncs: the last figure minus the jobs since, at a cost learned from the account's history. */
class FastTimeEstimateTest {

    private final FastTimeEstimate estimate = new FastTimeEstimate();

    @Test
    void unknownUntilASyncShowedIt() {
        estimate.jobFinished(JobKind.IMAGINE, false, false);
        assertThat(estimate.remainingSeconds()).isNull();
    }

    @Test
    void eachFastJobTakesItsKindsDefaultAndTurboTwice() {
        estimate.synced(10_000);
        estimate.jobFinished(JobKind.IMAGINE, false, false);
        estimate.jobFinished(JobKind.UPSCALE, false, false);
        estimate.jobFinished(JobKind.UPSCALE, true, false);
        estimate.jobFinished(JobKind.VIDEO, false, true);

        assertThat(estimate.remainingSeconds()).isEqualTo(10_000 - 60 - 0 - 120 - 2 * 480);
    }

    @Test
    void theNextSyncCorrectsTheFigureAndTeachesTheCostOfAJob() {
        estimate.synced(10_000);
        for (int i = 0; i < 10; i++) {
            estimate.jobFinished(JobKind.IMAGINE, false, false);
        }
        // Ten grids cost 1,200 s, not the 600 s of the default: the factor moves halfway to 2.
        estimate.synced(8_800);
        assertThat(estimate.remainingSeconds()).isEqualTo(8_800);
        assertThat(estimate.factor()).isEqualTo(1.5);

        estimate.jobFinished(JobKind.IMAGINE, false, false);
        assertThat(estimate.remainingSeconds()).isEqualTo(8_800 - 90);
    }

    @Test
    void oddIntervalsTeachNothingOrStayWithinBounds() {
        estimate.synced(1_000);
        estimate.jobFinished(JobKind.IMAGINE, false, false);
        estimate.synced(50_000); // the plan renewed: more time than before
        assertThat(estimate.factor()).isEqualTo(1.0);

        estimate.jobFinished(JobKind.IMAGINE, false, false);
        estimate.synced(0); // the owner ran many jobs by hand
        assertThat(estimate.factor()).isEqualTo(FastTimeEstimate.MAX_FACTOR);

        estimate.synced(100);
        estimate.jobFinished(JobKind.VIDEO, false, false);
        assertThat(estimate.remainingSeconds()).as("never below zero").isZero();
    }
}
