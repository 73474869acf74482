package dev.mjbridge.api;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import dev.mjbridge.cluster.ClusterProperties;
import dev.mjbridge.task.CancelResult;
import dev.mjbridge.task.Task;
import dev.mjbridge.task.TaskJson;
import dev.mjbridge.task.TaskService;
import dev.mjbridge.task.UnfinishedTasks;

/**
 * Reading and cancelling tasks. Shapes follow midjourney-proxy, whose clients decode them:
 * fetch answers the task JSON, or an empty body for an unknown id; lists answer bare arrays.
 * Fetch and list-by-condition are polled hard: they answer task JSON the core serialized once
 * per task version ({@link TaskJson}), written out as is.
 */
@RestController
@RequestMapping({ApiPaths.ROOT + "/task", ApiPaths.MODE_ROOT + "/task"})
public class TaskController {

    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;

    /** The core gives up on the seed DM after {@code mj.tasks.seed-timeout}; wait a little longer than that. */
    private static final Duration SEED_MARGIN = Duration.ofSeconds(5);

    private final TaskService tasks;
    private final UnfinishedTasks unfinished;
    private final boolean clusterWide;
    private final Duration seedWait;

    TaskController(TaskService tasks, UnfinishedTasks unfinished, ClusterProperties cluster) {
        this.tasks = tasks;
        this.unfinished = unfinished;
        this.clusterWide = cluster.enabled();
        this.seedWait = tasks.seedTimeout().plus(SEED_MARGIN);
    }

    /**
     * Writes the cached bytes to the response itself: the polled hot path skips the return
     * value handling of a {@code ResponseEntity} (handler selection, content negotiation, the
     * converters' header copying), which cost about a fifth of a fetch's CPU under load.
     */
    @Operation(summary = "A task as it is now", responses = @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200", description = "the task; an empty body (no Content-Type) for an unknown id",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Task.class),
                    examples = @ExampleObject(name = "task", ref = "#/components/examples/task"))))
    @GetMapping("/{id}/fetch")
    public void fetch(@PathVariable("id") String id, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        Optional<TaskJson> task = tasks.findJson(id);
        if (task.isEmpty()) {
            response.setContentLength(0);
            return;
        }
        byte[] body = task.get().json();
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Takes {@code {"ids": [...]}} or a bare array of ids; unknown ids are left out. */
    @Operation(summary = "The tasks of the ids given, in no set order",
            responses = @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
                    description = "the known tasks of those ids", content = @Content(mediaType = "application/json",
                    array = @ArraySchema(schema = @Schema(implementation = Task.class)))))
    @PostMapping("/list-by-condition")
    public ResponseEntity<byte[]> listByCondition(@RequestBody TaskIdsRequest request) {
        return json(JsonArrays.of(request.ids().isEmpty() ? List.of() : tasks.findJsonByIds(request.ids())));
    }

    private static ResponseEntity<byte[]> json(byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @Operation(summary = "The seed of a finished job (asks Midjourney for it)")
    @GetMapping("/{id}/image-seed")
    public DeferredResult<ApiResponse> imageSeed(@PathVariable("id") String id) {
        return AsyncAnswers.of(tasks.imageSeed(id).handle((seed, error) -> {
            if (error != null) {
                String reason = AsyncFailures.cause(error).getMessage();
                return ApiResponse.failure("The seed is not available" + (reason == null ? "" : ": " + reason));
            }
            return seed == null || seed.isEmpty()
                    ? RejectedRequest.taskNotFound(id).response()
                    : ApiResponse.success("Success", seed.get());
        }), seedWait, ApiResponse.failure("Midjourney did not send the seed in time; try again later"));
    }

    @Operation(summary = "Cancel a waiting task, or stop a running button action",
            description = "Answers HTTP 200 with code 1 (cancelled, or stopping), 3 or 4 (too late).")
    @PostMapping("/{id}/cancel")
    @OwnerAnswers(byTask = true)
    public ApiResponse cancel(@PathVariable("id") String id) {
        CancelResult result = tasks.cancel(id);
        if (result instanceof CancelResult.Cancelled cancelled) {
            return ApiResponse.success("Cancelled", cancelled.task().id());
        }
        if (result instanceof CancelResult.AlreadyFinished finished) {
            return ApiResponse.invalid("taskId", "task " + id + " already finished with status "
                    + finished.task().status());
        }
        if (result instanceof CancelResult.Stopping stopping) {
            return ApiResponse.success("Stopping: Cancel Job was pressed; the task fails with Midjourney's "
                    + "(Stopped) once Midjourney stops the job", stopping.task().id());
        }
        if (result instanceof CancelResult.AlreadyRunning) {
            return ApiResponse.invalid("taskId", "task " + id
                    + " is already running on Midjourney, which offers no Cancel Job button for it");
        }
        if (result instanceof CancelResult.NotFound) {
            return RejectedRequest.taskNotFound(id).response();
        }
        throw new IllegalStateException("unknown cancel result " + result.getClass().getName());
    }

    /**
     * Tasks queued or running, i.e. not in a final status, oldest first: in a cluster those of every
     * instance (from the database; this instance's own from its memory).
     */
    @Operation(summary = "Tasks queued or running")
    @GetMapping("/queue")
    public List<Task> queue() {
        return clusterWide ? unfinished.everywhere() : tasks.inFlight();
    }

    /** Recent tasks, newest first; {@code limit} is capped at {@value #MAX_PAGE}. */
    @Operation(summary = "Recent tasks, newest first")
    @GetMapping("/list")
    public List<Task> list(@RequestParam(name = "offset", defaultValue = "0") int offset,
                           @RequestParam(name = "limit", defaultValue = "" + DEFAULT_PAGE) int limit) {
        if (offset < 0) {
            throw RejectedRequest.invalid("offset", "must be 0 or more");
        }
        if (limit < 1) {
            throw RejectedRequest.invalid("limit", "must be 1 or more");
        }
        return tasks.recent(offset, Math.min(limit, MAX_PAGE));
    }
}
