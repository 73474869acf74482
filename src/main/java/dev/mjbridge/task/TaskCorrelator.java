package dev.mjbridge.task;

import dev.mjbridge.account.Account;
import dev.mjbridge.midjourney.Correlation;
import dev.mjbridge.midjourney.JobKind;
import dev.mjbridge.midjourney.MjEvent;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the task an event is about, strongest key first: our nonce, the interaction
 * id, our message ids, the message a result replies to (with its image index), the job
 * hash, and only then the prompt text of this account's in-flight tasks.
 * <p>
 * Discord repeats and delays events, and reconciliation replays channel history, so an
 * event may be about a task that already finished. When one of its own keys names such
 * a task, it is dropped: matched by a weaker key it would finish a sibling (same parent,
 * same prompt) with a result that is not its own. Weak matches must also fit the task:
 * an "Image #n" is only an upscale's, a labelled grid only a task of that kind, a video only
 * a video task's.
 * <p>
 * A rating ({@link JobKind#RATE}) makes no job: the "You have successfully rated" answer
 * belongs to rating tasks only, whatever key it shares with others (it replies to the rated
 * message, the parent of every other press on it), and job messages never belong to one.
 */
final class TaskCorrelator {

    /** Actions whose results Midjourney always labels (or that make no image): never an unlabelled grid. */
    private static final Set<JobKind> LABELLED_ONLY = EnumSet.of(JobKind.UPSCALE,
            JobKind.ZOOM, JobKind.PAN, JobKind.VIDEO, JobKind.VIDEO_UPSCALE, JobKind.RATE);
    /** Actions that never end in a remixed grid. */
    private static final Set<JobKind> NEVER_REMIXED = EnumSet.of(JobKind.UPSCALE,
            JobKind.VIDEO, JobKind.VIDEO_UPSCALE, JobKind.RATE);

    private final InFlightIndex index;

    TaskCorrelator(InFlightIndex index) {
        this.index = index;
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
        if (found.isEmpty() && index.findFinished(c.nonce(), c.interactionId(), c.messageId(), c.jobHash()).isPresent()) {
            return Optional.empty(); // late or repeated news of a finished task
        }
        // A stop ends a task for good: it must name the job's own message, never just the parent it replies to.
        if (found.isEmpty() && c.referencedMessageId() != null && !(event instanceof MjEvent.JobStopped)) {
            found = childOf(account, c.referencedMessageId(), imageIndexOf(event)).filter(t -> fits(t, event));
        }
        if (found.isEmpty()) {
            found = byKey(c.jobHash(), index::findByJobHash);
        }
        if (found.isEmpty() && c.prompt() != null && allowsPromptMatch(event)) {
            found = index.findByPrompt(account.id(), c.prompt()).stream()
                    .filter(t -> !t.status().isFinal() && fits(t, event))
                    .findFirst();
        }
        return found.filter(t -> account.id().equals(t.accountId()) || t.accountId() == null)
                .filter(t -> ratingFits(t, event));
    }

    /** Rating answers go to rating tasks only, and rating tasks take no job message. */
    private static boolean ratingFits(Task task, MjEvent event) {
        if (event instanceof MjEvent.JobRated) {
            return task.action() == JobKind.RATE;
        }
        return task.action() != JobKind.RATE || !isJobMessage(event);
    }

    private static boolean isJobMessage(MjEvent event) {
        return event instanceof MjEvent.JobStarted || event instanceof MjEvent.JobProgress
                || event instanceof MjEvent.JobFinished || event instanceof MjEvent.JobStopped;
    }

    private static boolean aboutSomeoneElse(Account account, Correlation c) {
        String ours = account.userId().orElse(null);
        return ours != null && c.mentionedUserId() != null && !ours.equals(c.mentionedUserId());
    }

    /** A task of this account that pressed a button on {@code parentMessageId} (and image n, when known). */
    private Optional<Task> childOf(Account account, String parentMessageId, int imageIndex) {
        return index.findByParentMessage(account.id(), parentMessageId).stream()
                .filter(t -> t.internal().runtime() != null)
                .filter(t -> imageIndex <= 0 || t.internal().runtime().index() <= 0
                        || t.internal().runtime().index() == imageIndex)
                .filter(t -> !t.status().isFinal() && t.properties().nonce() != null)
                .min(Comparator.comparing(Task::submitTime));
    }

    /**
     * Whether the job a message shows can be the task's. Midjourney labels its results
     * ({@code Image #n}, {@code Variations (Strong)}, {@code Zoom Out}, {@code Pan Left});
     * an unlabelled grid is an imagine, reroll or blend. A remix may come from any grid button.
     */
    static boolean fits(Task task, MjEvent event) {
        if (!ratingFits(task, event)) {
            return false;
        }
        if (event instanceof MjEvent.JobFinished finished) {
            return fits(task.action(), finished.resultKind(), finished.resultLabel());
        }
        if (event instanceof MjEvent.JobStarted started && started.kindHint() != null) {
            return fits(task.action(), started.kindHint(), "");
        }
        return true;
    }

    private static boolean fits(JobKind action, JobKind shown, String label) {
        if (action == null || shown == null) {
            return true;
        }
        return switch (shown) {
            case UPSCALE -> action == JobKind.UPSCALE;
            case VARIATION -> action == JobKind.VARIATION
                    || (label.startsWith("Remix") && !NEVER_REMIXED.contains(action));
            case ZOOM -> action == JobKind.ZOOM;
            case PAN -> action == JobKind.PAN;
            // A video's reroll button makes another video.
            case VIDEO -> action == JobKind.VIDEO || action == JobKind.REROLL;
            case VIDEO_UPSCALE -> action == JobKind.VIDEO_UPSCALE;
            default -> !LABELLED_ONLY.contains(action) && action != JobKind.VARIATION;
        };
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
