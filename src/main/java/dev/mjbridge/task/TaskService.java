package dev.mjbridge.task;

import dev.mjbridge.midjourney.JobKind;

import dev.mjbridge.account.Account;
import dev.mjbridge.account.AccountPool;
import dev.mjbridge.account.AccountSelector;
import dev.mjbridge.account.AccountSlots;
import dev.mjbridge.account.JobSender;
import dev.mjbridge.midjourney.CustomId;
import dev.mjbridge.midjourney.JobRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the API can ask of the engine: submit work, finish a modal, cancel, look tasks
 * up, fetch a seed. Tasks go to an account of the pool, wait for a slot there, are sent
 * by the {@link JobRunner}, and are moved on by what the {@link TaskEventHandler} hears.
 */
public final class TaskService {

    private static final Logger log = LoggerFactory.getLogger(TaskService.class);

    private final TaskIds ids;
    private final TaskStore store;
    private final InFlightIndex index;
    private final TaskWriter writer;
    private final AccountPool pool;
    private final JobSender sender;
    private final JobRunner runner;
    private final SeedRequests seeds;
    private final TaskReads reads;
    private final TaskAdmission admission;

    private final ClusterQueue clusterQueue;

    TaskService(TaskIds ids, TaskStore store, InFlightIndex index, TaskWriter writer, AccountPool pool,
                JobSender sender, JobRunner runner, SeedRequests seeds, TaskReads reads, Duration maxWait) {
        this(ids, store, index, writer, pool, sender, runner, seeds, reads, maxWait, ClusterAccounts.NONE, null,
                AccountLeases.NONE, StoredTasksListener.NONE);
    }

    /**
     * @param waiting the cluster's shared queue in the database; used only when {@code cluster} is clustered
     */
    TaskService(TaskIds ids, TaskStore store, InFlightIndex index, TaskWriter writer, AccountPool pool,
                JobSender sender, JobRunner runner, SeedRequests seeds, TaskReads reads, Duration maxWait,
                ClusterAccounts cluster, WaitingTasks waiting, AccountLeases leases, StoredTasksListener stored) {
        this.reads = reads;
        this.ids = ids;
        this.store = store;
        this.index = index;
        this.writer = writer;
        this.pool = pool;
        this.sender = sender;
        this.runner = runner;
        this.seeds = seeds;
        this.admission = new TaskAdmission(pool, writer, runner, index, maxWait);
        this.clusterQueue = new ClusterQueue(cluster, waiting, admission, pool, writer, leases, maxWait, stored);
        writer.onJobOver(this::release);
        pool.handOverQueuedWorkTo(clusterQueue.active() ? clusterQueue::giveBack : admission::moveQueued);
    }

    /** The cluster's shared queue as this instance sees it (inert outside a cluster). */
    public ClusterQueue clusterQueue() {
        return clusterQueue;
    }

    /** A new task, remembering the base URL of the request that asks for it (for stored-image links). */
    public Task newTask(JobKind action) {
        Task task = Task.create(ids.next(), action, System.currentTimeMillis());
        return task.withInternal(task.internal().withLinkBase(RequestBase.current()));
    }

    /** Puts the task on an eligible account: running there (1), queued there (22), or nowhere (23). */
    public SubmitResult submit(Task task, JobRequest request, Routing routing) {
        return admit(task, request, routing, null, 0);
    }

    /**
     * In a cluster, a task none of this instance's accounts can start now waits in the shared queue for
     * whichever instance has a suitable account free first; otherwise it queues on an account here.
     */
    private SubmitResult admit(Task task, JobRequest request, Routing routing, String parentMessageId, int imageIndex) {
        if (!clusterQueue.active()) {
            return admission.admit(task, request, routing, parentMessageId, imageIndex);
        }
        return admission.admitToFreeSlot(task, request, routing, parentMessageId, imageIndex)
                .orElseGet(() -> clusterQueue.add(task, request, routing, parentMessageId, imageIndex));
    }

    /** As {@link #submit}, for a button press on {@code parent}'s message. */
    public SubmitResult submitAction(Task task, JobRequest.Button request, Routing routing) {
        return admit(task, request, routing, request.messageId(), CustomId.parse(request.customId()).index());
    }

    /**
     * Keeps a task in MODAL without contacting Discord: custom zoom and vary region need
     * the client's input (via {@link #submitModal}) before the button is pressed.
     */
    public Task awaitModal(Task task, JobRequest.Button pendingButton, Routing routing) {
        TaskRuntime runtime = new TaskRuntime(pendingButton, routing, pendingButton.messageId(),
                CustomId.parse(pendingButton.customId()).index(), null);
        Task waiting = task.withStatus(TaskStatus.MODAL)
                .withProperties(task.properties().withDiscordInstanceId(routing.pinnedAccountId()))
                .withInternal(task.internal().withRuntime(runtime));
        try {
            Task created = writer.create(waiting);
            if (clusterQueue.active() && routing.pinnedAccountId() != null
                    && pool.find(routing.pinnedAccountId()).isEmpty()) {
                // The instance holding the account answers the modal: this one does not follow the task.
                writer.letGo(created.id());
            }
            return created;
        } catch (IllegalStateException e) {
            writer.apply(task.id(), new TaskUpdate.Failed("mj-bridge could not store the task: its database did not answer"));
            throw e;
        }
    }

