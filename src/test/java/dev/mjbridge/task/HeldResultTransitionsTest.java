package dev.mjbridge.task;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mjbridge.midjourney.JobKind;
import dev.mjbridge.task.TaskUpdate.Cancelled;
import dev.mjbridge.task.TaskUpdate.Failed;
import dev.mjbridge.task.TaskUpdate.Finished;
import dev.mjbridge.task.TaskUpdate.Held;
import dev.mjbridge.task.TaskUpdate.ImagesKept;
import dev.mjbridge.task.TaskUpdate.ImagesNotKept;
import dev.mjbridge.task.TaskUpdate.Progress;
import dev.mjbridge.task.TaskUpdate.Submitted;

import static org.assertj.core.api.Assertions.assertThat;

/** A result held while its picture is kept: no client sees SUCCESS before the lasting link works. */
class HeldResultTransitionsTest {

    private static final long NOW = 1_732_800_010_000L;
    private static final String HASH = "3dbbd469-36af-4a0f-8f02-df6c579e7011";
    private static final String DISCORD = "https://cdn.discordapp.com/attachments/1/2/grid.png?ex=1&is=2&hm=3&";
    private static final String STORED = "https://mj.example/mj/image/1732800000000001/abc.png";
    private static final List<TaskButton> BUTTONS = List.of(new TaskButton("MJ::JOB::upsample::1::" + HASH, "", "U1", 2, 2));
    private static final Finished RESULT = new Finished(DISCORD, BUTTONS, "m-final", HASH, "cat --v 7", 0, null);

    private final TaskTransitions transitions =
            new TaskTransitions(Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));

    private Task running() {
        Task task = Task.create("1732800000000001", JobKind.IMAGINE, 1_732_800_000_000L).withPrompt("cat", "cat");
        task = transitions.apply(task, new Submitted("n1", "main", "c1")).orElseThrow();
        return transitions.apply(task, new Progress(40, "https://cdn/p.webp", "m-progress", HASH)).orElseThrow();
    }

    private Task held() {
        return transitions.apply(running(), new Held(RESULT)).orElseThrow();
    }

    @Test
    void aHeldResultStaysInProgressAtFullProgressWithoutTheResultYet() {
        Task task = held();

        assertThat(task.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(task.progress()).isEqualTo("100%");
        assertThat(task.imageUrl()).isEqualTo("https://cdn/p.webp");
        assertThat(task.buttons()).isEmpty();
        assertThat(task.finishTime()).isNull();
        assertThat(task.properties().messageId()).isEqualTo("m-final");
        assertThat(task.internal().held()).isEqualTo(RESULT);
    }

    @Test
    void keptPicturesFinishTheTaskWithTheLastingLinks() {
        List<ImageLink> pictures = List.of(new ImageLink(STORED.replace(".png", "_0.png"), 0),
                new ImageLink(STORED.replace(".png", "_1.png"), 1));

        Task task = transitions.apply(held(), new ImagesKept(STORED, pictures)).orElseThrow();

        assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(task.finishTime()).isEqualTo(NOW);
        assertThat(task.imageUrl()).isEqualTo(STORED);
        assertThat(task.imageUrls()).isEqualTo(pictures);
        assertThat(task.buttons()).isEqualTo(BUTTONS);
        assertThat(task.properties().finalPrompt()).isEqualTo("cat --v 7");
        assertThat(task.properties().extraValue(TaskTransitions.DISCORD_IMAGE_URL)).isEqualTo(DISCORD);
        assertThat(task.properties().extraValue(TaskTransitions.IMAGE_URLS))
                .isEqualTo(List.of(pictures.get(0).url(), pictures.get(1).url()));
        assertThat(task.internal().held()).isNull();
        assertThat(task.internal().runtime()).isNull();
    }

    @Test
    void aPictureNotKeptFinishesWithDiscordsLinkAndTheReason() {
        Task task = transitions.apply(held(), new ImagesNotKept("storing the picture failed: No space left on device"))
                .orElseThrow();

        assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(task.imageUrl()).isEqualTo(DISCORD);
        assertThat(task.imageUrls()).isNull();
        assertThat(task.properties().extraValue(TaskTransitions.IMAGE_STORE_ERROR))
                .isEqualTo("storing the picture failed: No space left on device");
        assertThat(task.properties().extraValue(TaskTransitions.DISCORD_IMAGE_URL)).isEqualTo(DISCORD);
    }

    @Test
    void nothingElseMovesAHeldTask() {
        Task task = held();

        assertThat(transitions.apply(task, RESULT)).isEmpty();
        assertThat(transitions.apply(task, new Held(RESULT))).isEmpty();
        assertThat(transitions.apply(task, new Failed("Timed out"))).isEmpty();
        assertThat(transitions.apply(task, new Cancelled("shutdown"))).isEmpty();
        assertThat(transitions.apply(task, new Progress(100, "https://cdn/p2.webp", "m-progress", HASH))).isEmpty();
    }

    @Test
    void keepingOutcomesApplyOnlyToAHeldTask() {
        assertThat(transitions.apply(running(), new ImagesKept(STORED, null))).isEmpty();
        assertThat(transitions.apply(running(), new ImagesNotKept("no"))).isEmpty();
        Task done = transitions.apply(held(), new ImagesKept(STORED, null)).orElseThrow();
        assertThat(transitions.apply(done, new ImagesKept("https://elsewhere/x.png", null))).isEmpty();
    }

    @Test
    void anUnheldResultSucceedsAtOnceWithDiscordsLinkRecorded() {
        Task task = transitions.apply(running(), RESULT).orElseThrow();

        assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(task.imageUrl()).isEqualTo(DISCORD);
        assertThat(task.properties().extraValue(TaskTransitions.DISCORD_IMAGE_URL)).isEqualTo(DISCORD);
    }
}
