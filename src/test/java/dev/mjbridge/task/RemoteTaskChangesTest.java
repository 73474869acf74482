package dev.mjbridge.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mjbridge.midjourney.JobKind;
import tools.jackson.databind.json.JsonMapper;

/**
 * What another instance announced reaches the listeners here once per version, read from the store,
 * only for tasks this process does not follow; a resync catches up with what was missed.
 */
class RemoteTaskChangesTest {

    private final InFlightIndex index = new InFlightIndex();
    private final MemoryTaskStore store = new MemoryTaskStore();
    private final TaskJsonCache cache = new TaskJsonCache(JsonMapper.builder().build(), TaskJsonCache.DEFAULT_MAX_BYTES);
    private final List<TaskJson> handedOn = new ArrayList<>();
    private final List<Task> local = new ArrayList<>();
    private final RemoteTaskChanges changes = new RemoteTaskChanges(index, store, cache, List.of(new TaskListener() {
        @Override
        public void onTaskChanged(Task task) {
            local.add(task);
        }

        @Override
        public void onRemoteTaskChanged(Task task, TaskJson json) {
            handedOn.add(json);
        }
    }));

    private static Task running(String id, String progress) {
        return Task.create(id, JobKind.IMAGINE, Long.parseLong(id) / 1000).withStatus(TaskStatus.IN_PROGRESS)
                .withProgress(progress);
    }

    @Test
    void eachVersionOfATaskFollowedElsewhereIsHandedOnOnceWithANewerVersionNumber() {
        store.save(running("1732800000000001", "10%"));
        changes.changed(List.of("1732800000000001"));
        changes.changed(List.of("1732800000000001"));
        store.save(running("1732800000000001", "50%"));
        changes.changed(List.of("1732800000000001", "1732800000000001"));
        store.save(running("1732800000000001", "100%").withStatus(TaskStatus.SUCCESS));
        changes.changed(List.of("1732800000000001"));

        assertThat(handedOn).extracting(j -> new String(j.json())).satisfiesExactly(
                j -> assertThat(j).contains("\"progress\":\"10%\""),
                j -> assertThat(j).contains("\"progress\":\"50%\""),
                j -> assertThat(j).contains("\"status\":\"SUCCESS\""));
        assertThat(handedOn.get(1).version()).isGreaterThan(handedOn.get(0).version());
        assertThat(handedOn.get(2).version()).isGreaterThan(handedOn.get(1).version());
        assertThat(local).as("never told as a change of this process's own").isEmpty();
        assertThat(cache.settledFinal("1732800000000001")).as("a final one read is settled").isNotNull();
    }

    @Test
    void aTaskFollowedHereIsLeftToMemoryAndAnUnknownIdToNobody() {
        Task mine = running("1732800000000002", "30%");
        store.save(mine);
        index.put(mine);

        changes.changed(List.of("1732800000000002", "1732800000000099"));

        assertThat(handedOn).isEmpty();
    }

    @Test
    void aResyncHandsOnTheUnfinishedTasksAndThoseThatFinishedWhileNothingWasHeard() {
        store.save(running("1732800000000003", "20%"));
        store.save(running("1732800000000004", "20%"));
        changes.changed(List.of("1732800000000003", "1732800000000004"));
        handedOn.clear();
        // Missed: one finished, one moved on, one new; one unchanged.
        store.save(running("1732800000000003", "100%").withStatus(TaskStatus.FAILURE));
        store.save(running("1732800000000005", "0%"));
        Task mine = running("1732800000000006", "0%");
        store.save(mine);
        index.put(mine);

        changes.resync();

        assertThat(handedOn).extracting(TaskJson::id).containsExactlyInAnyOrder("1732800000000003", "1732800000000005");
        assertThat(handedOn).filteredOn(j -> j.id().equals("1732800000000003")).singleElement()
                .extracting(TaskJson::status).isEqualTo(TaskStatus.FAILURE);
    }
}
