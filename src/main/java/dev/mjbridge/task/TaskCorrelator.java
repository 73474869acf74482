package dev.mjbridge.task;

import dev.mjbridge.account.Account;
import dev.mjbridge.midjourney.Correlation;
import dev.mjbridge.midjourney.MjEvent;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the task an event is about, strongest key first: our nonce, the interaction
 * id, our message ids, the message a result replies to (with its image index), the job
 * hash, and only then the prompt text of this account's in-flight tasks.
 */
final class TaskCorrelator {

    private final InFlightIndex index;
    private final TaskRuntimes runtimes;

    TaskCorrelator(InFlightIndex index, TaskRuntimes runtimes) {
        this.index = index;
        this.runtimes = runtimes;
    }

    Optional<Task> find(Account account, MjEvent event) {
        Correlation c = event.correlation();
        if (aboutSomeoneElse(account, c)) {
            // Accounts may share a channel: a job message naming another user is that user's business.
            return Optional.empty();
        }
        Optional<Task> found = byKey(c.nonce(), index::findByNonce);
        if (found.isEmpty()) {
            found = byKey(c.interactionId(), index::findByInteractionId);
        }
        if (found.isEmpty()) {
            found = byKey(c.messageId(), index::findByMessageId);
        }
        if (found.isEmpty() && c.referencedMessageId() != null) {
            found = childOf(account, c.referencedMessageId(), imageIndexOf(event));
        }
        if (found.isEmpty()) {
            found = byKey(c.jobHash(), index::findByJobHash);
        }
        if (found.isEmpty() && c.prompt() != null && allowsPromptMatch(event)) {
            found = index.findByPrompt(account.id(), c.prompt()).stream()
                    .filter(t -> !t.status().isFinal())
                    .findFirst();
        }
        return found.filter(t -> account.id().equals(t.accountId()) || t.accountId() == null);
    }

    private static boolean aboutSomeoneElse(Account account, Correlation c) {
        String ours = account.userId().orElse(null);
        return ours != null && c.mentionedUserId() != null && !ours.equals(c.mentionedUserId());
    }

    /** A task of this account that pressed a button on {@code parentMessageId} (and image n, when known). */
    private Optional<Task> childOf(Account account, String parentMessageId, int imageIndex) {
        List<Map.Entry<String, TaskRuntime>> children = runtimes.entries().stream()
                .filter(e -> parentMessageId.equals(e.getValue().parentMessageId())
                        && account.id().equals(e.getValue().accountId()))
                .toList();
        return children.stream()
                .filter(e -> imageIndex <= 0 || e.getValue().index() <= 0 || e.getValue().index() == imageIndex)
                .map(e -> index.findById(e.getKey()))
                .flatMap(Optional::stream)
                .filter(t -> !t.status().isFinal() && t.properties().nonce() != null)
                .min(Comparator.comparing(Task::submitTime));
    }

    private static int imageIndexOf(MjEvent event) {
        if (event instanceof MjEvent.JobFinished finished) {
            return finished.index();
        }
        if (event instanceof MjEvent.JobStarted started) {
            return started.index();
        }
        return 0;
    }

    /** Prompt matching is a last resort for job messages only; errors and modals must carry a real key. */
    private static boolean allowsPromptMatch(MjEvent event) {
        return event instanceof MjEvent.JobStarted || event instanceof MjEvent.JobProgress
                || event instanceof MjEvent.JobFinished;
    }

    private static Optional<Task> byKey(String key, java.util.function.Function<String, Optional<Task>> lookup) {
        return key == null || key.isBlank() ? Optional.empty() : lookup.apply(key);
    }
}
