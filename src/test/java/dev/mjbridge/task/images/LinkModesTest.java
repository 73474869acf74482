package dev.mjbridge.task.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mjbridge.midjourney.JobKind;
import dev.mjbridge.task.ImageLink;
import dev.mjbridge.task.InFlightIndex;
import dev.mjbridge.task.MemoryTaskStore;
import dev.mjbridge.task.MidjourneyCdn;
import dev.mjbridge.task.Task;
import dev.mjbridge.task.TaskButton;
import dev.mjbridge.task.TaskStatus;
import dev.mjbridge.task.TaskTransitions;
import dev.mjbridge.task.TaskUpdate;
import dev.mjbridge.task.TaskWriter;

/**
 * The modes that keep nothing: which links a held result finishes with, including a task held by a
 * run with another setting and found again at start-up.
 */
class LinkModesTest {

    private static final String HASH = "3dbbd469-36af-4a0f-8f02-df6c579e7011";
    private static final String DISCORD = "https://cdn.discordapp.com/attachments/1/2/grid.png?ex=1&is=2&hm=3&";
    private static final String CDN = "https://cdn.midjourney.example";
    private static final List<TaskButton> GRID_BUTTONS =
            List.of(new TaskButton("MJ::JOB::upsample::1::" + HASH, "", "U1", 2, 2));

    private final TaskWriter writer = new TaskWriter(new InFlightIndex(), new MemoryTaskStore(), new TaskTransitions(),
            List.of());

    @Test
    void midjourneyLinksAGridAndItsPicturesOnMidjourneysCdn() {
        Task held = held(new TaskUpdate.Finished(DISCORD, GRID_BUTTONS, "m1", HASH, "cat", 0, null));

        new MidjourneyLinks(new MidjourneyCdn(CDN), writer, Runnable::run).keep(held);

        Task done = writer.apply(held.id(), new TaskUpdate.Linked(null, null, null)).orElse(null);
        Task task = done == null ? stored(held.id()) : done;
        assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(task.imageUrl()).isEqualTo(CDN + "/" + HASH + "/grid_0.png");
        assertThat(task.imageUrls()).extracting(ImageLink::url)
                .containsExactly(CDN + "/" + HASH + "/0_0.png", CDN + "/" + HASH + "/0_1.png",
                        CDN + "/" + HASH + "/0_2.png", CDN + "/" + HASH + "/0_3.png");
        assertThat(task.properties().extraValue(TaskTransitions.DISCORD_IMAGE_URL)).isEqualTo(DISCORD);
    }

    @Test
    void midjourneyKeepsDiscordsLinkForAResultItsCdnDoesNotHave() {
        Task held = held(new TaskUpdate.Finished(DISCORD, List.of(), "m1", null, "cat", 0, null));

        new MidjourneyLinks(new MidjourneyCdn(CDN), writer, Runnable::run).keep(held);

        assertThat(stored(held.id()).imageUrl()).isEqualTo(DISCORD);
    }

    @Test
    void discordFinishesATaskHeldByAnEarlierRunWithDiscordsLink() {
        Task held = held(new TaskUpdate.Finished(DISCORD, GRID_BUTTONS, "m1", HASH, "cat", 0, null));
        DiscordLinks links = new DiscordLinks(writer, Runnable::run);

        assertThat(links.holds(held, held.internal().held())).isFalse();
        links.keep(held);

        Task task = stored(held.id());
        assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(task.imageUrl()).isEqualTo(DISCORD);
        assertThat(task.imageUrls()).isNull();
        assertThat(task.properties().extraValue(TaskTransitions.IMAGE_STORE_ERROR)).isNull();
    }

    private Task held(TaskUpdate.Finished result) {
        Task task = Task.create("1732800000000001", JobKind.IMAGINE, 1_732_800_000_000L);
        writer.create(task);
        writer.apply(task.id(), new TaskUpdate.Submitted("n1", "acc-1", "c1"));
        return writer.apply(task.id(), new TaskUpdate.Held(result)).orElseThrow();
    }

    private Task stored(String id) {
        return writer.changeFinished(id, t -> t).orElseThrow();
    }
}
