package dev.mjbridge.notify;

import dev.mjbridge.task.Task;
import dev.mjbridge.midjourney.JobKind;
import dev.mjbridge.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PendingDeliveriesTest {

    private static final HookTarget HOOK = HookTarget.perRequest("http://127.0.0.1/hook");
    private static final Task TASK = Task.create("1", JobKind.IMAGINE, 0L);

    private static Delivery state(TaskStatus status, String progress) {
        return Delivery.first(TASK.withStatus(status).withProgress(progress), HOOK);
    }

    private static List<String> drain(PendingDeliveries pending) {
        List<String> states = new ArrayList<>();
        pending.poll().ifPresent(d -> states.add(d.task().status() + " " + d.task().progress()));
        while (pending.size() > 0) {
            pending.poll().ifPresent(d -> states.add(d.task().status() + " " + d.task().progress()));
        }
        return states;
    }

    @Test
    void keepsEveryStateInOrderWhileThereIsRoom() {
        PendingDeliveries pending = new PendingDeliveries(8);
        pending.add(state(TaskStatus.SUBMITTED, "0%"), false);
        pending.add(state(TaskStatus.IN_PROGRESS, "10%"), false);
        pending.add(state(TaskStatus.IN_PROGRESS, "50%"), false);
        pending.add(state(TaskStatus.SUCCESS, "100%"), false);

        assertThat(drain(pending)).containsExactly("SUBMITTED 0%", "IN_PROGRESS 10%", "IN_PROGRESS 50%", "SUCCESS 100%");
    }

    @Test
    void whenFullDropsOnlyProgressThatANewerStateSupersedes() {
        PendingDeliveries pending = new PendingDeliveries(4);
        pending.add(state(TaskStatus.SUBMITTED, "0%"), false);
        for (int p = 10; p <= 90; p += 10) {
            pending.add(state(TaskStatus.IN_PROGRESS, p + "%"), false);
        }
        pending.add(state(TaskStatus.SUCCESS, "100%"), false);

        assertThat(drain(pending)).containsExactly("SUBMITTED 0%", "IN_PROGRESS 80%", "IN_PROGRESS 90%", "SUCCESS 100%");
    }

    @Test
    void statusChangesSurviveAndTheFinalStateStaysLastEvenWhenOnlyStatusChangesAreQueued() {
        PendingDeliveries pending = new PendingDeliveries(2);
        pending.add(state(TaskStatus.NOT_START, "0%"), false);
        pending.add(state(TaskStatus.SUBMITTED, "0%"), false);
        pending.add(state(TaskStatus.FAILURE, "0%"), false);

        assertThat(drain(pending)).containsExactly("SUBMITTED 0%", "FAILURE 0%");
    }

    @Test
    void squeezingReplacesTheQueuedStateWithTheSameStatus() {
        PendingDeliveries pending = new PendingDeliveries(8);
        pending.add(state(TaskStatus.IN_PROGRESS, "10%"), true);
        pending.add(state(TaskStatus.IN_PROGRESS, "20%"), true);
        pending.add(state(TaskStatus.SUCCESS, "100%"), true);

        assertThat(drain(pending)).containsExactly("IN_PROGRESS 20%", "SUCCESS 100%");
    }

    @Test
    void aNewerStateWithTheSameStatusTakesAFailedStatesPlaceKeepingItsFailures() {
        PendingDeliveries pending = new PendingDeliveries(8);
        pending.add(state(TaskStatus.IN_PROGRESS, "20%"), false);
        pending.add(state(TaskStatus.IN_PROGRESS, "30%"), false);
        pending.add(state(TaskStatus.SUCCESS, "100%"), false);

        Delivery retried = pending.supersede(state(TaskStatus.IN_PROGRESS, "10%").failedOnce().failedOnce());

        assertThat(retried.task().progress()).isEqualTo("30%");
        assertThat(retried.failures()).isEqualTo(2);
        assertThat(drain(pending)).containsExactly("SUCCESS 100%");
    }

    @Test
    void aFailedStatusChangeIsRetriedItself() {
        PendingDeliveries pending = new PendingDeliveries(8);
        pending.add(state(TaskStatus.IN_PROGRESS, "10%"), false);
        Delivery submitted = state(TaskStatus.SUBMITTED, "0%").failedOnce();

        assertThat(pending.supersede(submitted)).isSameAs(submitted);
        assertThat(pending.size()).isEqualTo(1);
    }
}
