package dev.mjbridge.api;

import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.mjbridge.notify.Redelivery;
import dev.mjbridge.notify.WebhookNotifier;
import dev.mjbridge.task.Task;
import dev.mjbridge.task.TaskService;

/**
 * A task's webhook deliveries for the operator: what was sent where and how it went, and
 * sending the latest state again. Needs {@code mj-admin-secret}: the log names the hooks.
 */
@AdminOnly
@RestController
@RequestMapping({ApiPaths.ROOT + "/task", ApiPaths.MODE_ROOT + "/task"})
public class TaskDeliveriesController {

    private final TaskService tasks;
    private final WebhookNotifier notifier;

    TaskDeliveriesController(TaskService tasks, WebhookNotifier notifier) {
        this.tasks = tasks;
        this.notifier = notifier;
    }

    /** The task's last delivery attempts, oldest first; code 3 for an unknown task. */
    @Operation(summary = "A task's webhook deliveries")
    @GetMapping("/{id}/deliveries")
    public ApiResponse deliveries(@PathVariable("id") String id) {
        return tasks.find(id)
                .map(task -> ApiResponse.success("Deliveries of task " + task.id(), notifier.deliveries(task.id())))
                .orElseGet(() -> notFound(id));
    }

    /** Sends the task's latest state to its hook again, as a new delivery; code 4 when it has no hook. */
    @Operation(summary = "Send a task's latest state to its hook again")
    @PostMapping("/{id}/redeliver")
    public ApiResponse redeliver(@PathVariable("id") String id) {
        Optional<Task> found = tasks.find(id);
        if (found.isEmpty()) {
            return notFound(id);
        }
        Redelivery redelivery = notifier.redeliver(found.get());
        if (redelivery instanceof Redelivery.Queued queued) {
            return ApiResponse.success("Redelivery queued", queued.deliveryId());
        }
        Redelivery.NoHook none = (Redelivery.NoHook) redelivery;
        return new ApiResponse(ResultCode.INVALID, "notifyHook: " + none.reason(), null, Map.of());
    }

    private static ApiResponse notFound(String id) {
        return ApiResponse.notFound("Task " + ClientText.quote(id) + " not found");
    }
}
