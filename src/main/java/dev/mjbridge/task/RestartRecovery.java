package dev.mjbridge.task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * At start-up, takes up every task the previous process left unfinished (even after
 * {@code kill -9}): everything it needs is in the task store, the request still to send included.
 */
final class RestartRecovery {

    private static final Logger log = LoggerFactory.getLogger(RestartRecovery.class);

    private final TaskStore store;
    private final TaskService service;
    private final TaskWriter writer;

    RestartRecovery(TaskStore store, TaskService service, TaskWriter writer) {
        this.store = store;
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
            if (task.internal().runtime() == null || task.internal().runtime().request() == null) {
                writer.adopt(task);
                writer.apply(task.id(), new TaskUpdate.Failed("mj-bridge restarted and the task's request was not kept"));
                continue;
            }
            service.resume(task);
            resumed++;
        }
        log.info("restart recovery: {} unfinished task(s) taken up, {} could not be", resumed, unfinished.size() - resumed);
    }
}
