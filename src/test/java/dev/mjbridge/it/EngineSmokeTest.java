package dev.mjbridge.it;

import dev.mjbridge.account.AccountFilter;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.JobRequest;
import dev.mjbridge.task.Routing;
import dev.mjbridge.task.SubmitResult;
import dev.mjbridge.task.Task;
import dev.mjbridge.midjourney.JobKind;
import dev.mjbridge.task.TaskButton;
import dev.mjbridge.task.TaskService;
import dev.mjbridge.task.TaskStatus;
import dev.mjbridge.testing.Waits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine alone (no REST layer): an imagine and an upscale through the sandbox. */
class EngineSmokeTest extends ProxyIntegrationTest {

    @Autowired
    TaskService tasks;

    @Test
    void imagineThenUpscale() {
        Task task = tasks.newTask(JobKind.IMAGINE).withPrompt("a red fox in snow", "a red fox in snow");
        SubmitResult result = tasks.submit(task, new JobRequest.Imagine("a red fox in snow", List.of()),
                Routing.anyAccount(BotType.MID_JOURNEY, AccountFilter.NONE, null));
        assertThat(result).isInstanceOf(SubmitResult.Submitted.class);

        Task done = awaitFinal(task.id());
        assertThat(done.status()).as(done.toString()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(done.imageUrl()).contains(".webp"); // V7 grids are WebP
        assertThat(done.buttons()).extracting(TaskButton::label).contains("U1", "V4");

        String u1 = done.buttons().stream().filter(b -> b.label().equals("U1")).findFirst().orElseThrow().customId();
        Task upscale = tasks.newTask(JobKind.UPSCALE).withPrompt(done.prompt(), done.promptEn());
        tasks.submitAction(upscale, new JobRequest.Button(done.properties().messageId(), 0, u1, null),
                new Routing(BotType.MID_JOURNEY, done.accountId(), null, AccountFilter.NONE, null));
        Task upscaled = awaitFinal(upscale.id());
        assertThat(upscaled.status()).as(upscaled.toString()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(upscaled.buttons()).extracting(TaskButton::customId).anyMatch(id -> id.contains("upsample_v7_2x_subtle"));
    }

    private Task awaitFinal(String id) {
        return Waits.await("task " + id + " final", MjApi.WAIT).pollInterval(Duration.ofMillis(20))
                .until(() -> tasks.find(id).orElseThrow(), task -> task.status().isFinal());
    }
}
