package dev.mjbridge.task;

import dev.mjbridge.midjourney.JobKind;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.mjbridge.midjourney.JobRequest;
import dev.mjbridge.task.TaskUpdate.Cancelled;
import dev.mjbridge.task.TaskUpdate.Failed;
import dev.mjbridge.task.TaskUpdate.Finished;
import dev.mjbridge.task.TaskUpdate.Linked;
import dev.mjbridge.task.TaskUpdate.ModalOpened;
import dev.mjbridge.task.TaskUpdate.Progress;
import dev.mjbridge.task.TaskUpdate.Started;
import dev.mjbridge.task.TaskUpdate.Submitted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TaskTransitionsTest {

    private static final long NOW = 1_732_800_010_000L;
    private static final String HASH = "3dbbd469-36af-4a0f-8f02-df6c579e7011";
    private static final List<TaskButton> BUTTONS = List.of(new TaskButton("MJ::JOB::upsample::1::" + HASH, "", "U1", 2, 2));

    private final TaskTransitions transitions =
            new TaskTransitions(Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));

    private static final Submitted SUBMITTED = new Submitted("n1", "main", "c1");
    private static final Finished FINISHED =
            new Finished("https://cdn/x.png", BUTTONS, "m-final", HASH, "cat --v 7", 0, null);

    private static Task fresh() {
        return Task.create("1732800000000001", JobKind.IMAGINE, 1_732_800_000_000L).withPrompt("cat", "cat");
    }

    private Task apply(Task task, TaskUpdate... updates) {
        for (TaskUpdate update : updates) {
            task = transitions.apply(task, update).orElse(task);
        }
        return task;
    }

    private Task inStatus(TaskStatus status) {
        return switch (status) {
            case NOT_START -> fresh();
            case SUBMITTED -> apply(fresh(), SUBMITTED);
            case MODAL -> apply(fresh(), new ModalOpened(null, null));
            case IN_PROGRESS -> apply(fresh(), SUBMITTED, new Progress(30, "https://cdn/p.webp", "m-progress", HASH));
            case SUCCESS -> apply(fresh(), SUBMITTED, FINISHED);
            case FAILURE -> apply(fresh(), SUBMITTED, new Failed("[Banned prompt detected] no"));
            case CANCEL -> apply(fresh(), new Cancelled("by client"));
        };
    }

    @Nested
    class HappyPath {

        @Test
        void submittedRecordsWhereAndWhenTheTaskWent() {
            Task task = transitions.apply(fresh(), SUBMITTED).orElseThrow();

            assertThat(task.status()).isEqualTo(TaskStatus.SUBMITTED);
            assertThat(task.startTime()).isEqualTo(NOW);
            assertThat(task.properties().nonce()).isEqualTo("n1");
            assertThat(task.accountId()).isEqualTo("main");
            assertThat(task.properties().discordChannelId()).isEqualTo("c1");
        }

        @Test
        void startedMovesToInProgressAndKeepsTheProgressMessage() {
            Task task = transitions.apply(apply(fresh(), SUBMITTED), new Started("m-progress", "cat --v 7")).orElseThrow();

            assertThat(task.status()).isEqualTo(TaskStatus.IN_PROGRESS);
            assertThat(task.progress()).isEqualTo("0%");
            assertThat(task.properties().progressMessageId()).isEqualTo("m-progress");
            assertThat(task.properties().finalPrompt()).isEqualTo("cat --v 7");
        }

        @Test
        void progressSetsPercentPreviewAndHash() {
            Task task = transitions.apply(apply(fresh(), SUBMITTED),
                    new Progress(31, "https://cdn/p.webp", "m-progress", HASH)).orElseThrow();

            assertThat(task.status()).isEqualTo(TaskStatus.IN_PROGRESS);
            assertThat(task.progress()).isEqualTo("31%");
            assertThat(task.progressPercent()).isEqualTo(31);
            assertThat(task.imageUrl()).isEqualTo("https://cdn/p.webp");
            assertThat(task.properties().messageHash()).isEqualTo(HASH);
        }

        @Test
        void finishedMakesSuccessWithResultAndButtons() {
            Task task = transitions.apply(inStatus(TaskStatus.IN_PROGRESS), FINISHED).orElseThrow();

            assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(task.progress()).isEqualTo("100%");
            assertThat(task.finishTime()).isEqualTo(NOW);
            assertThat(task.imageUrl()).isEqualTo("https://cdn/x.png");
            assertThat(task.buttons()).isEqualTo(BUTTONS);
            assertThat(task.properties().messageId()).isEqualTo("m-final");
            assertThat(task.properties().progressMessageId()).isEqualTo("m-progress");
            assertThat(task.properties().finalPrompt()).isEqualTo("cat --v 7");
            assertThat(task.properties().flags()).isZero();
            assertThat(task.prompt()).isEqualTo("cat");
        }

        @Test
        void describeResultBecomesThePrompt() {
            Task describe = Task.create("2", JobKind.DESCRIBE, 1L);
            Task task = transitions.apply(apply(describe, SUBMITTED),
                    new Finished("https://cdn/in.png", List.of(), "m", null, null, 0, "1️⃣ a cat\n2️⃣ a dog")).orElseThrow();

            assertThat(task.prompt()).isEqualTo("1️⃣ a cat\n2️⃣ a dog");
            assertThat(task.promptEn()).isEqualTo("1️⃣ a cat\n2️⃣ a dog");
            assertThat(task.properties().finalPrompt()).isEqualTo("1️⃣ a cat\n2️⃣ a dog");
        }

        @Test
        void failedRecordsReasonAndFinishTime() {
            Task task = transitions.apply(inStatus(TaskStatus.SUBMITTED), new Failed("[Invalid parameter] bad --ar")).orElseThrow();

            assertThat(task.status()).isEqualTo(TaskStatus.FAILURE);
            assertThat(task.failReason()).isEqualTo("[Invalid parameter] bad --ar");
            assertThat(task.finishTime()).isEqualTo(NOW);
        }

        @Test
        void linkedAddsIdsWithoutChangingStatus() {
            Task task = transitions.apply(inStatus(TaskStatus.SUBMITTED), new Linked("i-1", null, null)).orElseThrow();

            assertThat(task.status()).isEqualTo(TaskStatus.SUBMITTED);
            assertThat(task.properties().interactionId()).isEqualTo("i-1");
            assertThat(task.properties().nonce()).isEqualTo("n1");
        }

        @Test
        void startTimeIsKeptFromTheFirstSubmission() {
            Task submittedEarlier = inStatus(TaskStatus.SUBMITTED).withStartTime(5L);

            Task task = apply(submittedEarlier, new Progress(10, null, "p", HASH), FINISHED);

            assertThat(task.startTime()).isEqualTo(5L);
        }
    }

    @Nested
    class FinalStatesAreSticky {

        @ParameterizedTest
        @EnumSource(value = TaskStatus.class, names = {"SUCCESS", "FAILURE", "CANCEL"})
        void nothingChangesAFinalTask(TaskStatus status) {
            Task task = inStatus(status);
            List<TaskUpdate> all = List.of(SUBMITTED, new ModalOpened("x", "y"), new Started("m", "p"),
                    new Progress(99, "u", "m", HASH), new Linked("i", "m", HASH), FINISHED,
                    new Finished("other", List.of(), "m2", "h2", null, 64, null), new Failed("late"),
                    new Cancelled("late"));

            for (TaskUpdate update : all) {
                assertThat(transitions.apply(task, update)).as(update.toString()).isEmpty();
            }
        }

        @Test
        void aSecondFinishedChangesNothing() {
            Task done = inStatus(TaskStatus.SUCCESS);

            assertThat(transitions.apply(done, FINISHED)).isEmpty();
        }

        @Test
        void lateProgressAfterSuccessIsIgnored() {
            Task done = inStatus(TaskStatus.SUCCESS);

            assertThat(transitions.apply(done, new Progress(90, "https://cdn/old.webp", "m-progress", HASH))).isEmpty();
        }

        @Test
        void failureAfterSuccessIsIgnoredAndViceVersa() {
            assertThat(transitions.apply(inStatus(TaskStatus.SUCCESS), new Failed("x"))).isEmpty();
            assertThat(transitions.apply(inStatus(TaskStatus.FAILURE), FINISHED)).isEmpty();
        }
    }

    @Nested
    class NeverBackwards {

        @Test
        void progressOnlyGrows() {
            Task at60 = apply(fresh(), SUBMITTED, new Progress(60, "https://cdn/60.webp", "p", HASH));

            assertThat(transitions.apply(at60, new Progress(30, "https://cdn/30.webp", "p", HASH))).isEmpty();
            assertThat(transitions.apply(at60, new Progress(61, "https://cdn/61.webp", "p", HASH)))
                    .map(Task::progress).contains("61%");
        }

        @Test
        void sameProgressTwiceIsADuplicate() {
            Progress progress = new Progress(60, "https://cdn/60.webp", "p", HASH);
            Task at60 = apply(fresh(), SUBMITTED, progress);

            assertThat(transitions.apply(at60, progress)).isEmpty();
        }

        @Test
        void sameProgressWithANewPreviewIsKept() {
            Task at60 = apply(fresh(), SUBMITTED, new Progress(60, null, "p", HASH));

            assertThat(transitions.apply(at60, new Progress(60, "https://cdn/60.webp", "p", HASH)))
                    .map(Task::imageUrl).contains("https://cdn/60.webp");
        }

        @Test
        void inProgressDoesNotGoBackToSubmittedOrModal() {
            Task running = inStatus(TaskStatus.IN_PROGRESS);

            assertThat(transitions.apply(running, SUBMITTED)).isEmpty();
            assertThat(transitions.apply(running, new Submitted("n2", "other", "c2"))).isEmpty();
            assertThat(transitions.apply(running, new ModalOpened("modal", "MJ::RemixModal::h::1::0"))).isEmpty();
        }

        @Test
        void startedAfterProgressKeepsProgress() {
            Task at40 = apply(fresh(), SUBMITTED, new Progress(40, "u", "p", HASH));

            Task task = apply(at40, new Started("p", null));

            assertThat(task.progress()).isEqualTo("40%");
            assertThat(task.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        }

        @Test
        void duplicateSubmittedIsIgnored() {
            Task submitted = inStatus(TaskStatus.SUBMITTED);

            assertThat(transitions.apply(submitted, SUBMITTED)).isEmpty();
        }

        @Test
        void aRetriedSubmissionWithANewNonceIsRecorded() {
            Task submitted = inStatus(TaskStatus.SUBMITTED);

            assertThat(transitions.apply(submitted, new Submitted("n2", null, null)))
                    .map(t -> t.properties().nonce()).contains("n2");
        }

        @Test
        void nullFieldsNeverEraseKnownValues() {
            Task running = inStatus(TaskStatus.IN_PROGRESS);

            Task task = apply(running, new Progress(50, null, null, null));

            assertThat(task.imageUrl()).isEqualTo("https://cdn/p.webp");
            assertThat(task.properties().messageHash()).isEqualTo(HASH);
            assertThat(task.properties().progressMessageId()).isEqualTo("m-progress");
        }
    }

    @Nested
    class Reordered {

        @Test
        void finishedBeforeAnyProgressStillSucceedsAndLaterProgressIsDropped() {
            Task task = apply(fresh(), SUBMITTED, FINISHED);

            assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(transitions.apply(task, new Started("p", null))).isEmpty();
            assertThat(transitions.apply(task, new Progress(10, "u", "p", HASH))).isEmpty();
        }

        @Test
        void progressBeforeSubmittedIsAcceptedAndSubmittedAfterItIsDropped() {
            Task task = apply(fresh(), new Progress(20, "u", "p", HASH));

            assertThat(task.status()).isEqualTo(TaskStatus.IN_PROGRESS);
            assertThat(task.startTime()).isEqualTo(NOW);
            assertThat(transitions.apply(task, SUBMITTED)).isEmpty();
        }

        @Test
        void linkedAfterFinishedIsIgnored() {
            assertThat(transitions.apply(inStatus(TaskStatus.SUCCESS), new Linked("i-late", null, null))).isEmpty();
        }

        @Test
        void reorderedProgressEndsAtTheHighestPercent() {
            Task task = apply(inStatus(TaskStatus.SUBMITTED),
                    new Progress(15, "u15", "p", HASH), new Progress(62, "u62", "p", HASH),
                    new Progress(31, "u31", "p", HASH), new Progress(46, "u46", "p", HASH));

            assertThat(task.progress()).isEqualTo("62%");
            assertThat(task.imageUrl()).isEqualTo("u62");
        }
    }

    @Nested
    class Modal {

        @Test
        void notStartedOrSubmittedTaskCanOpenAModal() {
            assertThat(transitions.apply(fresh(), new ModalOpened(null, null)))
                    .map(Task::status).contains(TaskStatus.MODAL);
            Task task = transitions.apply(inStatus(TaskStatus.SUBMITTED),
                    new ModalOpened("modal-1", "MJ::RemixModal::h::1::0")).orElseThrow();
            assertThat(task.status()).isEqualTo(TaskStatus.MODAL);
            assertThat(task.properties().extraValue(TaskTransitions.MODAL_ID)).isEqualTo("modal-1");
            assertThat(task.properties().extraValue(TaskTransitions.MODAL_CUSTOM_ID)).isEqualTo("MJ::RemixModal::h::1::0");
        }

        @Test
        void modalGoesOnToSubmittedInProgressFailureOrCancel() {
            Task modal = inStatus(TaskStatus.MODAL);

            assertThat(transitions.apply(modal, SUBMITTED)).map(Task::status).contains(TaskStatus.SUBMITTED);
            assertThat(transitions.apply(modal, new Started("p", null))).map(Task::status).contains(TaskStatus.IN_PROGRESS);
            assertThat(transitions.apply(modal, new Progress(5, null, "p", HASH))).map(Task::status).contains(TaskStatus.IN_PROGRESS);
            assertThat(transitions.apply(modal, new Failed("x"))).map(Task::status).contains(TaskStatus.FAILURE);
            assertThat(transitions.apply(modal, new Cancelled("x"))).map(Task::status).contains(TaskStatus.CANCEL);
        }

        @Test
        void modalDoesNotJumpToSuccess() {
            assertThat(transitions.apply(inStatus(TaskStatus.MODAL), FINISHED)).isEmpty();
        }

        @Test
        void aDuplicatedModalAfterItWasSubmittedIsIgnored() {
            ModalOpened modal = new ModalOpened("modal-1", "MJ::RemixModal::h::1::0");
            Task resubmitted = apply(inStatus(TaskStatus.SUBMITTED), modal, new Submitted("n2", null, null));

            assertThat(resubmitted.status()).isEqualTo(TaskStatus.SUBMITTED);
            assertThat(transitions.apply(resubmitted, modal)).isEmpty();
            assertThat(transitions.apply(resubmitted, new ModalOpened("modal-2", "MJ::RemixModal::h::1::0")))
                    .map(Task::status).contains(TaskStatus.MODAL);
        }
    }

    @Nested
    class Cancel {

        @ParameterizedTest
        @EnumSource(value = TaskStatus.class, names = {"NOT_START", "SUBMITTED", "MODAL", "IN_PROGRESS"})
        void anyUnfinishedTaskCanBeCancelled(TaskStatus status) {
            Optional<Task> task = transitions.apply(inStatus(status), new Cancelled("by client"));

            assertThat(task).map(Task::status).contains(TaskStatus.CANCEL);
            assertThat(task).map(Task::failReason).contains("by client");
            assertThat(task).map(Task::finishTime).contains(NOW);
        }

        @Test
        void successAfterCancelIsIgnored() {
            assertThat(transitions.apply(inStatus(TaskStatus.CANCEL), FINISHED)).isEmpty();
        }
    }

    @Test
    void progressOutsideZeroToHundredIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Progress(101, null, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new Progress(-1, null, null, null));
    }

    @Test
    void applyNeverMutatesItsInput() {
        Task before = inStatus(TaskStatus.SUBMITTED);
        Task copy = before.withStatus(before.status());

        transitions.apply(before, FINISHED);

        assertThat(before).isEqualTo(copy);
    }

    @Nested
    class TheRuntime {

        private final JobRequest.Button press = new JobRequest.Button("14", 0, "MJ::CustomZoom::" + HASH, null);
        private final TaskRuntime runtime = TaskRuntime.of(press, null, "14", 0);

        private Task waitingForTheClient() {
            return fresh().withStatus(TaskStatus.MODAL).withInternal(TaskInternal.EMPTY.withRuntime(runtime));
        }

        @Test
        void theClientsModalAnswerIsPressedWithTheButtonAndWaitsForTheModal() {
            JobRequest.ModalAnswer answer = new JobRequest.ModalAnswer("a cat --zoom 1.5", null);

            Task answered = transitions.apply(waitingForTheClient(), new TaskUpdate.ModalAnswerGiven(answer)).orElseThrow();

            assertThat(answered.internal().runtime().pendingAnswer()).isEqualTo(answer);
            assertThat(answered.internal().runtime().request()).isEqualTo(
                    new JobRequest.Button("14", 0, "MJ::CustomZoom::" + HASH, answer));
            assertThat(answered.status()).isEqualTo(TaskStatus.MODAL);
        }

        @Test
        void anAnswerNeedsATaskInModalWithAButtonToPress() {
            TaskUpdate answer = new TaskUpdate.ModalAnswerGiven(new JobRequest.ModalAnswer("x", null));

            assertThat(transitions.apply(fresh(), answer)).isEmpty();
            assertThat(transitions.apply(waitingForTheClient().withStatus(TaskStatus.SUBMITTED), answer)).isEmpty();
        }

        @Test
        void openingTheModalUsesUpThePendingAnswer() {
            Task answered = apply(waitingForTheClient(),
                    new TaskUpdate.ModalAnswerGiven(new JobRequest.ModalAnswer("x", null)), SUBMITTED);

            Task opened = transitions.apply(answered, new ModalOpened("modal-1", "MJ::OutpaintCustomZoomModal::" + HASH))
                    .orElseThrow();

            assertThat(opened.internal().runtime().pendingAnswer()).isNull();
            assertThat(opened.internal().runtime().parentMessageId()).isEqualTo("14");
        }

        @ParameterizedTest
        @EnumSource(value = TaskStatus.class, names = {"SUCCESS", "FAILURE", "CANCEL"})
        void aFinalTaskKeepsNoRuntime(TaskStatus last) {
            Task running = apply(fresh().withInternal(TaskInternal.EMPTY.withRuntime(runtime)), SUBMITTED);
            TaskUpdate update = switch (last) {
                case SUCCESS -> FINISHED;
                case FAILURE -> new Failed("no");
                default -> new Cancelled("by client");
            };

            Task done = transitions.apply(running, update).orElseThrow();

            assertThat(running.internal().runtime()).isNotNull();
            assertThat(done.internal().runtime()).isNull();
        }
    }

    @Nested
    class LeaseStamps {

        @Test
        void aSendUnderALeaseStampsTheTaskAndLaterUpdatesKeepTheStamp() {
            LeaseStamp lease = new LeaseStamp("node-1", 4);

            Task done = apply(fresh(), new Submitted("n1", "main", "c1", lease), FINISHED);

            assertThat(done.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(done.internal().lease()).isEqualTo(lease);
        }

        @Test
        void aSendWithoutALeaseLeavesTheTaskUnstamped() {
            assertThat(inStatus(TaskStatus.SUBMITTED).internal().lease()).isNull();
        }

        @Test
        void aNewOwnerStampsAnUnfinishedTaskAndOnlyThat() {
            Task running = apply(fresh(), new Submitted("n1", "main", "c1", new LeaseStamp("node-1", 4)));
            LeaseStamp next = new LeaseStamp("node-2", 5);

            Task stamped = transitions.apply(running, new TaskUpdate.Stamped(next)).orElseThrow();

            assertThat(stamped.internal().lease()).isEqualTo(next);
            assertThat(stamped.status()).isEqualTo(running.status());
            assertThat(transitions.apply(stamped, new TaskUpdate.Stamped(next))).as("the same stamp again").isEmpty();
            assertThat(transitions.apply(inStatus(TaskStatus.SUCCESS), new TaskUpdate.Stamped(next))).isEmpty();
        }
    }
}