    /** Completes a task in MODAL with the client's prompt (and mask, for vary region). */
    public ModalResult submitModal(String taskId, String prompt, String maskBase64) {
        Optional<Task> found = index.findById(taskId);
        if (found.isEmpty() && clusterQueue.active()) {
            Optional<ModalResult> elsewhere = followModalHere(taskId);
            if (elsewhere.isPresent()) {
                return elsewhere.get();
            }
            found = index.findById(taskId);
        }
        if (found.isEmpty()) {
            return store.findById(taskId).<ModalResult>map(t -> new ModalResult.Invalid("taskId",
                    "task " + taskId + " is " + t.status() + ", not waiting for a modal")).orElseGet(ModalResult.NotFound::new);
        }
        Task task = found.get();
        TaskRuntime runtime = task.internal().runtime();
        if (task.status() != TaskStatus.MODAL || runtime == null) {
            return new ModalResult.Invalid("taskId", "task " + taskId + " is " + task.status() + ", not waiting for a modal");
        }
        String text = prompt == null || prompt.isBlank() ? defaultModalPrompt(task) : prompt.trim();
        Object openedModal = task.properties().extraValue(TaskTransitions.MODAL_CUSTOM_ID);
        if (openedModal == null && runtime.request() instanceof JobRequest.Button button) {
            return pressThenAnswer(task, button, text, maskBase64);
        }
        return answerOpenModal(task, String.valueOf(openedModal), text, maskBase64);
    }

    /**
     * In a cluster, a task waiting for its modal that this instance does not follow: followed from here from
     * now on when its account is held here, else the instance holding the account answers the call.
     *
     * @return the answer when the call belongs elsewhere; empty to go on here
     */
    private Optional<ModalResult> followModalHere(String taskId) {
        Optional<Task> stored = store.findById(taskId).filter(t -> t.status() == TaskStatus.MODAL);
        if (stored.isEmpty() || stored.get().accountId() == null) {
            return Optional.empty();
        }
        if (pool.find(stored.get().accountId()).isEmpty()) {
            return Optional.of(new ModalResult.FollowedElsewhere(stored.get().accountId()));
        }
        writer.adopt(stored.get());
        return Optional.empty();
    }

    private ModalResult pressThenAnswer(Task task, JobRequest.Button button, String text, String mask) {
        CustomId customId = CustomId.parse(button.customId());
        if (customId.kind() == CustomId.Kind.VARY_REGION && (mask == null || mask.isBlank())) {
            return new ModalResult.Invalid("maskBase64", "vary region needs a mask (PNG, white = repaint)");
        }
        JobRequest.ModalAnswer answer = new JobRequest.ModalAnswer(text, mask);
        JobRequest.Button withAnswer = new JobRequest.Button(button.messageId(), button.messageFlags(), button.customId(), answer);
        writer.apply(task.id(), new TaskUpdate.ModalAnswerGiven(answer));
        Account account = task.accountId() == null ? null : pool.find(task.accountId()).orElse(null);
        if (account == null || !account.takesWork()) {
            return new ModalResult.Invalid("taskId", "the account of the parent task (" + task.accountId()
                    + ") is not available");
        }
        AccountSlots.Admission slot = account.slots().admit(task.id(), () -> admission.startQueued(task.id(), account));
        if (slot instanceof AccountSlots.Admission.Full) {
            return new ModalResult.Invalid("taskId", "account " + account.id() + " is full; try again later");
        }
        if (slot instanceof AccountSlots.Admission.Started) {
            runner.run(task, account, withAnswer);
        }
        return new ModalResult.Submitted(index.findById(task.id()).orElse(task));
    }

    private ModalResult answerOpenModal(Task task, String modalCustomId, String text, String mask) {
        Account account = task.accountId() == null ? null : pool.find(task.accountId()).orElse(null);
        if (account == null) {
            return new ModalResult.Invalid("taskId", "the account of the task is gone");
        }
        String modalId = String.valueOf(task.properties().extraValue(TaskTransitions.MODAL_ID));
        JobRequest request = modalCustomId.startsWith("MJ::iframe::")
                ? new JobRequest.InpaintSubmit(modalCustomId, mask, text)
                : new JobRequest.ModalSubmit(modalId, modalCustomId, text);
        if (request instanceof JobRequest.InpaintSubmit && (mask == null || mask.isBlank())) {
            return new ModalResult.Invalid("maskBase64", "vary region needs a mask (PNG, white = repaint)");
        }
        runner.run(task, account, request);
        return new ModalResult.Submitted(index.findById(task.id()).orElse(task));
    }

    private static String defaultModalPrompt(Task task) {
        String finalPrompt = task.properties().finalPrompt();
        return finalPrompt != null && !finalPrompt.isBlank() ? finalPrompt : task.prompt() == null ? "" : task.prompt();
    }

    /** See {@link TaskAdmission#resume}. */
    void resume(Task task) {
        admission.resume(task);
    }

