package dev.mjbridge.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.mjbridge.cluster.ClusterProperties;
import dev.mjbridge.task.TaskJson;
import dev.mjbridge.task.TaskService;
import dev.mjbridge.task.TaskStatus;
import dev.mjbridge.task.UnfinishedTasks;

/**
 * Live task changes as Server-Sent Events ({@code text/event-stream}): one task, some tasks, or all
 * (dashboards). Each event is {@code event: task} with the exact JSON {@code fetch} answers for that
 * version. Refusals (unknown task, bad filter, too many streams) answer the usual JSON envelope instead.
 */
@RestController
@RequestMapping({ApiPaths.ROOT + "/task", ApiPaths.MODE_ROOT + "/task"})
public class TaskEventsController {

    /** What a client is told to wait before trying again when {@code mj.events.max-subscribers} are open. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final TaskService tasks;
    private final TaskEvents events;
    private final UnfinishedTasks unfinished;
    private final boolean clusterWide;

    TaskEventsController(TaskService tasks, TaskEvents events, UnfinishedTasks unfinished, ClusterProperties cluster) {
        this.tasks = tasks;
        this.events = events;
        this.unfinished = unfinished;
        this.clusterWide = cluster.enabled();
    }

    /**
     * A client that hung up is the normal end of a stream: the container reports it as an error of the
     * response, which needs no answer (none can be written) and no log line.
     */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientLeft() {
        // The stream ended through its emitter's error callback already.
    }

