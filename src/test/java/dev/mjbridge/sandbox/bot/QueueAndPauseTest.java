package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.SharedSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slots, queue and pause. The bot is paused while jobs are submitted, so which jobs run
 * and which wait does not depend on how fast the machine is.
 */
class QueueAndPauseTest {

    private SandboxUserSession user;

    @BeforeEach
    void open() {
        SharedSandbox.get().control().reset();
        user = SandboxUserSession.open("queue");
    }

    @AfterEach
    void close() {
        user.control().resumeBot();
        user.close();
    }

    @Test
    void fourthJobIsQueuedAndAllFinish() {
        user.control().pauseBot();
        List<SandboxUserSession.Sent> sent = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            sent.add(user.imagine("queued cat " + i).accepted());
            user.awaitSuccess(sent.get(i - 1));
        }
        JsonNode queued = user.awaitEmbed(sent.get(3), "Job queued");
        assertThat(queued.path("embeds").get(0).path("color").asInt()).isEqualTo(16776960);
        assertThat(queued.path("flags").asInt() & 64).isEqualTo(64);
        assertThat(user.control().bot().runningJobs(user.userId)).hasSize(3);
        assertThat(user.control().bot().queuedJobs(user.userId)).hasSize(1);
        for (int i = 0; i < 3; i++) {
            SandboxUserSession.Sent first = sent.get(i);
            assertThat(user.received("MESSAGE_CREATE", d -> first.nonce().equals(d.path("nonce").asString(null))
                    && "Job queued".equals(d.path("embeds").path(0).path("title").asString(null)))).isEmpty();
        }

        user.control().resumeBot();
        List<String> hashes = new ArrayList<>();
        for (SandboxUserSession.Sent each : sent) {
            hashes.add(user.followJob(each).hash());
        }
        assertThat(hashes).doesNotHaveDuplicates();
        // The queued job's start came after its "Job queued" notice and without the nonce it already answered.
        SandboxUserSession.JobTrace fourth = user.followJob(sent.get(3));
        assertThat(fourth.start().has("nonce")).isFalse();
        assertThat(user.positionOf(fourth.start())).isGreaterThan(user.positionOf(queued));
    }

    @Test
    void beyondTheQueueIsQueueFull() {
        user.control().updateUser(user.userId, s -> s.withLimits(1, 1));
        user.control().pauseBot();
        SandboxUserSession.Sent running = user.imagine("first").accepted();
        SandboxUserSession.Sent waiting = user.imagine("second").accepted();
        user.awaitEmbed(waiting, "Job queued");
        SandboxUserSession.Sent refused = user.imagine("third").accepted();
        JsonNode full = user.awaitEmbed(refused, "Queue full");
        assertThat(full.path("embeds").get(0).path("description").asString()).contains("job queue is full");

        user.control().resumeBot();
        user.followJob(running);
        user.followJob(waiting);
        assertThat(user.received("MESSAGE_CREATE", d -> refused.nonce().equals(d.path("nonce").asString(null))
                && d.path("content").asString().contains("Waiting to start"))).isEmpty();
    }

    @Test
    void pauseHoldsRunningAndNewJobsUntilResume() {
        user.control().setFastJobDuration(Duration.ofMillis(300));
        SandboxUserSession.Sent first = user.imagine("a slow owl").accepted();
        JsonNode start = user.awaitAnswer(first, d -> d.path("content").asString().endsWith("(Waiting to start)"));
        String firstId = start.path("id").asString();
        user.await("MESSAGE_UPDATE", d -> firstId.equals(d.path("id").asString()) && d.path("content").asString().contains("%)"));

        user.control().pauseBot();
        SandboxUserSession.Sent second = user.imagine("a patient owl").accepted();
        user.awaitSuccess(second);
        user.await("MESSAGE_UPDATE", d -> firstId.equals(d.path("id").asString())
                && d.path("content").asString().endsWith("(paused)"));
        int pausedAt = user.receivedCount();
        assertThat(user.received("MESSAGE_DELETE", d -> firstId.equals(d.path("id").asString()))).isEmpty();
        assertThat(user.received("MESSAGE_CREATE", d -> second.nonce().equals(d.path("nonce").asString(null))
                && d.path("content").asString().contains("Waiting to start"))).isEmpty();

        user.control().resumeBot();
        SandboxUserSession.JobTrace one = user.followJob(first);
        SandboxUserSession.JobTrace two = user.followJob(second);
        assertThat(user.positionOf(two.start())).isGreaterThanOrEqualTo(pausedAt);
        assertThat(user.positionOf(one.result())).isGreaterThanOrEqualTo(pausedAt);
    }
}
