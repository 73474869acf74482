package dev.mjbridge.cluster;

import java.util.ArrayList;
import java.util.List;

import dev.mjbridge.task.RemoteTaskChanges;

/**
 * Hears the other instances' {@link ClusterSignals#TASK_CHANGED} notices and has
 * {@link RemoteTaskChanges} read and hand on the tasks they name, on a thread of its own (a burst of
 * notices becomes one read). Its own notices are skipped: this instance's streams had those changes
 * from memory. After the listening connection was down it resyncs from the database instead.
 */
final class RemoteTaskFeed implements ClusterSignals.Subscriber, AutoCloseable {

    private static final String RESYNC = "";

    private final String instanceId;
    private final RemoteTaskChanges changes;
    private final CoalescingWorker<String> reader;

    RemoteTaskFeed(String instanceId, RemoteTaskChanges changes) {
        this.instanceId = instanceId;
        this.changes = changes;
        this.reader = new CoalescingWorker<>("mj-cluster-task-feed", this::read);
    }

    @Override
    public void onSignal(String payload) {
        String[] words = payload.split(" ");
        if (words.length < 2 || words[0].equals(instanceId)) {
            return;
        }
        List<String> ids = new ArrayList<>(words.length - 1);
        for (int i = 1; i < words.length; i++) {
            if (!words[i].isEmpty()) {
                ids.add(words[i]);
            }
        }
        reader.add(ids);
    }

    @Override
    public void onResync() {
        // Queued with the ids, so a resync and the notices heard after it are read in the order they came.
        reader.add(List.of(RESYNC));
    }

    private void read(List<String> ids) {
        List<String> tasks = new ArrayList<>(ids);
        if (tasks.remove(RESYNC)) {
            changes.resync();
        }
        if (!tasks.isEmpty()) {
            changes.changed(tasks);
        }
    }

    @Override
    public void close() {
        reader.close();
    }
}
