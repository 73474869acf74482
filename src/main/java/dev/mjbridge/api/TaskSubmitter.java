package dev.mjbridge.api;

import org.springframework.stereotype.Component;

import dev.mjbridge.midjourney.JobRequest;
import dev.mjbridge.notify.NotifyHookPolicy;
import dev.mjbridge.task.ActionPlan;
import dev.mjbridge.task.ModalResult;
import dev.mjbridge.task.Routing;
import dev.mjbridge.task.SubmitResult;
import dev.mjbridge.task.Task;
import dev.mjbridge.task.TaskService;

/**
 * Hands prepared tasks to the core and turns what it says into envelope codes 1, 3, 4, 21,
 * 22, 23. It is the last gate before the core, so it also applies the webhook policy to
 * the client's {@code notifyHook} (an SSRF guard; it may look the host up in DNS).
 */
@Component
class TaskSubmitter {

    private static final String HOOK_FIELD = "notifyHook";

    private final TaskService tasks;
    private final NotifyHookPolicy hooks;

    TaskSubmitter(TaskService tasks, NotifyHookPolicy hooks) {
        this.tasks = tasks;
        this.hooks = hooks;
    }

    ApiResponse submit(Task task, JobRequest request, Routing routing) {
        checkHook(task);
        return answer(tasks.submit(task, request, routing));
    }

    ApiResponse perform(ActionPlan plan) {
        if (plan instanceof ActionPlan.Submit submit) {
            checkHook(submit.task());
            // A press is correlated with its parent message by the core; a pick is a plain imagine.
            if (submit.request() instanceof JobRequest.Button press) {
                return answer(tasks.submitAction(submit.task(), press, submit.routing()));
            }
            return submit(submit.task(), submit.request(), submit.routing());
        }
        if (plan instanceof ActionPlan.AwaitModal modal) {
            checkHook(modal.task());
            Task stored = tasks.awaitModal(modal.task(), modal.pending(), modal.routing());
            return ApiResponse.modal(stored.id(), modal.finalPrompt(), true);
        }
        if (plan instanceof ActionPlan.Refused refused) {
            return ApiResponse.invalid(refused.field(), refused.reason());
        }
        throw new IllegalStateException("unknown action plan " + plan.getClass().getName());
    }

    /** The answer to {@code POST /mj/submit/modal} of what the engine made of it (not forwarded elsewhere). */
    ApiResponse answerModal(String taskId, ModalResult result) {
        if (result instanceof ModalResult.Submitted submitted) {
            return ApiResponse.submitted(submitted.task().id(), submitted.task().accountId());
        }
        if (result instanceof ModalResult.NotFound) {
            return RejectedRequest.taskNotFound(taskId).response();
        }
        if (result instanceof ModalResult.Invalid invalid) {
            return ApiResponse.invalid(invalid.field(), invalid.reason());
        }
        throw new IllegalStateException("unknown modal result " + result.getClass().getName());
    }

    /** The global hook (null here) is the operator's and trusted; a client's must pass the policy. */
    private void checkHook(Task task) {
        String hook = task.internal().notifyHook();
        if (hook == null) {
            return;
        }
        hooks.refusalReason(hook).ifPresent(reason -> {
            String detail = reason.startsWith(HOOK_FIELD + " ") ? reason.substring(HOOK_FIELD.length() + 1) : reason;
            throw RejectedRequest.invalid(HOOK_FIELD, detail);
        });
    }

    static ApiResponse answer(SubmitResult result) {
        if (result instanceof SubmitResult.Submitted submitted) {
            return ApiResponse.submitted(submitted.task().id(), submitted.accountId());
        }
        if (result instanceof SubmitResult.Queued queued) {
            return queued.startsAt() == null ? ApiResponse.queued(queued.task().id(), queued.accountId(), queued.ahead())
                    : ApiResponse.paced(queued.task().id(), queued.accountId(), queued.startsAt());
        }
        if (result instanceof SubmitResult.NoCapacity noCapacity) {
            return ApiResponse.noCapacity(noCapacity.reason());
        }
        if (result instanceof SubmitResult.NotStored notStored) {
            return ApiResponse.failure(notStored.reason());
        }
        throw new IllegalStateException("unknown submit result " + result.getClass().getName());
    }
}
