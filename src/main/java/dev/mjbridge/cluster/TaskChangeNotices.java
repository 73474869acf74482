package dev.mjbridge.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import dev.mjbridge.task.StoredTasksListener;
import dev.mjbridge.task.Task;

/**
 * Announces every task version this instance's store committed on {@link ClusterSignals#TASK_CHANGED},
 * so the other instances can show it (their live streams read it from the database). The store's
 * writer only hands the ids over; they are sent from a thread of their own, several per notification:
 * {@code <instance id> <task id> <task id> ...}, each payload under PostgreSQL's limit.
 * <p>
 * A notice that cannot be sent is lost (logged once until sending works again): the others resync
 * from the database whenever their own listening connection was down, but a notice lost on this side
 * is only made up for by the task's next change.
 */
final class TaskChangeNotices implements StoredTasksListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TaskChangeNotices.class);

    private final ClusterSignals signals;
    private final String instanceId;
    private final int maxPayloadBytes;
    private final CoalescingWorker<String> sender;
    private boolean failing;
    private volatile boolean closed;

    TaskChangeNotices(ClusterSignals signals, String instanceId) {
        this(signals, instanceId, ClusterSignals.MAX_PAYLOAD_BYTES);
    }

    TaskChangeNotices(ClusterSignals signals, String instanceId, int maxPayloadBytes) {
        this.signals = signals;
        this.instanceId = instanceId;
        this.maxPayloadBytes = maxPayloadBytes;
        this.sender = new CoalescingWorker<>("mj-cluster-task-notices", this::send);
    }

    @Override
    public void stored(List<Task> tasks) {
        List<String> ids = tasks.stream().map(Task::id).toList();
        if (closed) {
            // Shutting down: the store writes what is left, and the others still want to hear of it.
            send(ids);
        } else {
            sender.add(ids);
        }
    }

    private synchronized void send(List<String> ids) {
        try {
            for (String payload : payloads(instanceId, ids, maxPayloadBytes)) {
                signals.notify(ClusterSignals.TASK_CHANGED, payload);
            }
            if (failing) {
                log.info("cluster: task change notices are sent again");
                failing = false;
            }
        } catch (DataAccessException e) {
            if (!failing) {
                log.warn("cluster: could not announce changed tasks to the other instances ({}); their streams "
                        + "show them from the tasks' next change", e.getMessage());
                failing = true;
            }
        }
    }

    /** The ids as few payloads as fit: the sender's id, then ids separated by single spaces. */
    static List<String> payloads(String instanceId, List<String> ids, int maxBytes) {
        List<String> payloads = new ArrayList<>();
        StringBuilder payload = new StringBuilder(instanceId);
        int bytes = instanceId.getBytes(StandardCharsets.UTF_8).length;
        int base = bytes;
        for (String id : ids) {
            int length = 1 + id.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + length > maxBytes && bytes > base) {
                payloads.add(payload.toString());
                payload = new StringBuilder(instanceId);
                bytes = base;
            }
            payload.append(' ').append(id);
            bytes += length;
        }
        if (bytes > base) {
            payloads.add(payload.toString());
        }
        return payloads;
    }

    /** Sends what waits; notices after this are sent on the caller's thread (the store's last writes). */
    @Override
    public void close() {
        closed = true;
        sender.close();
    }
}
