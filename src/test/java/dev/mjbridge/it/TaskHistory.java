package dev.mjbridge.it;

import dev.mjbridge.task.Task;
import dev.mjbridge.task.TaskListener;
import dev.mjbridge.task.TaskStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every state the engine published for each task, in publication order: a test
 * registers it as a bean and checks that no task ever went backwards.
 */
public final class TaskHistory implements TaskListener {

    private final Map<String, List<Task>> byTask = new ConcurrentHashMap<>();

    @Override
    public void onTaskChanged(Task task) {
        List<Task> states = byTask.computeIfAbsent(task.id(), id -> new ArrayList<>());
        synchronized (states) {
            states.add(task);
        }
    }

    public List<Task> of(String taskId) {
        List<Task> states = byTask.getOrDefault(taskId, List.of());
        synchronized (states) {
            return List.copyOf(states);
        }
    }

    /**
     * What went wrong in the task's history: a status that moved back, progress that
     * shrank, or anything published after the first final state. Empty when all is well.
     */
    public List<String> backwardSteps(String taskId) {
        List<String> problems = new ArrayList<>();
        Task previous = null;
        for (Task state : of(taskId)) {
            if (previous != null) {
                if (previous.status().isFinal()) {
                    problems.add("changed after " + previous.status() + ": " + state);
                } else if (rank(state.status()) < rank(previous.status())) {
                    problems.add("status " + previous.status() + " -> " + state.status());
                } else if (state.progressPercent() < previous.progressPercent()) {
                    problems.add("progress " + previous.progress() + " -> " + state.progress());
                }
            }
            previous = state;
        }
        return problems;
    }

    /** How many times the task was published in a final state (a repeated final message must not add one). */
    public long finalStates(String taskId) {
        return of(taskId).stream().filter(t -> t.status().isFinal()).count();
    }

    private static int rank(TaskStatus status) {
        return switch (status) {
            case NOT_START -> 0;
            case MODAL, SUBMITTED -> 1;
            case IN_PROGRESS -> 2;
            case SUCCESS, FAILURE, CANCEL -> 3;
        };
    }
}
