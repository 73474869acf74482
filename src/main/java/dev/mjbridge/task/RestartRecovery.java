package dev.mjbridge.task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * At start-up, takes up every task the previous process left unfinished (even after
 * {@code kill -9}): everything it needs is in the task store, the request still to send included.
 * A task whose result was held while its picture was being kept has its picture kept now.
 */
final class RestartRecovery {

    private static final Logger log = LoggerFactory.getLogger(RestartRecovery.class);

    private final TaskStore store;
    private final TaskService service;
    private final TaskWriter writer;
    private final ResultImages images;

    RestartRecovery(TaskStore store, TaskService service, TaskWriter writer, ResultImages images) {
        this.store = store;
        this.service = service;
        this.writer = writer;
        this.images = images;
    }

    void recover() {
        List<Task> unfinished = store.findUnfinished();
        if (unfinished.isEmpty()) {
            return;
        }
        int resumed = 0;
        for (Task task : unfinished) {
            if (takeUp(task)) {
                resumed++;
            }
        }
        log.info("restart recovery: {} unfinished task(s) taken up, {} could not be", resumed, unfinished.size() - resumed);
    }

    /**
     * Follows one unfinished task this process did not know: a held one has its picture kept, a sent one
     * holds its account's slot (the account reconciles from channel history once connected), a queued one
     * waits for a slot again. A task whose request was not kept fails.
     *
     * @return whether it was taken up
     */
    boolean takeUp(Task task) {
        if (task.internal().held() != null) {
            // Midjourney's job is over: only its picture is left to keep (it holds no account slot).
            writer.adopt(task);
            images.keep(task);
            return true;
        }
        if (task.internal().runtime() == null || task.internal().runtime().request() == null) {
            writer.adopt(task);
            writer.apply(task.id(), new TaskUpdate.Failed("mj-bridge restarted and the task's request was not kept"));
            return false;
        }
        service.resume(task);
        return true;
    }
}
