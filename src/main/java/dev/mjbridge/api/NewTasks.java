package dev.mjbridge.api;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.mjbridge.task.Task;
import dev.mjbridge.midjourney.JobKind;
import dev.mjbridge.task.TaskInternal;
import dev.mjbridge.task.TaskService;

/** Creates the task of a new-job submit (imagine, blend, describe, shorten) from the request. */
@Component
class NewTasks {

    private final TaskService tasks;

    NewTasks(TaskService tasks) {
        this.tasks = tasks;
    }

    /**
     * @param base64Array the images as the client sent them, kept (never shown) so a queued
     *                    task can still be sent after a restart
     */
    Task create(JobKind action, String prompt, String description, SubmitOptions options,
                List<String> base64Array) {
        Task task = tasks.newTask(action);
        return task.withPrompt(prompt, prompt)
                .withDescription(description)
                .withState(options.state())
                .withBotType(options.botType().name())
                .withInternal(new TaskInternal(options.notifyHook(), base64Array, null)
                        .withLinkBase(task.internal().linkBase()));
    }
}
