package dev.mjbridge.api;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.mjbridge.midjourney.CustomId;
import dev.mjbridge.task.ActionOptions;
import dev.mjbridge.task.ActionPlanner;
import dev.mjbridge.task.Task;
import dev.mjbridge.task.ModalResult;
import dev.mjbridge.task.TaskButton;
import dev.mjbridge.task.TaskService;
import dev.mjbridge.task.TaskStatus;

/**
 * The submits that continue an existing task: pressing a button ({@code action} and the
 * legacy {@code change}/{@code simple-change}) and filling in a modal.
 */
@RestController
@RequestMapping({ApiPaths.ROOT + "/submit", ApiPaths.MODE_ROOT + "/submit"})
public class ActionController {

    private final TaskService tasks;
    private final ActionPlanner planner;
    private final TaskSubmitter submitter;
    private final PromptPolicy prompts;
    private final ImageDecoder images;
    private final ModalForwarding modals;

    ActionController(TaskService tasks, ActionPlanner planner, TaskSubmitter submitter, PromptPolicy prompts,
                     ImageDecoder images, ModalForwarding modals) {
        this.modals = modals;
        this.tasks = tasks;
        this.planner = planner;
        this.submitter = submitter;
        this.prompts = prompts;
        this.images = images;
    }

    @Operation(summary = "Press a button of a finished task (customId from its buttons)")
    @PostMapping("/action")
    public ApiResponse action(@Valid @RequestBody ActionRequest request,
                              @PathVariable(name = ApiPaths.MODE_VARIABLE, required = false) String mode) {
        Task parent = parent(request.taskId());
        ActionOptions options = new ActionOptions(request.chooseSameChannel(), ApiPaths.mode(mode),
                request.state(), request.notifyHook());
        return submitter.perform(planner.plan(parent, request.customId(), options));
    }

    @Operation(summary = "Legacy: press U1-U4, V1-V4 or reroll of a grid")
    @PostMapping("/change")
    public ApiResponse change(@Valid @RequestBody ChangeRequest request,
                              @PathVariable(name = ApiPaths.MODE_VARIABLE, required = false) String mode) {
        return pressLegacy(request, "action", mode);
    }

    @Operation(summary = "Legacy: press a button given as '<taskId> U2'")
    @PostMapping("/simple-change")
    public ApiResponse simpleChange(@Valid @RequestBody SimpleChangeRequest request,
                                    @PathVariable(name = ApiPaths.MODE_VARIABLE, required = false) String mode) {
        return pressLegacy(request.toChange(), "content", mode);
    }

    @Operation(summary = "Complete a task waiting in MODAL (code 21): its prompt, or a mask")
    @PostMapping("/modal")
    public ApiResponse modal(@Valid @RequestBody ModalRequest request, HttpServletRequest http,
                             HttpServletResponse response) throws IOException {
        prompts.check("prompt", request.prompt());
        if (request.maskBase64() != null
                && !images.decode("maskBase64", request.maskBase64()).contentType().equals("image/png")) {
            throw RejectedRequest.invalid("maskBase64", "not a PNG image (white = repaint, black = keep)");
        }
        ModalResult result = tasks.submitModal(request.taskId(), request.prompt(), request.maskBase64());
        if (result instanceof ModalResult.FollowedElsewhere elsewhere) {
            // Null once the holder's answer is written (the response argument marks the call handled).
            return modals.forward(elsewhere.accountId(), request, http, response);
        }
        return submitter.answerModal(request.taskId(), result);
    }

    /** Finds the parent's U/V/reroll button; {@code field} is blamed when it has none. */
    private ApiResponse pressLegacy(ChangeRequest request, String field, String mode) {
        Task parent = parent(request.taskId());
        Optional<String> customId = legacyButton(parent, request);
        if (customId.isEmpty()) {
            if (parent.status() != TaskStatus.SUCCESS) {
                return ApiResponse.invalid("taskId", "task " + parent.id() + " is " + parent.status()
                        + "; buttons can be pressed once it is SUCCESS");
            }
            String name = request.action() == ChangeRequest.ChangeAction.REROLL
                    ? "reroll" : request.action() + " " + request.index();
            return ApiResponse.invalid(field, "task " + parent.id() + " has no " + name + " button");
        }
        ActionOptions options = new ActionOptions(false, ApiPaths.mode(mode), request.state(), request.notifyHook());
        return submitter.perform(planner.plan(parent, customId.get(), options));
    }

    private static Optional<String> legacyButton(Task parent, ChangeRequest request) {
        CustomId.Kind kind = switch (request.action()) {
            case UPSCALE -> CustomId.Kind.UPSCALE;
            case VARIATION -> CustomId.Kind.VARIATION;
            case REROLL -> CustomId.Kind.REROLL;
        };
        return parent.buttons().stream()
                .map(TaskButton::customId)
                .filter(raw -> {
                    CustomId id = CustomId.parse(raw);
                    return id.kind() == kind && (kind == CustomId.Kind.REROLL || id.index() == request.index());
                })
                .findFirst();
    }

    private Task parent(String taskId) {
        return tasks.find(taskId).orElseThrow(() -> RejectedRequest.taskNotFound(taskId));
    }
}