    public CancelResult cancel(String taskId) {
        Optional<Task> found = index.findById(taskId);
        if (found.isEmpty()) {
            Optional<Task> stored = store.findById(taskId);
            if (clusterQueue.active() && stored.isPresent() && stored.get().status() == TaskStatus.NOT_START
                    && stored.get().accountId() == null) {
                Optional<Task> cancelled = clusterQueue.cancelWaiting(taskId, "Cancelled by the client");
                if (cancelled.isPresent()) {
                    return new CancelResult.Cancelled(cancelled.get());
                }
                stored = store.findById(taskId);
            }
            // In a cluster an unfinished task this instance does not follow is another instance's, in flight.
            return stored.<CancelResult>map(t -> clusterQueue.active() && !t.status().isFinal()
                            ? new CancelResult.AlreadyRunning(t) : new CancelResult.AlreadyFinished(t))
                    .orElseGet(CancelResult.NotFound::new);
        }
        Task task = found.get();
        boolean waiting = task.status() == TaskStatus.NOT_START
                || (task.status() == TaskStatus.MODAL && task.properties().nonce() == null);
        boolean modalOpen = task.status() == TaskStatus.MODAL;
        if (!waiting && !modalOpen) {
            return stopRunning(task);
        }
        if (task.internal().runtime() != null && task.accountId() != null) {
            pool.find(task.accountId()).ifPresent(a -> a.slots().removeQueued(taskId));
        }
        return writer.apply(taskId, new TaskUpdate.Cancelled("Cancelled by the client"))
                .<CancelResult>map(CancelResult.Cancelled::new)
                .orElseGet(() -> new CancelResult.AlreadyRunning(task));
    }

    /**
     * A running button action shows a {@code Cancel Job} button on its start message: pressing
     * it makes Midjourney stop the job. The press is marked first, so that the {@code (Stopped)}
     * that may follow at once is read as our doing.
     */
    private CancelResult stopRunning(Task task) {
        TaskInternal.CancelJob cancel = task.internal().cancelJob();
        Account account = task.accountId() == null ? null : pool.find(task.accountId()).orElse(null);
        if (cancel == null || account == null) {
            return new CancelResult.AlreadyRunning(task);
        }
        Optional<Task> marked = writer.apply(task.id(), new TaskUpdate.CancelPressed());
        if (marked.isEmpty() && !cancel.pressed()) {
            return index.findById(task.id()).<CancelResult>map(CancelResult.AlreadyRunning::new)
                    .orElseGet(() -> store.findById(task.id()).<CancelResult>map(CancelResult.AlreadyFinished::new)
                            .orElseGet(CancelResult.NotFound::new));
        }
        runner.pressCancel(task, account, cancel).whenComplete((ok, error) -> {
            if (error != null) {
                log.warn("task {}: Discord refused the Cancel Job press: {}", task.id(), JobRunner.reasonOf(error));
            }
        });
        return new CancelResult.Stopping(marked.orElse(task));
    }

    /** True while this instance follows the task (it is in flight here). */
    public boolean followsHere(String id) {
        return index.findById(id).isPresent();
    }

    public Optional<Task> find(String id) {
        Optional<Task> live = index.findById(id);
        return live.isPresent() ? live : store.findById(id);
    }

    /** The task's JSON as fetch answers it, from memory when it is there; empty for an unknown id. */
    public Optional<TaskJson> findJson(String id) {
        return reads.find(id);
    }

    /** The JSON of the tasks with these ids, in the given order and each once; unknown ids are left out. */
    public List<TaskJson> findJsonByIds(List<String> taskIds) {
        return reads.findAll(taskIds);
    }

    public List<Task> recent(int offset, int limit) {
        return store.listRecent(offset, limit);
    }

    /** Tasks not yet finished, oldest first (the queue endpoint). */
    public List<Task> inFlight() {
        return index.snapshot().stream().sorted(Comparator.comparing(Task::submitTime)).toList();
    }

    /** How long {@link #imageSeed} may take before it fails on its own ({@code mj.tasks.seed-timeout}). */
    public Duration seedTimeout() {
        return seeds.timeout();
    }

    /** The seed of a finished task; asks Midjourney (✉️ reaction) when it is not known yet. */
    public CompletableFuture<Optional<String>> imageSeed(String taskId) {
        Optional<Task> task = find(taskId);
        if (task.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return seeds.seedOf(task.get()).thenApply(Optional::of);
    }

    /** Uploads images through the least busy account and returns their Discord CDN URLs. */
    public CompletableFuture<List<String>> uploadImages(List<JobRequest.ImageData> images) {
        List<Account> accounts = pool.candidates(new AccountSelector.Need(dev.mjbridge.midjourney.BotType.MID_JOURNEY,
                null, null, dev.mjbridge.account.AccountFilter.NONE, null));
        if (accounts.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException("no account is available to upload through"));
        }
        return sender.imageUrls(accounts.get(0), images);
    }

    private void release(Task task) {
        if (task.accountId() != null) {
            pool.releaseSlot(task.accountId(), task.id());
        }
        clusterQueue.wake();
    }
}