    /** One task: its current state first, then each change until it is final; then the stream ends. */
    @Operation(summary = "Live progress of one task (Server-Sent Events)", responses = {
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "the stream: `event: task` whose data is the task JSON "
                    + "as fetch answers it; for an unknown task a JSON envelope with code 3 instead", content = {
                    @Content(mediaType = "text/event-stream", schema = @Schema(type = "string")),
                    @Content(mediaType = "application/json", schema = @Schema(ref = OpenApiOperations.ENVELOPE))}),
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "503", description = "mj.events.max-subscribers streams are open: code 23, "
                    + "Retry-After", content = @Content(mediaType = "application/json",
                    schema = @Schema(ref = OpenApiOperations.ENVELOPE)))})
    @GetMapping("/{id}/events")
    public SseEmitter task(@PathVariable("id") String id,
                           @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                           HttpServletResponse response) throws IOException {
        if (tasks.findJson(id).isEmpty()) {
            ErrorBodies.write(response, HttpServletResponse.SC_OK, RejectedRequest.taskNotFound(id).response());
            return null;
        }
        return followTasks(new LinkedHashSet<>(List.of(id)), lastEventId, response);
    }

    /**
     * Several tasks ({@code ?ids=a,b,c}; unknown ones are left out), ending when all are final; or,
     * without {@code ids}, every task's changes (optionally {@code ?status=IN_PROGRESS,SUCCESS}, also
     * spelled {@code ?state=}), never ending.
     */
    @Operation(summary = "Live progress of several tasks, or of all (Server-Sent Events)", responses = {
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "the stream: `event: task` whose data is the task JSON; "
                    + "with ids none of which is known a JSON envelope with code 3 instead", content = {
                    @Content(mediaType = "text/event-stream", schema = @Schema(type = "string")),
                    @Content(mediaType = "application/json", schema = @Schema(ref = OpenApiOperations.ENVELOPE))}),
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "503", description = "mj.events.max-subscribers streams are open: code 23, "
                    + "Retry-After", content = @Content(mediaType = "application/json",
                    schema = @Schema(ref = OpenApiOperations.ENVELOPE)))})
    @GetMapping("/events")
    public SseEmitter many(@RequestParam(name = "ids", required = false) String ids,
                           @RequestParam(name = "status", required = false) String status,
                           @RequestParam(name = "state", required = false) String state,
                           @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                           HttpServletResponse response) throws IOException {
        if (status != null && state != null) {
            ErrorBodies.write(response, HttpServletResponse.SC_BAD_REQUEST,
                    ApiResponse.invalid("state", "is another name of status; give one of them, not both"));
            return null;
        }
        // Answers about the filter name the parameter the client used.
        String filterField = state != null ? "state" : "status";
        Optional<Set<TaskStatus>> statuses = statuses(filterField, state != null ? state : status, response);
        if (statuses.isEmpty()) {
            return null;
        }
        if (ids == null || ids.isBlank()) {
            return followAll(statuses.get(), lastEventId, response);
        }
        Set<String> known = new LinkedHashSet<>();
        for (String id : ids.split(",")) {
            String trimmed = id.trim();
            if (!trimmed.isEmpty() && tasks.findJson(trimmed).isPresent()) {
                known.add(trimmed);
            }
        }
        if (known.isEmpty()) {
            ErrorBodies.write(response, HttpServletResponse.SC_OK, ApiResponse.notFound("none of the tasks exists: " + ids));
            return null;
        }
        if (!statuses.get().isEmpty()) {
            ErrorBodies.write(response, HttpServletResponse.SC_BAD_REQUEST,
                    ApiResponse.invalid(filterField, "only the stream of all tasks takes a status filter"));
            return null;
        }
        return followTasks(known, lastEventId, response);
    }

    private SseEmitter followTasks(Set<String> ids, String lastEventId, HttpServletResponse response) throws IOException {
        SseEmitter emitter = new SseEmitter(0L);
        Optional<TaskEvents.Opened> opened = open(StreamInterest.tasks(ids), lastEventId, emitter);
        if (opened.isEmpty()) {
            return tooMany(response);
        }
        TaskEvents.Opened stream = opened.get();
        // Read after the stream opened: every change after `since` reaches the stream, so nothing falls between.
        List<TaskJson> current = new ArrayList<>();
        for (String id : ids) {
            tasks.findJson(id).ifPresent(current::add);
        }
        List<TaskEvent> initial = new ArrayList<>();
        if (stream.missed() == null) {
            initial.addAll(snapshot(current, stream.since()));
        } else {
            // A resumed stream still ends: a task that finished before the client's last event gets its final state again.
            for (TaskJson task : current) {
                boolean finalReplayed = stream.missed().stream()
                        .anyMatch(e -> e.task().id().equals(task.id()) && e.task().status().isFinal());
                if (task.status().isFinal() && !finalReplayed) {
                    initial.add(new TaskEvent(-1, task));
                }
            }
            initial.addAll(stream.missed());
        }
        stream.stream().start(initial);
        return emitter;
    }

    /** Opens a stream writing to {@code emitter}, hooked to its end; empty when too many are open. */
    private Optional<TaskEvents.Opened> open(StreamInterest interest, String lastEventId, SseEmitter emitter) {
        Optional<TaskEvents.Opened> opened = events.open(interest, lastEventId(lastEventId), new EmitterSink(emitter));
        opened.ifPresent(stream -> hookUp(emitter, stream.stream()));
        return opened;
    }

    private SseEmitter followAll(Set<TaskStatus> statuses, String lastEventId, HttpServletResponse response)
            throws IOException {
        StreamInterest interest = StreamInterest.all(statuses);
        SseEmitter emitter = new SseEmitter(0L);
        Optional<TaskEvents.Opened> opened = open(interest, lastEventId, emitter);
        if (opened.isEmpty()) {
            return tooMany(response);
        }
        TaskEvents.Opened stream = opened.get();
        List<TaskEvent> initial = stream.missed() != null ? stream.missed()
                : snapshot(tasks.findJsonByIds(unfinishedIds()).stream()
                        .filter(interest::wants).toList(), stream.since());
        stream.stream().start(initial);
        return emitter;
    }

    /** The tasks a stream of all starts with: those in flight here, in a cluster those of every instance. */
    private List<String> unfinishedIds() {
        return (clusterWide ? unfinished.everywhere() : tasks.inFlight()).stream().map(t -> t.id()).toList();
    }

    /** Current states; only the last carries the id, so a client cut off halfway gets them all again. */
    private static List<TaskEvent> snapshot(List<TaskJson> current, long since) {
        List<TaskEvent> events = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            events.add(new TaskEvent(i == current.size() - 1 ? since : -1, current.get(i)));
        }
        return events;
    }

    private static void hookUp(SseEmitter emitter, TaskEventStream stream) {
        emitter.onCompletion(stream::end);
        emitter.onTimeout(stream::end);
        emitter.onError(error -> stream.end());
    }

    private static SseEmitter tooMany(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        ErrorBodies.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                ApiResponse.noCapacity("too many open event streams (mj.events.max-subscribers)"));
        return null;
    }

    /** An id this service did not hand out (not a number) is as good as none: the client gets current states. */
    private static Long lastEventId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException notOurs) {
            return null;
        }
    }

    private static Optional<Set<TaskStatus>> statuses(String field, String filter, HttpServletResponse response)
            throws IOException {
        Set<TaskStatus> statuses = EnumSet.noneOf(TaskStatus.class);
        if (filter == null || filter.isBlank()) {
            return Optional.of(statuses);
        }
        for (String name : filter.split(",")) {
            try {
                statuses.add(TaskStatus.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                ErrorBodies.write(response, HttpServletResponse.SC_BAD_REQUEST, ApiResponse.invalid(field,
                        "unknown status " + name.trim() + "; one of " + Arrays.toString(TaskStatus.values())));
                return Optional.empty();
            }
        }
        return Optional.of(statuses);
    }
}
