package dev.mjbridge.task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * At start-up, takes up every task the previous process left unfinished (even after
 * {@code kill -9}): everything it needs is in the task store and the pending requests.
 */
final class RestartRecovery {

    private static final Logger log = LoggerFactory.getLogger(RestartRecovery.class);

    private final TaskStore store;
    private final PendingRequests pending;
    private final TaskService service;
    private final TaskWriter writer;

    RestartRecovery(TaskStore store, PendingRequests pending, TaskService service, TaskWriter writer) {
        this.store = store;
        this.pending = pending;
        this.service = service;
        this.writer = writer;
    }

    void recover() {
        List<Task> unfinished = store.findUnfinished();
        if (unfinished.isEmpty()) {
            return;
        }
        int resumed = 0;
        for (Task task : unfinished) {
            Optional<TaskRuntime> runtime = Optional.empty();
            try {
                runtime = pending.find(task.id());
            } catch (RuntimeException e) {
                log.warn("task {}: its stored request cannot be read: {}", task.id(), e.getMessage());
            }
            if (runtime.isEmpty()) {
                writer.adopt(task);
                writer.apply(task.id(), new TaskUpdate.Failed("mj-bridge restarted and the task's request was not kept"));
                continue;
            }
            service.resume(task, runtime.get());
            resumed++;
        }
        log.info("restart recovery: {} unfinished task(s) taken up, {} could not be", resumed, unfinished.size() - resumed);
    }
}
