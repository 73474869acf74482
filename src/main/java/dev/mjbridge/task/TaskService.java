package dev.mjbridge.task;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Service;

import dev.mjbridge.midjourney.JobRequest;

/**
 * PLACEHOLDER written on branch {@code api} so the REST layer compiles: only the
 * signatures the API relies on. The lead's implementation on main replaces this file.
 */
@Service
public class TaskService {

    public Task newTask(TaskAction action) {
        throw notMerged();
    }

    public SubmitResult submit(Task task, JobRequest request, Routing routing) {
        throw notMerged();
    }

    public Task awaitModal(Task task, JobRequest.Button pending, Routing routing) {
        throw notMerged();
    }

    public ModalResult submitModal(String taskId, String prompt, String maskBase64) {
        throw notMerged();
    }

    public Optional<Task> find(String id) {
        throw notMerged();
    }

    public List<Task> findByIds(List<String> ids) {
        throw notMerged();
    }

    public List<Task> recent(int offset, int limit) {
        throw notMerged();
    }

    public List<Task> inFlight() {
        throw notMerged();
    }

    public CancelResult cancel(String id) {
        throw notMerged();
    }

    public CompletableFuture<Optional<String>> imageSeed(String taskId) {
        throw notMerged();
    }

    public CompletableFuture<List<String>> uploadImages(List<JobRequest.ImageData> images) {
        throw notMerged();
    }

    private static UnsupportedOperationException notMerged() {
        return new UnsupportedOperationException("TaskService placeholder: the core is not merged yet");
    }
}
